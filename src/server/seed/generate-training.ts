import { addDays, diffDays, isAfter } from '../../domain/calendar/date.ts';
import type { Rng } from '../../domain/random/prng.ts';

/**
 * Generated training for the demo UPTs and the national benchmark: programmes of the kinds UPTs run
 * with BLKs and LSPs, participants drawn from held sentenced inmates, completions and competency
 * tests with BNSP-style certificate numbers (sample data, marked 'generated').
 */
export const PROGRAMME_TEMPLATES = [
  { skill: 'Pengelasan', name: 'Las listrik SMAW', scheme: 'Juru Las SMAW 3G', lsp: 'LSP Logam Mesin Indonesia', code: 'LGM', providerKind: 'blk', lessonHours: 160, capacity: 20 },
  { skill: 'Menjahit', name: 'Operator mesin jahit', scheme: 'Operator Mesin Jahit Garmen', lsp: 'LSP Garmen Indonesia', code: 'GRM', providerKind: 'blk', lessonHours: 120, capacity: 25 },
  { skill: 'Tata boga', name: 'Pembuatan roti dan kue', scheme: 'Pembuat Roti', lsp: 'LSP Pariwisata Nusantara', code: 'PAR', providerKind: 'lsp', lessonHours: 80, capacity: 20 },
  { skill: 'Pertanian', name: 'Budidaya hidroponik', scheme: 'Budidaya Tanaman Hidroponik', lsp: 'LSP Pertanian Indonesia', code: 'PTN', providerKind: 'partner', lessonHours: 100, capacity: 15 },
  { skill: 'Pangkas rambut', name: 'Pangkas rambut pria', scheme: 'Pemangkas Rambut', lsp: 'LSP Kecantikan Indonesia', code: 'KCN', providerKind: 'upt', lessonHours: 80, capacity: 15 },
  { skill: 'Mebel kayu', name: 'Pertukangan kayu', scheme: 'Tukang Kayu Konstruksi', lsp: 'LSP Konstruksi Nasional', code: 'KON', providerKind: 'blk', lessonHours: 160, capacity: 20 },
] as const;

export interface GenProgramme {
  id: number; uptId: number; kanwilId: number; name: string; skill: string; scheme: string; providerKind: string; providerName: string;
  lessonHours: number; startDate: string; endDate: string; capacity: number; costRupiah: number; fundedBy: string; status: string;
}
export interface GenParticipant { id: number; programmeId: number; wbpId: number; uptId: number; kanwilId: number; status: 'enrolled' | 'completed' | 'dropped'; attendedHours: number; completedOn: string | null; dropReason: string | null }
export interface GenTest { participantId: number; programmeId: number; wbpId: number; uptId: number; kanwilId: number; testDate: string; result: 'kompeten' | 'belum_kompeten'; scheme: string; lspName: string; certificateNumber: string | null }

export function generateTraining(opts: {
  rng: Rng;
  upts: Array<{ id: number; kanwilId: number; name: string }>;
  inmates: Map<number, number[]>;
  from: string;
  to: string;
  today: string;
  programmesPerUpt: number;
  firstProgrammeId: number;
  firstParticipantId: number;
}) {
  const { rng, today } = opts;
  const programmes: GenProgramme[] = [];
  const participants: GenParticipant[] = [];
  const tests: GenTest[] = [];
  let pid = opts.firstProgrammeId;
  let xid = opts.firstParticipantId;
  const span = Math.max(1, diffDays(opts.from, opts.to));
  for (const upt of opts.upts) {
    const pool = opts.inmates.get(upt.id) ?? [];
    let cursor = 0;
    for (let i = 0; i < opts.programmesPerUpt; i++) {
      const t = PROGRAMME_TEMPLATES[(i + upt.id) % PROGRAMME_TEMPLATES.length]!;
      const startDate = addDays(opts.from, Math.floor((span * i) / opts.programmesPerUpt) + rng.int(0, 5));
      const endDate = addDays(startDate, Math.ceil(t.lessonHours / 8) + 6);
      const status = isAfter(startDate, today) ? 'planned' : isAfter(endDate, today) ? 'running' : 'completed';
      const batch = Math.min(t.capacity, pool.length);
      const p: GenProgramme = {
        id: pid++, uptId: upt.id, kanwilId: upt.kanwilId, name: `${t.name} angkatan ${i + 1}`, skill: t.skill, scheme: t.scheme, providerKind: t.providerKind,
        providerName: t.providerKind === 'upt' ? upt.name : t.providerKind === 'lsp' ? t.lsp : t.providerKind === 'partner' ? 'Mitra (data contoh)' : 'BLK setempat (data contoh)',
        lessonHours: t.lessonHours, startDate, endDate, capacity: t.capacity, costRupiah: t.capacity * rng.int(8, 25) * 100_000, fundedBy: rng.pick(['dipa', 'dipa', 'partner', 'pnbp']), status,
      };
      programmes.push(p);
      if (status === 'planned' && rng.chance(0.5)) continue;
      for (let k = 0; k < batch; k++) {
        const wbpId = pool[cursor++ % pool.length]!;
        const done = status === 'completed';
        const dropped = done && rng.chance(0.06);
        const x: GenParticipant = {
          id: xid++, programmeId: p.id, wbpId, uptId: upt.id, kanwilId: upt.kanwilId,
          status: !done ? 'enrolled' : dropped ? 'dropped' : 'completed',
          attendedHours: !done ? 0 : dropped ? Math.floor(t.lessonHours / 3) : t.lessonHours - rng.int(0, 8),
          completedOn: done && !dropped ? endDate : null, dropReason: dropped ? 'Dipindahkan / sakit (data contoh)' : null,
        };
        participants.push(x);
        const testDate = addDays(endDate, 3);
        if (x.status !== 'completed' || isAfter(testDate, today)) continue;
        const ok = rng.chance(0.78);
        tests.push({
          participantId: x.id, programmeId: p.id, wbpId, uptId: upt.id, kanwilId: upt.kanwilId, testDate, result: ok ? 'kompeten' : 'belum_kompeten', scheme: t.scheme, lspName: t.lsp,
          certificateNumber: ok ? `${t.code}.${String(upt.id).padStart(3, '0')}.${String(x.id).padStart(6, '0')}.${testDate.slice(0, 4)}` : null,
        });
      }
    }
  }
  return { programmes, participants, tests };
}
