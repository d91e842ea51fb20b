/** The engine's request schema, shared so the web calculator validates with the API's own rules. */
export { CaseInputSchema, CalculationRequestSchema } from '../../domain/sentence/schema.ts';
