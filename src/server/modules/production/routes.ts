import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context.ts';
import { batchRoutes } from './batches.ts';
import { productRoutes } from './products.ts';
import { stockRoutes } from './stock.ts';

/** Produksi: products and their bills of materials, the stock ledger per UPT, production batches. */
export function productionRoutes(app: OpenAPIHono<AppEnv>) {
  productRoutes(app);
  stockRoutes(app);
  batchRoutes(app);
}
