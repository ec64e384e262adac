import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import lz from 'lz-string';
import { afterAll, beforeAll } from 'vitest';

/** The scene the course page embeds: Adam and Momentum on Rosenbrock. */
export const embedded = {
  v: 1,
  fn: { id: 'rosenbrock' },
  start: [-1.5, 2],
  steps: 300,
  optimizers: [
    { type: 'adam', lr: 0.02 },
    { type: 'sgd', lr: 1e-3, momentum: 0.9 },
  ],
};

/** Its link's hash, without `#`. */
export const embeddedHash = `s=1.${lz.compressToEncodedURIComponent(JSON.stringify(embedded))}`;

/** A course page's address that frames `src`; valid inside the tests of the file that made it. */
export type Framing = (src: string) => string;

/**
 * Serves, before a file's tests and until after them, a course page on another origin than the
 * lab's preview (localhost, where the lab is on 127.0.0.1): `?src=` names what its iframe `#lab`
 * frames, and it sizes the frame to the heights the embed sends, listing them in `#heights`.
 */
export function coursePage(): Framing {
  let host: Server;
  let url = '';
  beforeAll(async () => {
    host = createServer((request, response) => {
      const src = new URL(request.url!, 'http://localhost').searchParams.get('src');
      // Anything else (a browser asks for /favicon.ico): nothing, and no error in the console.
      if (src === null) return void response.writeHead(204).end();
      response.setHeader('content-type', 'text/html; charset=utf-8');
      response.end(
        `<!doctype html><html lang="en"><title>Lesson 3</title><body><main><h1>Lesson 3</h1>` +
          `<iframe id="lab" src="${src.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}" title="Descent Lab: Rosenbrock" width="760" height="400" style="border:0"></iframe>` +
          `<p id="heights"></p></main><script>addEventListener('message', (e) => {` +
          `if (e.data && e.data.type === 'descent-lab:height') { lab.height = e.data.height; ` +
          `heights.textContent += e.data.height + ' '; } });</script></body></html>`,
      );
    });
    await new Promise<void>((resolve) => host.listen(0, 'localhost', resolve));
    url = `http://localhost:${(host.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise((resolve) => host.close(resolve)));
  return (src) => `${url}?src=${encodeURIComponent(src)}`;
}
