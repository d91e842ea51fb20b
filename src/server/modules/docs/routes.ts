import { createRequire } from 'node:module';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { declarePlainRoute, publicRoute } from '../../http/access.ts';
import type { AppEnv } from '../../http/context.ts';
import { API_BASE } from '../../http/route.ts';

const require = createRequire(import.meta.url);
const SWAGGER_DIR = path.dirname(require.resolve('swagger-ui-dist/package.json'));
const SWAGGER_FILES: Record<string, string> = {
  'swagger-ui.css': 'text/css',
  'swagger-ui-bundle.js': 'text/javascript',
};

const DOCS_HTML = `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Giatja API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head>
<body><main id="docs"></main><script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script></body></html>`;

/** The OpenAPI document (generated from the routes' zod schemas) and a browsable UI served locally. */
export function docsRoutes(app: OpenAPIHono<AppEnv>, api: OpenAPIHono<AppEnv>): void {
  declarePlainRoute('GET', '/api/openapi.json', publicRoute('the API description is public'));
  app.get('/api/openapi.json', (c) =>
    c.json(
      api.getOpenAPI31Document({
        openapi: '3.1.0',
        info: {
          title: 'Giatja API',
          version: '1',
          description:
            'API sistem informasi pembinaan kemandirian Pemasyarakatan. Semua galat berbentuk `{error: {code, message, fields}}` dalam bahasa pemanggil (cookie `giatja_lang` atau Accept-Language).',
        },
        servers: [{ url: API_BASE }],
      }),
    ),
  );
  declarePlainRoute('GET', '/api/docs', publicRoute('API documentation page'));
  app.get('/api/docs', (c) => c.html(DOCS_HTML));
  declarePlainRoute('GET', '/api/docs/init.js', publicRoute('API documentation page script'));
  app.get('/api/docs/init.js', (c) =>
    c.body("window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#docs' });", 200, {
      'content-type': 'text/javascript',
    }),
  );
  declarePlainRoute('GET', '/api/docs/assets/:file', publicRoute('API documentation assets'));
  app.get('/api/docs/assets/:file', async (c) => {
    const file = c.req.param('file');
    const type = SWAGGER_FILES[file];
    if (!type) return c.notFound();
    const body = await readFile(path.join(SWAGGER_DIR, file));
    return c.body(body, 200, { 'content-type': type, 'cache-control': 'public, max-age=86400' });
  });
}
