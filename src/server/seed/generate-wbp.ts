import { addDays, addPeriod, diffDays, isAfter, yearOf, type IsoDate } from '../../domain/calendar/date.ts';
import type { Rng } from '../../domain/random/prng.ts';
import { ordinalAmount } from '../../domain/sentence/remission-amounts.ts';
import { remisiKhususOccasions } from '../../domain/sentence/holidays.ts';
import { ruleSetFor } from '../../domain/sentence/rules.ts';
import type { Holiday, Religion } from '../../domain/sentence/index.ts';
import { GIVEN_NAMES, FAMILY_NAMES, BALINESE_PREFIXES } from './names.ts';

/**
 * Generated inmates for the demo and benchmarks, deterministic from the RNG. Distributions follow
 * published national figures (shared/data): ~17% detainees (Dec 2021 series), about half the
 * population in for narcotics, 1–2% corruption, a few hundred terrorism cases; religion by region.
 * Every row is marked source = 'generated'.
 */
export interface GenUpt {
  id: number;
  kanwilId: number;
  kanwilRaw: string;
  type: string;
  modifiers: readonly string[];
  capacity: number | null;
  rawName: string;
}

export interface GenWbp {
  id: number;
  uptId: number;
  kanwilId: number;
  noRegister: string;
  name: string;
  sex: 'L' | 'P';
  birthDate: IsoDate;
  religion: Religion;
  status: 'tahanan' | 'narapidana' | 'anak';
  crimeCategory: string;
  specialCrimes: string[];
  detentionStart: IsoDate;
  verdictDocument: boolean;
  /** Set for those already released at their (remission-reduced) expiry. */
  releasedOn?: IsoDate;
}
export interface GenSentence {
  wbpId: number;
  verdictDate: IsoDate;
  years: number;
  months: number;
  days: number;
  fineRupiah: number;
  finePaid: boolean;
  subsidiaryDays: number;
}
export interface GenOrder {
  id: number;
  wbpId: number;
  stage: string;
  authority: string;
  startDate: IsoDate;
  days: number;
  extensionOf: number | null;
}
export interface GenGrant {
  wbpId: number;
  kind: 'umum' | 'khusus';
  occasionDate: IsoDate;
  days: number;
  decree: string;
}
export interface GenRegisterF {
  wbpId: number;
  date: IsoDate;
  until: IsoDate;
  offence: string;
}
export interface GeneratedInmates {
  wbp: GenWbp[];
  sentences: GenSentence[];
  orders: GenOrder[];
  grants: GenGrant[];
  registerF: GenRegisterF[];
}

const CRIMES: Array<[string, number, number, number]> = [
  // category, share, min months, max months of sentence
  ['narkotika', 0.53, 24, 180],
  ['korupsi', 0.017, 18, 120],
  ['terorisme', 0.0015, 36, 180],
  ['perdagangan_orang', 0.0012, 36, 120],
  ['illegal_logging', 0.0013, 12, 60],
  ['pencucian_uang', 0.0006, 24, 120],
  ['pidana_umum', 0.4484, 4, 72],
];

/** KUHAP arts. 24–28: stage, initial days, extension days, authority. */
const STAGES: Array<[string, number, number, string, string]> = [
  ['penyidikan', 20, 40, 'Penyidik', 'Penuntut Umum'],
  ['penuntutan', 20, 30, 'Penuntut Umum', 'Ketua Pengadilan Negeri'],
  ['pn', 30, 60, 'Hakim Pengadilan Negeri', 'Ketua Pengadilan Negeri'],
  ['pt', 30, 60, 'Hakim Pengadilan Tinggi', 'Ketua Pengadilan Tinggi'],
  ['ma', 50, 60, 'Hakim Agung', 'Ketua Mahkamah Agung'],
];

const OFFENCES = ['Membawa telepon genggam', 'Berkelahi dengan sesama WBP', 'Tidak mengikuti apel', 'Menyimpan barang terlarang'];

function religionFor(rng: Rng, kanwilRaw: string): Religion {
  const r = rng.next();
  if (kanwilRaw === 'Bali') return r < 0.8 ? 'hindu' : r < 0.95 ? 'islam' : 'kristen';
  if (kanwilRaw === 'Nusa Tenggara Timur') return r < 0.55 ? 'katolik' : r < 0.9 ? 'kristen' : 'islam';
  if (['Papua', 'Papua Barat', 'Sulawesi Utara', 'Maluku'].includes(kanwilRaw)) return r < 0.6 ? 'kristen' : r < 0.7 ? 'katolik' : 'islam';
  if (kanwilRaw === 'Sumatera Utara') return r < 0.55 ? 'islam' : r < 0.9 ? 'kristen' : r < 0.95 ? 'katolik' : 'buddha';
  return r < 0.88 ? 'islam' : r < 0.95 ? 'kristen' : r < 0.98 ? 'katolik' : r < 0.99 ? 'hindu' : r < 0.998 ? 'buddha' : 'konghucu';
}

