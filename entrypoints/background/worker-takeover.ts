/** The parts of a service worker's global scope that taking over needs. */
interface WorkerScope {
  skipWaiting?: () => Promise<void>;
  clients?: { claim(): Promise<void> };
  addEventListener(
    type: string,
    listener: (event: { waitUntil?(p: Promise<unknown>): void }) => void,
  ): void;
}

/**
 * Chrome only (Firefox's background is an event page, without these): the service worker
 * of an updated build has its own address (wxt.config.ts), so Chrome installs it beside the
 * earlier build's worker and, by the web's rules, leaves it waiting while any extension
 * page (a popup, a blocked page) still belongs to the earlier one. Meanwhile messages go
 * to neither and every page waits. The new worker takes over at once instead, and claims
 * the pages already open, so their messages reach this build's handlers.
 */
export function takeOverFromEarlierWorker(scope: WorkerScope): boolean {
  if (typeof scope.skipWaiting !== 'function' || !scope.clients) return false;
  const skip = scope.skipWaiting.bind(scope);
  const clients = scope.clients;
  scope.addEventListener('install', () => {
    skip().catch((e: unknown) => console.error('No Contact: could not take over', e));
  });
  scope.addEventListener('activate', (event) => {
    event.waitUntil?.(clients.claim());
  });
  return true;
}
