/**
 * A script to run before a page's own (Playwright's addInitScript): when the HTML has been
 * parsed, it keeps what the page showed then in `window.__atParsed`: the first heading's
 * text and how many buttons there were. The popup's and the interstitial's module code
 * runs only after the first frame, so what is there then is the first-paint script's.
 */
export const AT_PARSED = `document.addEventListener('DOMContentLoaded', () => {
  const h = document.querySelector('h1');
  window.__atParsed = {
    heading: h ? h.textContent : null,
    buttons: document.querySelectorAll('button').length,
  };
});`;
