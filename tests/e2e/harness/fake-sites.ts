import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { makeCertificate } from './cert';

/** The sites the fake server plays; every subdomain of each is served too. */
export const FAKE_DOMAINS = [
  'instagram.com',
  'facebook.com',
  'messenger.com',
  'x.com',
  'twitter.com',
  'linkedin.com',
  'tiktok.com',
  'threads.net',
  'threads.com',
  'reddit.com',
  'youtube.com',
  'bsky.app',
  'snapchat.com',
  'pinterest.com',
  'tumblr.com',
  'twitch.tv',
  'example.org',
  'instagr.am',
  // Chat apps whose hosts are asked for when a conversation there is listed (Discord,
  // Telegram Web, WhatsApp's link and send addresses).
  'discord.com',
  'telegram.org',
  'wa.me',
  'whatsapp.com',
  // A host written with a trailing dot: the host mapping and the proxy's match see it only
  // when it is listed this way.
  'instagram.com.',
] as const;

export interface LoggedRequest {
  host: string;
  /** Path and query, as sent. */
  path: string;
  method: string;
  /** Sec-Fetch-Dest, when the browser sends it (document, image, empty, ...). */
  dest: string;
  at: number;
}

export interface FakeSites {
  port: number;
  requests: LoggedRequest[];
  /** Requests whose host is `host` (or a subdomain) and whose path starts with `pathPrefix`. */
  requestsFor(host: string, pathPrefix: string): LoggedRequest[];
  /**
   * Every request that names `handle` anywhere in its path or query (page, data, beacon),
   * except the test's own scaffolding pages under /_e2e/ whose query lists link targets.
   */
  requestsNaming(handle: string): LoggedRequest[];
  clear(): void;
  /** Proxy auto-config that sends only the fake hosts to this server (Firefox). */
  pac(): string;
  /**
   * Feed loads (of `/_e2e/feed`'s page) that browsers run by themselves, `loads` per label,
   * one at a time and taking turns, so browsers started without a driver can be compared.
   */
  chain(labels: readonly string[], loads: number): FeedChain;
  close(): Promise<void>;
}

const isFakeHost = (host: string) => FAKE_DOMAINS.some((d) => host === d || host.endsWith(`.${d}`));

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A tiny single-page app, like the real sites: links marked data-spa become in-page route
 * changes (pushState), a profile route fetches its data from an API address that does
 * not contain the profile's path, and its story view sends a "seen" beacon 300 ms after
 * rendering. `window.__route(path)` is the router's programmatic push.
 * A chat thread's route (Instagram /direct/t/<id>, X /messages/<id>, LinkedIn
 * /messaging/thread/<id>, Discord /channels/@me/<id>) fetches the thread's messages and
 * sends a read receipt 300 ms later, both naming the thread's id. On web.telegram.org the
 * open chat is the address's fragment, as in Telegram Web: the app draws the chat it names
 * (on load and on every hashchange) and fetches its messages by the peer's name.
 */
