import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the test server answers for one path; a function is called on every request. */
export type Route =
  | { status?: number; type?: string; body: string | Buffer; headers?: Record<string, string> }
  | ((req: http.IncomingMessage, res: http.ServerResponse) => void);

/**
 * A real HTTP server on 127.0.0.1 whose pages a test can change, remove or break between
 * captures, standing in for a force's website that edits or takes down a hearing notice.
 */
export interface TestWebServer {
  url(path: string): string;
  set(path: string, route: Route): void;
  remove(path: string): void;
  hits(path: string): number;
  close(): Promise<void>;
}

/** Starts the server on a free port. Unknown paths answer 404. */
export async function startWebServer(): Promise<TestWebServer> {
  const routes = new Map<string, Route>();
  const hits = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const route = routes.get(path);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>');
      return;
    }
    if (typeof route === 'function') return route(req, res);
    res.writeHead(route.status ?? 200, {
      'content-type': route.type ?? 'text/html; charset=utf-8',
      ...route.headers,
    });
    res.end(route.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    set: (path, route) => void routes.set(path, route),
    remove: (path) => void routes.delete(path),
    hits: (path) => hits.get(path) ?? 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
