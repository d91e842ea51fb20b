import type { z } from 'zod';
import { ErrorBody } from '../../shared/schemas/common.ts';

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});

export const jsonOk = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

const err = (description: string) => ({ description, content: { 'application/json': { schema: ErrorBody } } });

/** The error answers every route may give; bodies follow `{error: {code, message, fields}}`. */
export const errorResponses = {
  400: err('Bad input (field errors in `fields`)'),
  401: err('Not signed in'),
  403: err('Not allowed, or outside the caller’s scope'),
  404: err('Not found'),
  409: err('Changed by someone else (version conflict) or duplicate'),
  429: err('Too many attempts'),
} as const;