function nameFor(rng: Rng, religion: Religion, sex: 'L' | 'P'): string {
  const given = rng.pick(GIVEN_NAMES[sex]);
  if (religion === 'hindu') return `${rng.pick(BALINESE_PREFIXES[sex])} ${given} ${rng.pick(FAMILY_NAMES)}`;
  return rng.chance(0.7) ? `${given} ${rng.pick(FAMILY_NAMES)}` : given;
}

function pickCrime(rng: Rng): [string, number, number] {
  let r = rng.next();
  for (const [cat, share, min, max] of CRIMES) {
    if (r < share) return [cat, min, max];
    r -= share;
  }
  return ['pidana_umum', 4, 72];
}

/** Past remission grants an officer would find on file: RU on 17 Aug and RK on the holiday, by the rules. */
/** Days a release came late: 0 for most; 1–21 for about one in 25, from a hash of the id. */
export function lateRelease(id: number): number {
  const h = Math.imul(id, 2654435761) >>> 0;
  return h % 25 === 0 ? 1 + ((h >>> 8) % 21) : 0;
}

function pastGrants(rng: Rng, w: GenWbp, verdict: IsoDate, expiry: IsoDate, today: IsoDate, holidays: Holiday[], onFileF: IsoDate[]): GenGrant[] {
  const rules = ruleSetFor(verdict).ruleSet;
  const eligibleFrom = addDays(w.detentionStart, 183);
  const occasions: Array<{ kind: 'umum' | 'khusus'; date: IsoDate }> = [];
  for (let y = yearOf(w.detentionStart); y <= yearOf(today); y++) occasions.push({ kind: 'umum', date: `${y}-08-17` });
  for (const o of remisiKhususOccasions(holidays, w.religion)) occasions.push({ kind: 'khusus', date: o.date });
  occasions.sort((a, b) => (a.date < b.date ? -1 : 1));
  const grants: GenGrant[] = [];
  const ordinal = { umum: 0, khusus: 0 };
  let remitted = 0;
  for (const o of occasions) {
    if (!isAfter(o.date, eligibleFrom) || isAfter(o.date, today) || !isAfter(o.date, verdict)) continue;
    if (!isAfter(addDays(expiry, -remitted), o.date)) break;
    // No remission within 6 months after a register F punishment.
    if (onFileF.some((f) => !isAfter(f, o.date) && diffDays(f, o.date) < 183)) continue;
    if (rng.chance(0.03)) continue; // not proposed that time (e.g. inactive in programmes)
    ordinal[o.kind]++;
    const days = ordinalAmount(o.kind, ordinal[o.kind], w.detentionStart, o.date, rules);
    remitted += days;
    grants.push({ wbpId: w.id, kind: o.kind, occasionDate: o.date, days, decree: `PAS-${yearOf(o.date)}.PK.01.05.0${o.kind === 'umum' ? 6 : 4}` });
  }
  return grants;
}

