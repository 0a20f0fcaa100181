/**
 * A real HTTP server on 127.0.0.1 (ephemeral port) for the source tests: each route
 * serves a fixture in the service's real format, or misbehaves in one precise way.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';

export const FIXTURES = new URL('./fixtures/', import.meta.url);

export function fixture(name: string): string {
  return readFileSync(new URL(name, FIXTURES), 'utf8');
}

export type Route = (request: IncomingMessage, response: ServerResponse) => void;

export interface TestServer {
  url: string;
  /** Requests seen, as path + query, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** Serves `routes` by path; unknown paths answer 404. */
export async function startServer(routes: Record<string, Route>): Promise<TestServer> {
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    requests.push(request.url ?? '');
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const route = routes[path];
    if (route) route(request, response);
    else response.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A route answering `body` with `type`. */
export function serve(body: string, type: string, status = 200, headers: Record<string, string> = {}): Route {
  return (_request, response) => response.writeHead(status, { 'content-type': type, ...headers }).end(body);
}

/** A route that answers only after `ms`, or never when the client gives up first. */
export function slow(ms: number, body: string, type: string): Route {
  return (_request, response) => {
    const timer = setTimeout(() => response.writeHead(200, { 'content-type': type }).end(body), ms);
    response.on('close', () => clearTimeout(timer));
  };
}
