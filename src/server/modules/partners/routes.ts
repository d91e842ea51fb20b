import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context.ts';
import { agreementRoutes } from './agreements.ts';
import { directoryRoutes } from './directory.ts';
import { pokmasRoutes } from './pokmas.ts';

/** Kemitraan: partner directory, Pokmas Lipas, agreements (MoU/PKS) with documents and alerts, contributions. */
export function partnerRoutes(app: OpenAPIHono<AppEnv>) {
  // Fixed paths before /partners/{partnerId}.
  pokmasRoutes(app);
  agreementRoutes(app);
  directoryRoutes(app);
}