const APP_JS = `
(() => {
  const view = () => document.getElementById('view');
  const telegram = location.hostname === 'web.telegram.org';
  function renderChat() {
    const peer = decodeURIComponent(location.hash.slice(1));
    if (!view()) return;
    if (!peer) { view().textContent = 'Chat list'; return; }
    view().textContent = 'Chat ' + peer;
    fetch('/api/chat/history?peer=' + encodeURIComponent(peer)).catch(() => {});
    setTimeout(() => navigator.sendBeacon('/api/chat/read?peer=' + encodeURIComponent(peer)), 300);
  }
  function render(path) {
    if (telegram) { renderChat(); return; }
    const t = /^\\/(?:direct\\/t|messages|messaging\\/thread|channels\\/(?:@|%40)me)\\/([^/]+)\\/?$/i.exec(path);
    if (t && view()) {
      view().textContent = 'Thread ' + t[1];
      fetch('/api/thread/messages?thread=' + t[1]).catch(() => {});
      setTimeout(() => navigator.sendBeacon('/api/thread/seen?thread=' + t[1]), 300);
      return;
    }
    const m = /^\\/([A-Za-z0-9._-]+)\\/?$/.exec(path);
    if (!view()) return;
    if (!m || m[1].startsWith('_')) { view().textContent = 'Route ' + path; return; }
    view().textContent = 'Profile ' + m[1];
    fetch('/api/v1/users/web_profile_info/?username=' + m[1]).catch(() => {});
    setTimeout(() => navigator.sendBeacon('/api/seen?story_owner=' + m[1]), 300);
  }
  document.addEventListener('click', (e) => {
    const a = e.target.closest && e.target.closest('a[data-spa]');
    if (!a) return;
    e.preventDefault();
    history.pushState({}, '', a.getAttribute('href'));
    render(location.pathname);
  });
  window.addEventListener('popstate', () => render(location.pathname));
  if (telegram) window.addEventListener('hashchange', renderChat);
  window.__route = (p) => { history.pushState({}, '', p); render(location.pathname); };
  if (new URLSearchParams(location.search).has('sw')) navigator.serviceWorker.register('/_e2e/sw.js', { scope: '/' });
  render(location.pathname);
})();
`;

/** Serves navigations from its cache once seen: a returning visitor, with no request sent. */
const SW_JS = `
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (e) => e.waitUntil(self.clients.claim()));
self.addEventListener('fetch', (e) => {
  if (e.request.mode !== 'navigate' && !e.request.url.endsWith('/_e2e/app.js')) return;
  e.respondWith(caches.open('pages').then(async (c) => {
    const hit = await c.match(e.request, { ignoreSearch: false });
    if (hit) return hit;
    const res = await fetch(e.request);
    if (res.ok) await c.put(e.request, res.clone());
    return res;
  }));
});
`;

/**
 * Every path answers with a small page naming the host and path, so a test can tell a
 * profile that loaded from the interstitial. `/_e2e/links?to=URL&to=URL` lists links to
 * the given addresses, for "clicked on the site" tests; `/_e2e/links?spa&to=/path` makes
 * them in-page links of the app.
 */
