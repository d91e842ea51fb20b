import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context.ts';
import { consignmentRoutes } from './consignment.ts';
import { documentRoutes } from './documents.ts';
import { fromRequestRoutes } from './from-request.ts';
import { proceedsRoutes } from './proceeds.ts';
import { saleRoutes } from './sales.ts';
import { summaryRoutes } from './summary.ts';

/** Sales (outlet, institutions, marketplace, consignment, meal suppliers), proceeds split. */
export function salesRoutes(app: OpenAPIHono<AppEnv>) {
  summaryRoutes(app);
  consignmentRoutes(app);
  proceedsRoutes(app);
  documentRoutes(app);
  fromRequestRoutes(app);
  saleRoutes(app);
}