export function generateInmates(opts: {
  rng: Rng;
  upts: GenUpt[];
  total: number;
  today: IsoDate;
  holidays: Holiday[];
  firstIds: { wbp: number; order: number };
}): GeneratedInmates {
  const { rng, today } = opts;
  const housing = opts.upts.filter((u) => (u.capacity ?? 0) > 0);
  // Occupancy varies: the national ratio is ~1.9 occupants per place, some units far above.
  const weights = housing.map((u) => (u.capacity ?? 0) * Math.max(0.4, rng.normal(1.9, 0.55)));
  const sumW = weights.reduce((s, w) => s + w, 0);
  const out: GeneratedInmates = { wbp: [], sentences: [], orders: [], grants: [], registerF: [] };
  let wbpId = opts.firstIds.wbp;
  let orderId = opts.firstIds.order;
  housing.forEach((u, ui) => {
    const n = Math.round((opts.total * (weights[ui] ?? 0)) / sumW);
    const female = u.type === 'lpp' || u.modifiers.includes('perempuan');
    const juvenile = u.type === 'lpka';
    const detaineeShare = u.type === 'rutan' || u.type === 'cabang_rutan' ? 0.62 : juvenile ? 0.2 : 0.06;
    for (let i = 0; i < n; i++) {
      const sex: 'L' | 'P' = female ? 'P' : rng.chance(0.03) ? 'P' : 'L';
      const religion = religionFor(rng, u.kanwilRaw);
      const [crime, minM, maxM] = pickCrime(rng);
      const age = juvenile ? rng.int(14, 17) : Math.max(18, Math.round(rng.normal(34, 9)));
      const birthDate = addDays(today, -(age * 365 + rng.int(0, 364)));
      const detainee = rng.chance(detaineeShare);
      const id = wbpId++;
      const year = yearOf(today);
      if (detainee) {
        // Walk the KUHAP stages from the arrest until today: each order, then its extension.
        const stageCount = rng.int(1, 4);
        const ordersNeeded: Array<[string, number, string, boolean]> = [];
        for (let s = 0; s < stageCount; s++) {
          const st = STAGES[s]!;
          ordersNeeded.push([st[0], st[1], st[3], false]);
          if (s < stageCount - 1 || rng.chance(0.5)) ordersNeeded.push([st[0], st[2], st[4], true]);
        }
        const totalDays = ordersNeeded.reduce((a, o) => a + o[1], 0);
        // Today lies inside the last order, except for a few that ran out (overstay) or end soon.
        const last = ordersNeeded[ordersNeeded.length - 1]!;
        const r = rng.next();
        const intoLast = r < 0.004 ? last[1] + rng.int(1, 5) : r < 0.03 ? last[1] - rng.int(0, 3) : r < 0.08 ? last[1] - rng.int(4, 10) : rng.int(0, last[1] - 1);
        const start = addDays(today, -(totalDays - last[1] + intoLast));
        let cursor = start;
        let prevId: number | null = null;
        for (const [stage, days, authority, extension] of ordersNeeded) {
          const oid = orderId++;
          out.orders.push({ id: oid, wbpId: id, stage, authority, startDate: cursor, days, extensionOf: extension ? prevId : null });
          prevId = oid;
          cursor = addDays(cursor, days);
        }
        out.wbp.push({
          id, uptId: u.id, kanwilId: u.kanwilId, noRegister: `A.${['I', 'II', 'III', 'IV', 'V'][stageCount - 1]}-${String(id).padStart(5, '0')}/${year}`,
          name: nameFor(rng, religion, sex), sex, birthDate, religion, status: juvenile ? 'anak' : 'tahanan', crimeCategory: crime,
          specialCrimes: crime === 'narkotika' || crime === 'korupsi' || crime === 'terorisme' ? [crime] : [], detentionStart: start, verdictDocument: false,
        });
        continue;
      }
      const months = rng.int(minM, maxM);
      const sentence = { years: Math.floor(months / 12), months: months % 12, days: 0 };
      const termDays = diffDays(today, addPeriod(today, sentence));
      // Served so far: uniform over the term, a few already past expiry (held too long).
      const served = rng.chance(0.002) ? termDays + rng.int(1, 20) : rng.int(30, Math.max(31, termDays - 1));
      const start = addDays(today, -served);
      const verdict = addDays(start, Math.min(rng.int(60, 200), Math.max(1, served - 1)));
      const expiry = addPeriod(start, sentence);
      const registerF: IsoDate[] = rng.chance(0.04) ? [addDays(today, -rng.int(10, 400))].filter((d) => isAfter(d, start)) : [];
      const w: GenWbp = {
        id, uptId: u.id, kanwilId: u.kanwilId, noRegister: `B.${months > 12 ? 'I' : 'IIa'}-${String(id).padStart(5, '0')}/${yearOf(start)}`,
        name: nameFor(rng, religion, sex), sex, birthDate, religion, status: juvenile ? 'anak' : 'narapidana', crimeCategory: crime,
        specialCrimes: crime === 'narkotika' && months >= 60 ? ['narkotika'] : crime === 'korupsi' || crime === 'terorisme' ? [crime] : [],
        detentionStart: start, verdictDocument: rng.chance(0.93),
      };
      out.wbp.push(w);
      const fine = crime === 'narkotika' ? 800_000_000 : crime === 'korupsi' ? 200_000_000 : 0;
      out.sentences.push({ wbpId: id, verdictDate: verdict, ...sentence, fineRupiah: fine, finePaid: fine > 0 && rng.chance(0.3), subsidiaryDays: fine > 0 ? 90 : 0 });
      for (const f of registerF) out.registerF.push({ wbpId: id, date: f, until: addDays(f, 6), offence: rng.pick(OFFENCES) });
      const drawn = pastGrants(rng, w, verdict, expiry, today, opts.holidays, registerF);
      // The deliberate few held past their expiry got no remission: their overstay is days or
      // weeks, as a missed release is (remission on a long term made it years, which no prison
      // system would not have noticed). The grants are still drawn, so the random stream stays.
      const grants = served > termDays ? [] : drawn;
      out.grants.push(...grants);
      // Remission may have brought the release before today: such a person went home on that day,
      // and about one in 25 a few days to three weeks late (a release found late is an overstay of
      // the past). Chosen from the id, not the random stream, so every other figure stays as it was.
      const remitted = grants.reduce((a, g) => a + g.days, 0);
      const reducedExpiry = addDays(expiry, -remitted + (fine > 0 && !out.sentences[out.sentences.length - 1]!.finePaid ? 90 : 0));
      if (served <= termDays && !isAfter(reducedExpiry, today)) {
        const late = lateRelease(id);
        w.releasedOn = late > 0 && !isAfter(addDays(reducedExpiry, late), today) ? addDays(reducedExpiry, late) : reducedExpiry;
      }
    }
  });
  return out;
}
