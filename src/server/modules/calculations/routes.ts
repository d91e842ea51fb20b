import type { OpenAPIHono } from '@hono/zod-openapi';
import { calculateCase, InvalidCaseInputError, type CaseInput } from '../../../domain/sentence/index.ts';
import { z } from 'zod';
import { CalculationRequestSchema, CaseResultSchema, HolidaySchema } from '../../../domain/sentence/schema.ts';
import { referenceRoute } from '../../http/access.ts';
import type { AppEnv } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { errorResponses, jsonBody, jsonOk } from '../../http/openapi.ts';
import { defineRoute } from '../../http/route.ts';
import { loadHolidays } from '../wbp/dates.ts';

/** The engine's request, plus an optional holiday list (else the installation's). */
const CalculationBody = CalculationRequestSchema.extend({ holidays: z.array(HolidaySchema).max(2000).optional() });

const calculateRoute = defineRoute({
  method: 'post',
  path: '/calculations',
  tags: ['Kalkulator pidana / Sentence calculator'],
  summary: 'Hitung tanggal pidana untuk kasus yang dikirim / compute sentence dates for a case',
  description:
    'The engine on its own: a case (detention orders, sentences, religion, register F, remissions granted, optional projection) in, every date with its line-by-line breakdown out. Nothing is stored. Holidays come from the installation unless the request gives its own. Format: src/domain/sentence/README.md.',
  access: referenceRoute('calculation.run'),
  request: { body: jsonBody(CalculationBody) },
  responses: { 200: jsonOk(CaseResultSchema, 'All dates with breakdown'), ...errorResponses },
});

export function calculationRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(calculateRoute, async (c) => {
    const body = c.req.valid('json');
    const holidays = body.holidays ?? (await loadHolidays(c.get('services').db));
    try {
      const result = calculateCase(body.case as CaseInput, { holidays, ...(body.twoThirdsMode ? { twoThirdsMode: body.twoThirdsMode } : {}) });
      return c.json(result, 200);
    } catch (err) {
      if (err instanceof InvalidCaseInputError) throw new AppError(400, 'VALIDATION', { case: 'invalid' });
      throw err;
    }
  });
}
