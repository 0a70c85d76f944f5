// Same-origin assets: the stylesheet and the client islands.
import { Hono } from 'hono';
import { island, ISLANDS, type Island } from '../bundle.js';
import { APP_CSS } from '../style.js';

export function staticRoutes() {
  const app = new Hono();
  app.get('/app.css', (c) => {
    c.header('Cache-Control', 'public, max-age=300');
    return c.body(APP_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8' });
  });
  app.get('/:name{[a-z]+\\.js}', async (c) => {
    const name = c.req.param('name').replace(/\.js$/, '') as Island;
    if (!ISLANDS.includes(name)) return c.notFound();
    const code = await island(name);
    c.header('Cache-Control', 'public, max-age=300');
    return c.body(code, 200, { 'Content-Type': 'text/javascript; charset=utf-8' });
  });
  return app;
}
