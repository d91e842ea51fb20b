/**
 * Detention limits per regime, as a dated table (DOMAIN.md "Detention limits").
 *
 * KUHAP (UU 8/1981) arts. 24–28: each stage has an initial period and one extension by a named
 * authority; after both the detainee must be released by law (ayat 4 of each article). Art. 29
 * allows, for offences punishable by ≥ 9 years or serious illness, two more extensions of 30 days
 * per stage (ayat 2), granted by the authority of ayat 3; after them release is due (ayat 6).
 *
 * The new KUHAP (UU 20/2025) is in force from 2 Jan 2026. Its limits appear unchanged but are not
 * verified, so the regime carries `verified: false` and no article numbers. Cases begun before 2026
 * keep the old regime (DOMAIN.md), so the regime is chosen by the start of the first order.
 */
import type { IsoDate } from '../calendar/date.ts';
import { isAfter } from '../calendar/date.ts';
import type { Bilingual, DetentionStage } from './types.ts';

export interface StageLimit {
  initialDays: number;
  extensionDays: number;
  /** Who may extend, with the article. */
  extensionBy: Bilingual;
  initialRef: string;
  extensionRef: string;
  /** Release by law once the stage's time is used up. */
  releaseRef: string;
  /** What normally ends the stage (hand-over or verdict). */
  handOver: Bilingual;
  /** Who may grant an art. 29 extension at this stage. */
  art29By: Bilingual;
}

export interface DetentionRegime {
  id: string;
  effectiveFrom: IsoDate;
  title: Bilingual;
  verified: boolean;
  stages: Record<DetentionStage, StageLimit>;
  art29: { extensions: number; daysEach: number; ref: string; authorityRef: string; releaseRef: string };
}

export const DETENTION_STAGES: readonly DetentionStage[] = ['penyidikan', 'penuntutan', 'pn', 'pt', 'ma'];

export const STAGE_NAMES: Record<DetentionStage, Bilingual> = {
  penyidikan: { id: 'penyidikan', en: 'investigation' },
  penuntutan: { id: 'penuntutan', en: 'prosecution' },
  pn: { id: 'pemeriksaan Pengadilan Negeri', en: 'district court trial' },
  pt: { id: 'banding (Pengadilan Tinggi)', en: 'appeal (high court)' },
  ma: { id: 'kasasi (Mahkamah Agung)', en: 'cassation (Supreme Court)' },
};

