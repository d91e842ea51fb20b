/**
 * May this WBP join this training programme? DOMAIN.md ("Training and certification"): vocational
 * training is for inmates serving a sentence. Choices where the brief is silent:
 * - 'narapidana' and 'anak' (juveniles serving a sentence in an LPKA, whose programme is schooling and
 *   training) may join; 'tahanan' (not yet sentenced) and 'klien' (outside, under a Bapas) may not.
 * - Released inmates and inmates of another UPT are refused (one request, one UPT).
 * - A programme that is completed or cancelled takes nobody; a full one refuses (no waiting list).
 * Every rule is checked so the officer sees all reasons at once.
 */
import { reason, type Reason } from '../work/text.ts';

export interface WbpForTraining {
  uptId: number;
  status: 'narapidana' | 'tahanan' | 'anak' | 'klien';
  releasedOn: string | null;
}

export interface ProgrammeForTraining {
  uptId: number;
  status: 'planned' | 'running' | 'completed' | 'cancelled';
  placesLeft: number;
}

export function checkParticipant(w: WbpForTraining, p: ProgrammeForTraining, alreadyEnrolled: boolean): Reason[] {
  const out: Reason[] = [];
  if (w.uptId !== p.uptId) out.push(reason('other_upt', 'WBP dari UPT lain.', 'An inmate of another unit.'));
  if (w.releasedOn !== null) out.push(reason('released', 'Sudah bebas/keluar.', 'Already released.'));
  if (w.status === 'tahanan') out.push(reason('not_sentenced', 'Masih tahanan (belum berstatus narapidana).', 'Still a detainee (not sentenced).'));
  if (w.status === 'klien') out.push(reason('klien', 'Klien Bapas, bukan penghuni UPT.', 'A probation client, not held in the unit.'));
  if (alreadyEnrolled) out.push(reason('already_enrolled', 'Sudah terdaftar di pelatihan ini.', 'Already enrolled in this programme.'));
  if (p.status === 'completed' || p.status === 'cancelled') out.push(reason('programme_closed', 'Pelatihan sudah selesai atau dibatalkan.', 'The programme is completed or cancelled.'));
  else if (p.placesLeft <= 0) out.push(reason('full', 'Kuota peserta sudah penuh.', 'The programme is full.'));
  return out;
}
