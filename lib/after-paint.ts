/**
 * Resolves once the browser has had the chance to paint the page as it stands: in a task
 * after the next frame. A page that is not shown (a tab opened in the background) gets no
 * frames, so it resolves after `maxMs` at the latest.
 */
export function afterNextPaint(maxMs = 100): Promise<void> {
  return new Promise((done) => {
    requestAnimationFrame(() => setTimeout(done));
    setTimeout(done, maxMs);
  });
}