export const KUHAP_1981: DetentionRegime = {
  id: 'kuhap-1981',
  effectiveFrom: '1981-12-31',
  title: { id: 'KUHAP (UU 8/1981)', en: 'Code of Criminal Procedure (Law 8/1981)' },
  verified: true,
  stages: {
    penyidikan: {
      initialDays: 20,
      extensionDays: 40,
      extensionBy: { id: 'Penuntut Umum', en: 'the public prosecutor' },
      initialRef: 'KUHAP ps. 24 ayat 1',
      extensionRef: 'KUHAP ps. 24 ayat 2',
      releaseRef: 'KUHAP ps. 24 ayat 4',
      handOver: { id: 'pelimpahan tersangka dan berkas ke Penuntut Umum', en: 'hand-over of the suspect and file to the prosecutor' },
      art29By: { id: 'Ketua Pengadilan Negeri', en: 'the head of the district court' },
    },
    penuntutan: {
      initialDays: 20,
      extensionDays: 30,
      extensionBy: { id: 'Ketua Pengadilan Negeri', en: 'the head of the district court' },
      initialRef: 'KUHAP ps. 25 ayat 1',
      extensionRef: 'KUHAP ps. 25 ayat 2',
      releaseRef: 'KUHAP ps. 25 ayat 4',
      handOver: { id: 'pelimpahan perkara ke Pengadilan Negeri', en: 'committal of the case to the district court' },
      art29By: { id: 'Ketua Pengadilan Negeri', en: 'the head of the district court' },
    },
    pn: {
      initialDays: 30,
      extensionDays: 60,
      extensionBy: { id: 'Ketua Pengadilan Negeri', en: 'the head of the district court' },
      initialRef: 'KUHAP ps. 26 ayat 1',
      extensionRef: 'KUHAP ps. 26 ayat 2',
      releaseRef: 'KUHAP ps. 26 ayat 4',
      handOver: { id: 'putusan Pengadilan Negeri (bila banding: penahanan oleh Hakim PT)', en: 'district court verdict (on appeal: detention by the high court judge)' },
      art29By: { id: 'Ketua Pengadilan Tinggi', en: 'the head of the high court' },
    },
    pt: {
      initialDays: 30,
      extensionDays: 60,
      extensionBy: { id: 'Ketua Pengadilan Tinggi', en: 'the head of the high court' },
      initialRef: 'KUHAP ps. 27 ayat 1',
      extensionRef: 'KUHAP ps. 27 ayat 2',
      releaseRef: 'KUHAP ps. 27 ayat 4',
      handOver: { id: 'putusan banding (bila kasasi: penahanan oleh Hakim MA)', en: 'appeal verdict (on cassation: detention by the Supreme Court judge)' },
      art29By: { id: 'Mahkamah Agung', en: 'the Supreme Court' },
    },
    ma: {
      initialDays: 50,
      extensionDays: 60,
      extensionBy: { id: 'Ketua Mahkamah Agung', en: 'the Chief Justice' },
      initialRef: 'KUHAP ps. 28 ayat 1',
      extensionRef: 'KUHAP ps. 28 ayat 2',
      releaseRef: 'KUHAP ps. 28 ayat 4',
      handOver: { id: 'putusan kasasi', en: 'cassation verdict' },
      art29By: { id: 'Ketua Mahkamah Agung', en: 'the Chief Justice' },
    },
  },
  art29: { extensions: 2, daysEach: 30, ref: 'KUHAP ps. 29 ayat 2', authorityRef: 'KUHAP ps. 29 ayat 3', releaseRef: 'KUHAP ps. 29 ayat 6' },
};

const UNVERIFIED = 'UU 20/2025 — pasal belum diverifikasi';

/** Same numbers as KUHAP 1981, not verified against the text of UU 20/2025. */
export const KUHAP_2025: DetentionRegime = {
  id: 'kuhap-2025-unverified',
  effectiveFrom: '2026-01-02',
  title: { id: 'KUHAP baru (UU 20/2025) — batas belum diverifikasi', en: 'New Code of Criminal Procedure (Law 20/2025) — limits unverified' },
  verified: false,
  stages: Object.fromEntries(
    DETENTION_STAGES.map((stage) => [
      stage,
      { ...KUHAP_1981.stages[stage], initialRef: UNVERIFIED, extensionRef: UNVERIFIED, releaseRef: UNVERIFIED },
    ]),
  ) as Record<DetentionStage, StageLimit>,
  art29: { extensions: 2, daysEach: 30, ref: UNVERIFIED, authorityRef: UNVERIFIED, releaseRef: UNVERIFIED },
};

/** Oldest first. */
export const DETENTION_REGIMES: readonly DetentionRegime[] = [KUHAP_1981, KUHAP_2025];

/** The regime in force when the case began (its first detention order). */
export function detentionRegimeFor(caseStart: IsoDate, regimes: readonly DetentionRegime[] = DETENTION_REGIMES): DetentionRegime {
  const sorted = [...regimes].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1));
  const inForce = sorted.filter((r) => !isAfter(r.effectiveFrom, caseStart));
  const chosen = inForce[inForce.length - 1] ?? sorted[0];
  if (chosen === undefined) throw new Error('No detention regime registered');
  return chosen;
}

/** Longest lawful detention at a stage: initial + extension, plus art. 29 when it applies. */
export function stageMaximumDays(regime: DetentionRegime, stage: DetentionStage, withArt29: boolean): number {
  const s = regime.stages[stage];
  return s.initialDays + s.extensionDays + (withArt29 ? regime.art29.extensions * regime.art29.daysEach : 0);
}
