import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context.ts';
import { activityRoutes } from './activities.ts';
import { allocationRoutes } from './allocations.ts';
import { attendanceRoutes } from './attendance.ts';
import { premiRoutes } from './premi.ts';
import { dashboardRoutes } from './dashboard.ts';

/** Kegiatan kerja: activities and pay rules, allocation, attendance, premi ledger. */
export function workRoutes(app: OpenAPIHono<AppEnv>) {
  activityRoutes(app);
  allocationRoutes(app);
  attendanceRoutes(app);
  premiRoutes(app);
  dashboardRoutes(app);
}
