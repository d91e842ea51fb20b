import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../http/context.ts';
import { auditRoutes } from './audit/routes.ts';
import { authRoutes } from './auth/routes.ts';
import { metaRoutes } from './meta/routes.ts';
import { orgRoutes } from './org/routes.ts';
import { userRoutes } from './users/routes.ts';
import { wbpRoutes } from './wbp/routes.ts';
import { overstayRoutes } from './overstay/routes.ts';
import { holidayRoutes } from './holidays/routes.ts';
import { calculationRoutes } from './calculations/routes.ts';
import { remissionRoutes } from './remission/routes.ts';
import { importRoutes } from './imports/routes.ts';
import { workRoutes } from './work/routes.ts';
import { foodRoutes } from './food/routes.ts';
import { productionRoutes } from './production/routes.ts';
import { indicatorRoutes } from './indicators/routes.ts';
import { reportRoutes } from './reports/routes.ts';
import { occupancyRoutes } from './occupancy/routes.ts';

/** Every feature module, mounted under /api/v1. A new module is added here and nowhere else. */
export function registerModules(api: OpenAPIHono<AppEnv>): void {
  metaRoutes(api);
  authRoutes(api);
  orgRoutes(api);
  userRoutes(api);
  auditRoutes(api);
  wbpRoutes(api);
  overstayRoutes(api);
  holidayRoutes(api);
  calculationRoutes(api);
  remissionRoutes(api);
  importRoutes(api);
  workRoutes(api);
  foodRoutes(api);
  productionRoutes(api);
  indicatorRoutes(api);
  reportRoutes(api);
  occupancyRoutes(api);
}
