/**
 * Sentence, remission and detention engine. Entry point: calculateCase(input, { holidays }).
 * See README.md in this folder for the JSON format.
 */
export { calculateCase } from './engine.ts';
export { InvalidCaseInputError } from './validate-input.ts';
export { RULE_SETS, RULE_IDS, ruleSetFor } from './rules.ts';
export type { RuleSet, TwoThirdsMode } from './rules.ts';
export { DETENTION_REGIMES, detentionRegimeFor } from './detention-rules.ts';
export type { DetentionRegime } from './detention-rules.ts';
export { DETENTION_WARNING_DAYS } from './detention.ts';
export { holidaysFromFileRows, remisiKhususOccasion, remisiKhususOccasions } from './holidays.ts';
export type { HolidayFileRow } from './holidays.ts';
export { orderEnd } from './sentence-term.ts';
export type * from './types.ts';
