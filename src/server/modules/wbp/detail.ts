import type { Context } from 'hono';
import { can } from '../../../shared/access/roles.ts';
import type { WbpDetail } from '../../../shared/schemas/wbp.ts';
import { currentUser } from '../../http/actor.ts';
import type { AppEnv } from '../../http/context.ts';
import { computeCase, loadHolidays } from './dates.ts';
import { findWbp, loadCaseRecords } from './queries.ts';
import { REDACTED } from '../audit/queries.ts';
import { addDays } from '../../../domain/calendar/date.ts';

/** How far ahead the inmate page projects remissions (assuming good behaviour). */
const PROJECTION_DAYS = 366 * 3;

/** The inmate page's data: the record, its case records, and today's computation with breakdown. */
export async function describeWbp(c: Context<AppEnv>, id: number): Promise<WbpDetail | undefined> {
  const { db, clock } = c.get('services');
  const w = await findWbp(db, id);
  if (!w) return undefined;
  const records = await loadCaseRecords(db, id);
  const today = clock.today();
  const computed = computeCase(w, records, today, await loadHolidays(db), addDays(today, PROJECTION_DAYS));
  const personal = can(currentUser(c).role, 'wbp.personal.read');
  return {
    id: w.id,
    uptId: w.upt_id,
    uptName: w.upt_name,
    kanwilId: w.kanwil_id,
    noRegister: w.no_register,
    name: personal ? w.name : REDACTED,
    sex: w.sex,
    birthDate: personal ? w.birth_date : null,
    religion: w.religion,
    religionRaw: w.religion_raw,
    status: w.status,
    statusRaw: w.status_raw,
    crimeCategory: w.crime_category,
    crimeRaw: w.crime_raw,
    specialCrimes: w.special_crimes,
    detentionStart: w.detention_start,
    admittedOn: w.admitted_on,
    releasedOn: w.released_on,
    releaseReason: w.release_reason,
    verdictDocument: w.verdict_document,
    flags: w.flags,
    premiAccount: personal ? w.premi_account : null,
    source: w.source,
    version: w.version,
    ...records,
    calculation: computed.result,
    calculationProblems: computed.problems,
  };
}
