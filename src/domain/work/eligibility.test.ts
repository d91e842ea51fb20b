import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { weeklySchedule } from './activity.ts';
import { checkAllocation } from './eligibility.ts';
import type { ActivityForAllocation, ExistingAllocation, WbpForAllocation } from './eligibility.ts';

const asOf = '2026-03-02';

const wbp = (over: Partial<WbpForAllocation> = {}): WbpForAllocation => ({
  id: 'W1',
  uptId: 'U1',
  status: 'narapidana',
  flags: [],
  asimilasiDate: null,
  ...over,
});

const activity = (over: Partial<ActivityForAllocation> = {}): ActivityForAllocation => ({
  id: 'A1',
  uptId: 'U1',
  schedule: weeklySchedule([1, 2, 3, 4, 5], ['pagi'], 2),
  outside: false,
  openToDetainees: false,
  excludedFlags: [],
  uptSecurityLevel: 'medium',
  ...over,
});

const alloc = (over: Partial<ExistingAllocation> = {}): ExistingAllocation => ({
  wbpId: 'W9',
  activityId: 'A1',
  slots: weeklySchedule([1, 2, 3, 4, 5], ['pagi'], 2).slots,
  status: 'active',
  startDate: '2026-01-01',
  endDate: null,
  ...over,
});

describe('checkAllocation — one rule at a time', () => {
  it.each<[string, WbpForAllocation, ActivityForAllocation, ExistingAllocation[], string[], boolean]>([
    ['narapidana, indoor, free place', wbp(), activity(), [], [], true],
    ['tahanan refused where not open to detainees', wbp({ status: 'tahanan' }), activity(), [], ['detainee_not_admitted'], false],
    ['tahanan admitted where open to detainees', wbp({ status: 'tahanan' }), activity({ openToDetainees: true }), [], [], true],
    ['anak refused', wbp({ status: 'anak' }), activity({ openToDetainees: true }), [], ['status_not_eligible'], false],
    ['klien refused', wbp({ status: 'klien' }), activity(), [], ['status_not_eligible'], false],
    ['outside work in a medium-security UPT without asimilasi', wbp(), activity({ outside: true }), [], ['outside_not_allowed'], false],
    ['outside work, asimilasi date still ahead', wbp({ asimilasiDate: '2026-03-03' }), activity({ outside: true }), [], ['outside_not_allowed'], false],
    ['outside work, asimilasi from today', wbp({ asimilasiDate: asOf }), activity({ outside: true }), [], [], true],
    ['outside work in a minimum-security UPT', wbp(), activity({ outside: true, uptSecurityLevel: 'minimum' }), [], [], true],
    ['outside work, security level unknown', wbp(), activity({ outside: true, uptSecurityLevel: null }), [], ['outside_not_allowed'], false],
    ['sick blocks everything', wbp({ flags: ['sakit'] }), activity(), [], ['flag_sakit'], false],
    ['isolation blocks everything', wbp({ flags: ['isolasi'] }), activity(), [], ['flag_isolasi'], false],
    ['flag excluded by the activity', wbp({ flags: ['asma'] }), activity({ excludedFlags: ['asma'] }), [], ['flag_excluded'], false],
    ['flag not excluded here', wbp({ flags: ['asma'] }), activity(), [], [], true],
    ['another UPT', wbp({ uptId: 'U2' }), activity(), [], ['other_upt'], false],
    ['already allocated to the same activity', wbp(), activity(), [alloc({ wbpId: 'W1' })], ['already_allocated'], false],
    ['already waitlisted', wbp(), activity(), [alloc({ wbpId: 'W1', status: 'waitlist' })], ['already_waitlisted'], false],
    [
      'clash: same weekday and session elsewhere',
      wbp(),
      activity(),
      [alloc({ wbpId: 'W1', activityId: 'A2', slots: weeklySchedule([5], ['pagi'], 1).slots })],
      ['schedule_clash'],
      false,
    ],
    ['no clash: afternoons elsewhere', wbp(), activity(), [alloc({ wbpId: 'W1', activityId: 'A2', slots: weeklySchedule([1, 2], ['siang'], 1).slots })], [], true],
    ['no clash: allocation ended yesterday', wbp(), activity(), [alloc({ wbpId: 'W1', activityId: 'A2', endDate: asOf })], [], true],
    ['clash: allocation starting next week', wbp(), activity(), [alloc({ wbpId: 'W1', activityId: 'A2', startDate: '2026-03-09' })], ['schedule_clash'], false],
    ['no clash with a waiting-list entry', wbp(), activity(), [alloc({ wbpId: 'W1', activityId: 'A2', status: 'waitlist' })], [], true],
  ])('%s', (_name, w, a, existing, expected, ok) => {
    const result = checkAllocation(w, a, existing, asOf);
    expect(result.reasons.map((r) => r.code)).toEqual(expected);
    expect(result.ok).toBe(ok);
    expect(result.waitlist).toBe(false);
  });
});

describe('capacity and the waiting list', () => {
  it('a full activity sends the allocation to the waiting list without refusing it', () => {
    const result = checkAllocation(wbp(), activity(), [alloc({ wbpId: 'W8' }), alloc({ wbpId: 'W9' })], asOf);
    expect(result).toMatchObject({ ok: true, waitlist: true });
    expect(result.reasons.map((r) => r.code)).toEqual(['capacity_full']);
    expect(result.reasons[0]?.en).toContain('2/2');
  });

  it('ended allocations and waiting-list entries do not take places', () => {
    const result = checkAllocation(wbp(), activity(), [alloc({ wbpId: 'W8', endDate: '2026-02-01' }), alloc({ wbpId: 'W9', status: 'waitlist' })], asOf);
    expect(result.waitlist).toBe(false);
  });

  it('gives every reason at once, each in both languages', () => {
    const result = checkAllocation(wbp({ status: 'tahanan', flags: ['sakit'] }), activity({ outside: true, schedule: weeklySchedule([1], ['pagi'], 0) }), [], asOf);
    expect(result.reasons.map((r) => r.code)).toEqual(['detainee_not_admitted', 'outside_not_allowed', 'flag_sakit', 'capacity_full']);
    expect(result.ok).toBe(false);
    for (const r of result.reasons) expect(r.id.length > 0 && r.en.length > 0 && r.id !== r.en).toBe(true);
  });

  it('property: waitlist ⇔ active, unended allocations of this activity ≥ capacity', () => {
    const anyAlloc = fc.record({
      wbpId: fc.constantFrom('W2', 'W3', 'W4', 'W5'),
      activityId: fc.constantFrom('A1', 'A2'),
      status: fc.constantFrom('active' as const, 'waitlist' as const),
      ended: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(anyAlloc, { maxLength: 8 }), fc.integer({ min: 0, max: 5 }), (rows, capacity) => {
        const existing = rows.map((r) => alloc({ wbpId: r.wbpId, activityId: r.activityId, status: r.status, endDate: r.ended ? '2026-02-01' : null }));
        const result = checkAllocation(wbp(), activity({ schedule: weeklySchedule([1], ['pagi'], capacity) }), existing, asOf);
        const taken = rows.filter((r) => r.activityId === 'A1' && r.status === 'active' && !r.ended).length;
        return result.waitlist === taken >= capacity && result.ok;
      }),
    );
  });
});