function page(host: string, url: URL): string {
  const title = `Fake ${host}${url.pathname}`;
  let body = `<h1 id="fake-page">${escapeHtml(title)}</h1><p id="view"></p>`;
  if (url.pathname === '/_e2e/links') {
    const spa = url.searchParams.has('spa') ? ' data-spa' : '';
    body += url.searchParams
      .getAll('to')
      .map(
        (to, i) => `<p><a id="link-${i}"${spa} href="${escapeHtml(to)}">${escapeHtml(to)}</a></p>`,
      )
      .join('');
  }
  const speculate = url.searchParams.get('speculate');
  const rules = speculate
    ? `<script type="speculationrules">${JSON.stringify({
        prefetch: [{ source: 'list', urls: [speculate] }],
        prerender: [{ source: 'list', urls: [speculate] }],
      })}</script><link rel="prefetch" href="${escapeHtml(speculate)}">`
    : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>${rules}</head><body>${body}<script src="/_e2e/app.js"></script></body></html>`;
}

/** A 1x1 transparent PNG. */
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

/**
 * `/_e2e/feed`: a platform's home feed as the bench loads it (bench/guard-cost.ts): 50
 * images and 20 data requests made by the page's script. `window.__feedDone` is the time
 * (from navigation start) when the load event has fired and every data request answered.
 */
const feed = (then = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Feed</title></head><body><h1>Feed</h1>${Array.from(
    { length: 50 },
    (_, i) => `<img alt="" width="40" height="40" src="/_e2e/img/${i}.png">`,
  ).join('')}<script>
  const data = Promise.all(Array.from({ length: 20 }, (_, i) => fetch('/api/feed/' + i)));
  const loaded = new Promise((r) => addEventListener('load', r));
  Promise.all([data, loaded]).then(() => { window.__feedDone = performance.now(); ${then} });
</script></body></html>`;
const FEED = feed();

/**
 * Feed loads that need no driver: each feed, once loaded, goes to `/_e2e/chain/next`
 * with its time, and the server answers with the next feed when it is that browser's turn
 * (see FakeSites.chain). A browser started on `start(label)` runs its loads by itself.
 */
export interface FeedChain {
  /** The address a browser starts at to load feeds as `label`. */
  start(label: string): string;
  /** Each label's times (ms from navigation start to loaded), once all have `loads`. */
  done: Promise<Record<string, number[]>>;
}

interface ChainState {
  labels: readonly string[];
  loads: number;
  times: Map<string, number[]>;
  /** The browsers waiting for their next feed, by label. */
  waiting: Map<string, () => void>;
  /** The label whose feed is loading now, if any. */
  loading: string | null;
  /** Loads released so far: their order is A B B A A B B A ... */
  released: number;
  resolve(times: Record<string, number[]>): void;
}

const CHAIN_LABEL = /^[a-z0-9-]{1,40}$/;

let shared: Promise<FakeSites> | undefined;

/**
 * One server for all the files of a test process, its log cleared for each: the shared
 * Firefox (see browsers.ts) reaches the fake sites through its port. It does not keep the
 * process alive.
 */
export async function sharedFakeSites(): Promise<FakeSites> {
  shared ??= startFakeSites({ holdsProcess: false });
  const sites = await shared;
  sites.clear();
  return sites;
}

export async function startFakeSites({ holdsProcess = true } = {}): Promise<FakeSites> {
  const { key, cert } = makeCertificate(FAKE_DOMAINS);
  const requests: LoggedRequest[] = [];
  let chain: ChainState | null = null;

  const html = (res: http.ServerResponse, body: string) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(body);
  };
  const pump = () => {
    const c = chain;
    if (!c || c.loading !== null) return;
    const pair = Math.floor(c.released / 2);
    const pos = c.released % 2;
    const label = c.labels[pair % 2 === 0 ? pos : 1 - pos]!;
    const go = c.waiting.get(label);
    if (!go) return;
    c.waiting.delete(label);
    c.loading = label;
    c.released++;
    go();
  };
  const chainNext = (url: URL, res: http.ServerResponse) => {
    const c = chain;
    const label = url.searchParams.get('run') ?? '';
    const times = c?.times.get(label);
    if (!c || !times || !CHAIN_LABEL.test(label)) {
      res.writeHead(404).end();
      return;
    }
    const ms = Number(url.searchParams.get('ms'));
    if (url.searchParams.has('ms') && Number.isFinite(ms)) times.push(ms);
    if (c.loading === label) c.loading = null;
    if (times.length >= c.loads) {
      html(res, '<!doctype html><title>Done</title><p>Done');
      if ([...c.times.values()].every((t) => t.length >= c.loads)) {
        c.resolve(Object.fromEntries(c.times));
      }
    } else {
      const next = `/_e2e/chain/feed?run=${label}&i=${times.length}`;
      c.waiting.set(label, () =>
        html(res, `<!doctype html><title>Next</title><script>location.replace('${next}')</script>`),
      );
    }
    pump();
  };

  const handle = (req: http.IncomingMessage, res: http.ServerResponse) => {
    // A proxied plain-HTTP request carries an absolute URL; a direct one a path.
    const raw = req.url ?? '/';
    const base = `http://${req.headers.host ?? 'unknown'}`;
    const url = new URL(raw, base);
    const host = url.hostname.toLowerCase();
    if (!isFakeHost(host)) {
      res.writeHead(502).end();
      return;
    }
    requests.push({
      host,
      path: url.pathname + url.search,
      method: req.method ?? 'GET',
      dest: String(req.headers['sec-fetch-dest'] ?? ''),
      at: Date.now(),
    });
    if (url.pathname === '/favicon.ico' || url.pathname.startsWith('/api/')) {
      res.writeHead(204).end();
      return;
    }
    if (url.pathname.startsWith('/_e2e/img/')) {
      res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'no-store' });
      res.end(PIXEL);
      return;
    }
    if (url.pathname === '/_e2e/chain/next') {
      chainNext(url, res);
      return;
    }
    if (url.pathname === '/_e2e/chain/feed') {
      const label = url.searchParams.get('run') ?? '';
      if (!CHAIN_LABEL.test(label)) {
        res.writeHead(404).end();
        return;
      }
      html(res, feed(`location.replace('/_e2e/chain/next?run=${label}&ms=' + window.__feedDone);`));
      return;
    }
    if (url.pathname === '/_e2e/feed') {
      html(res, FEED);
      return;
    }
    if (url.pathname === '/_e2e/app.js' || url.pathname === '/_e2e/sw.js') {
      // The worker lives under /_e2e/ but controls the whole site, as a real site's does.
      res.writeHead(200, {
        'content-type': 'text/javascript',
        'cache-control': 'no-store',
        'service-worker-allowed': '/',
      });
      res.end(url.pathname === '/_e2e/app.js' ? APP_JS : SW_JS);
      return;
    }
    html(res, page(host, url));
  };

  const httpServer = http.createServer(handle);
  const httpsServer = https.createServer({ key, cert }, handle);

  // Firefox reaches the fake sites through this server as an HTTP proxy: CONNECT is
  // answered here and the tunnel is handed to the TLS server.
  httpServer.on('connect', (req: http.IncomingMessage, socket: net.Socket, head: Buffer) => {
    const host = (req.url ?? '').split(':')[0]?.toLowerCase() ?? '';
    if (!isFakeHost(host)) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length) socket.unshift(head);
    httpsServer.emit('connection', socket);
  });

  // One port speaks TLS and plain HTTP: the first byte of a TLS handshake is 0x16.
  const server = net.createServer((socket) => {
    socket.once('readable', () => {
      const first: Buffer | null = socket.read(1) as Buffer | null;
      if (!first) {
        socket.destroy();
        return;
      }
      socket.unshift(first);
      (first[0] === 0x16 ? httpsServer : httpServer).emit('connection', socket);
    });
    socket.on('error', () => socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  if (!holdsProcess) server.unref();
  const port = (server.address() as net.AddressInfo).port;

  return {
    port,
    requests,
    requestsFor(host, pathPrefix) {
      return requests.filter(
        (r) =>
          (r.host === host || r.host.endsWith(`.${host}`)) &&
          r.path.toLowerCase().startsWith(pathPrefix.toLowerCase()),
      );
    },
    requestsNaming(handle) {
      const h = handle.toLowerCase();
      return requests.filter(
        (r) => !r.path.startsWith('/_e2e/') && r.path.toLowerCase().includes(h),
      );
    },
    clear() {
      requests.length = 0;
    },
    chain(labels, loads) {
      if (labels.length !== 2 || !labels.every((l) => CHAIN_LABEL.test(l))) {
        throw new Error(`a chain takes two labels of a-z, 0-9 and "-": ${labels.join(', ')}`);
      }
      let resolve: (times: Record<string, number[]>) => void = () => {};
      const done = new Promise<Record<string, number[]>>((r) => (resolve = r));
      chain = {
        labels,
        loads,
        times: new Map(labels.map((l) => [l, []])),
        waiting: new Map(),
        loading: null,
        released: 0,
        resolve,
      };
      return {
        start: (label) => `https://www.instagram.com/_e2e/chain/next?run=${label}`,
        done,
      };
    },
    pac() {
      const conds = FAKE_DOMAINS.map((d) => `host === '${d}' || dnsDomainIs(host, '.${d}')`).join(
        ' || ',
      );
      return `function FindProxyForURL(url, host) { if (${conds}) return 'PROXY 127.0.0.1:${port}'; return 'DIRECT'; }`;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        httpServer.closeAllConnections();
        httpsServer.closeAllConnections();
      }),
  };
}
