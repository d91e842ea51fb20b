import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { serveStatic } from '@hono/node-server/serve-static';
import { declarePlainRoute, publicRoute } from './http/access.ts';
import type { AppEnv } from './http/context.ts';

/**
 * The built web app: hashed assets cached for a year, and index.html for every other path so
 * the client router can take over. The shell holds no data; the API enforces access.
 */
export function webRoutes(app: OpenAPIHono<AppEnv>, webDir: string): void {
  const root = path.relative(process.cwd(), webDir) || '.';
  declarePlainRoute('GET', '/assets/*', publicRoute('static, content-hashed web app files'));
  app.use(
    '/assets/*',
    serveStatic({
      root,
      onFound: (_p, c) => c.header('cache-control', 'public, max-age=31536000, immutable'),
    }),
  );
  declarePlainRoute('GET', '/*', publicRoute('the web app shell; holds no data'));
  app.get('/*', async (c) => {
    if (c.req.path.startsWith('/api/')) return c.notFound();
    const file = path.join(webDir, c.req.path === '/' ? 'index.html' : c.req.path);
    if (file.startsWith(webDir) && path.extname(file) && !file.endsWith('.html')) {
      try {
        return c.body(await readFile(file), 200, { 'cache-control': 'public, max-age=3600' });
      } catch {
        return c.notFound();
      }
    }
    const html = await readFile(path.join(webDir, 'index.html'), 'utf8');
    return c.html(html, 200, { 'cache-control': 'no-cache' });
  });
}
