import { addMonths } from '../../domain/calendar/date.ts';

/**
 * How far back the demo's dated records reach (work register, sales, proceeds splits, PNBP): the
 * current calendar month and the ones before it. A whole year of attendance would double the
 * seed's time for every test that starts the demo; six months give quarter and year-to-date
 * figures that sum months which each hold records.
 */
export const DEMO_HISTORY_MONTHS = 6;

/** The first day of the demo's history, relative to the day it seeds. */
export const historyStart = (today: string): string => addMonths(`${today.slice(0, 7)}-01`, 1 - DEMO_HISTORY_MONTHS);
