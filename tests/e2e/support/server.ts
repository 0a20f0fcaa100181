/**
 * A static page server on 127.0.0.1 (ephemeral port) for end-to-end tests: pages come
 * from a map of path -> HTML, so each test says exactly what the browser sees.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { declaredEncoding } from '../../../scripts/analyze/decode';

/** A page as text (sent as UTF-8), or as the original bytes, which the browser decodes as the page declares. */
export type PageBody = string | Buffer | ServedPage;

/** A page with its own Content-Security-Policy (the default blocks every page script). */
export interface ServedPage {
  body: string | Buffer;
  csp: string;
}

const DEFAULT_CSP = "script-src 'none'";

export interface PageServer {
  origin: string;
  url(path: string): string;
  /** Adds or replaces a page while the server runs. */
  set(path: string, html: PageBody): void;
  close(): Promise<void>;
}

export async function startPageServer(pages: Record<string, PageBody> = {}): Promise<PageServer> {
  const routes = new Map(Object.entries(pages));
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const html = routes.get(path);
    if (html === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    // Pages render from their own HTML only: no page scripts, no third-party fetches.
    const page: ServedPage = typeof html === 'string' || Buffer.isBuffer(html) ? { body: html, csp: DEFAULT_CSP } : html;
    const contentType = typeof page.body === 'string' ? 'text/html; charset=utf-8' : contentTypeOf(page.body);
    res.writeHead(200, { 'content-type': contentType, 'content-security-policy': page.csp });
    res.end(page.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => origin + path,
    set: (path, html) => void routes.set(path, html),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * Saved pages lost the Content-Type their site sent. One that declares no encoding and is
 * valid UTF-8 was served as UTF-8 (as `analyze` also assumes); without the header a browser
 * would fall back to windows-1252 and garble it.
 */
function contentTypeOf(bytes: Buffer): string {
  if (declaredEncoding(bytes)) return 'text/html';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'text/html; charset=utf-8';
  } catch {
    return 'text/html';
  }
}
