import { describe, expect, it } from 'vitest';
import { checkParticipant, type ProgrammeForTraining, type WbpForTraining } from './eligibility.ts';

const wbp: WbpForTraining = { uptId: 1, status: 'narapidana', releasedOn: null };
const prog: ProgrammeForTraining = { uptId: 1, status: 'running', placesLeft: 3 };

describe('who may join a training programme', () => {
  it.each<[string, Partial<WbpForTraining>, Partial<ProgrammeForTraining>, boolean, string[]]>([
    ['a sentenced inmate of the UPT', {}, {}, false, []],
    ['a juvenile serving a sentence', { status: 'anak' }, {}, false, []],
    ['a detainee', { status: 'tahanan' }, {}, false, ['not_sentenced']],
    ['a probation client', { status: 'klien' }, {}, false, ['klien']],
    ['a released inmate of another UPT', { uptId: 2, releasedOn: '2026-01-01' }, {}, false, ['other_upt', 'released']],
    ['someone already enrolled', {}, {}, true, ['already_enrolled']],
    ['a full programme', {}, { placesLeft: 0 }, false, ['full']],
    ['a completed programme (not also "full")', {}, { status: 'completed', placesLeft: 0 }, false, ['programme_closed']],
  ])('%s', (_n, w, p, enrolled, codes) => {
    expect(checkParticipant({ ...wbp, ...w }, { ...prog, ...p }, enrolled).map((r) => r.code)).toEqual(codes);
  });
});
