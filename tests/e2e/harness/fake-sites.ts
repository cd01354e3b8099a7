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
  clear(): void;
  /** Proxy auto-config that sends only the fake hosts to this server (Firefox). */
  pac(): string;
  close(): Promise<void>;
}

const isFakeHost = (host: string) => FAKE_DOMAINS.some((d) => host === d || host.endsWith(`.${d}`));

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Every path answers with a small page naming the host and path, so a test can tell a
 * profile that loaded from the interstitial. `/_e2e/links?to=URL&to=URL` lists links to
 * the given addresses, for "clicked on the site" tests.
 */
function page(host: string, url: URL): string {
  const title = `Fake ${host}${url.pathname}`;
  let body = `<h1 id="fake-page">${escapeHtml(title)}</h1>`;
  if (url.pathname === '/_e2e/links') {
    body += url.searchParams
      .getAll('to')
      .map((to, i) => `<p><a id="link-${i}" href="${escapeHtml(to)}">${escapeHtml(to)}</a></p>`)
      .join('');
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body>${body}</body></html>`;
}

export async function startFakeSites(): Promise<FakeSites> {
  const { key, cert } = makeCertificate(FAKE_DOMAINS);
  const requests: LoggedRequest[] = [];

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
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(page(host, url));
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
    clear() {
      requests.length = 0;
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
