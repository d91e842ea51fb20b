import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays } from '../calendar/date.ts';
import { coversDay, overstaySpells, uptOn, type DueDate, type SpellInput, type Transfer } from './overstay-spells.ts';

const fixedDue = (due: DueDate | null) => () => due;

describe('overstaySpells', () => {
  it('a detainee whose order ended and who is still held overstays from the next day, open-ended', () => {
    expect(
      overstaySpells({ heldFrom: '2026-01-10', releasedOn: null, currentUptId: 7, transfers: [], eventDates: ['2026-01-10'], dueAsOf: fixedDue({ kind: 'detention', date: '2026-03-01' }) }),
    ).toEqual([{ uptId: 7, kind: 'detention', dueDate: '2026-03-01', from: '2026-03-02', to: null }]);
  });

  it('released five days late: a spell of the days held past the expiry', () => {
    expect(
      overstaySpells({ heldFrom: '2024-01-01', releasedOn: '2026-06-06', currentUptId: 7, transfers: [], eventDates: [], dueAsOf: fixedDue({ kind: 'expiry', date: '2026-06-01' }) }),
    ).toEqual([{ uptId: 7, kind: 'expiry', dueDate: '2026-06-01', from: '2026-06-02', to: '2026-06-05' }]);
  });

  it('released on the expiry day or earlier: no spell', () => {
    for (const releasedOn of ['2026-06-02', '2026-06-01', '2026-05-01']) {
      expect(overstaySpells({ heldFrom: '2024-01-01', releasedOn, currentUptId: 7, transfers: [], eventDates: [], dueAsOf: fixedDue({ kind: 'expiry', date: '2026-06-01' }) })).toEqual([]);
    }
  });

  it('a remission granted on 17 August that moves the expiry back to 1 July does not make July an overstay', () => {
    const dueAsOf = (d: string): DueDate => ({ kind: 'expiry', date: d >= '2026-08-17' ? '2026-07-01' : '2026-09-30' });
    expect(
      overstaySpells({ heldFrom: '2024-01-01', releasedOn: '2026-08-17', currentUptId: 7, transfers: [], eventDates: ['2026-08-17'], dueAsOf }),
    ).toEqual([]);
    // Held two more days after the grant: those two days are overstays.
    expect(
      overstaySpells({ heldFrom: '2024-01-01', releasedOn: '2026-08-19', currentUptId: 7, transfers: [], eventDates: ['2026-08-17'], dueAsOf }),
    ).toEqual([{ uptId: 7, kind: 'expiry', dueDate: '2026-07-01', from: '2026-08-17', to: '2026-08-18' }]);
  });

  it('an extension recorded for a later start ends the detention overstay on the day it starts', () => {
    const dueAsOf = (d: string): DueDate => ({ kind: 'detention', date: d >= '2026-04-05' ? '2026-05-04' : '2026-03-31' });
    expect(
      overstaySpells({ heldFrom: '2026-03-01', releasedOn: null, currentUptId: 7, transfers: [], eventDates: ['2026-03-01', '2026-04-05'], dueAsOf }),
    ).toEqual([
      { uptId: 7, kind: 'detention', dueDate: '2026-03-31', from: '2026-04-01', to: '2026-04-04' },
      { uptId: 7, kind: 'detention', dueDate: '2026-05-04', from: '2026-05-05', to: null },
    ]);
  });

  it('a transfer while overstaying splits the spell between the two UPTs', () => {
    expect(
      overstaySpells({
        heldFrom: '2025-01-01', releasedOn: '2026-03-01', currentUptId: 9, transfers: [{ date: '2026-02-10', fromUptId: 7, toUptId: 9 }], eventDates: [],
        dueAsOf: fixedDue({ kind: 'expiry', date: '2026-01-31' }),
      }),
    ).toEqual([
      { uptId: 7, kind: 'expiry', dueDate: '2026-01-31', from: '2026-02-01', to: '2026-02-09' },
      { uptId: 9, kind: 'expiry', dueDate: '2026-01-31', from: '2026-02-10', to: '2026-02-28' },
    ]);
  });

  it('no admission date, no due date, or released before admitted: no spell', () => {
    const base: SpellInput = { heldFrom: '2026-01-01', releasedOn: null, currentUptId: 1, transfers: [], eventDates: [], dueAsOf: fixedDue(null) };
    expect(overstaySpells(base)).toEqual([]);
    expect(overstaySpells({ ...base, heldFrom: null, dueAsOf: fixedDue({ kind: 'expiry', date: '2025-01-01' }) })).toEqual([]);
    expect(overstaySpells({ ...base, releasedOn: '2025-12-01', dueAsOf: fixedDue({ kind: 'expiry', date: '2025-01-01' }) })).toEqual([]);
  });

  it('uptOn: the day of a transfer belongs to the receiving UPT', () => {
    const t: Transfer[] = [{ date: '2026-02-10', fromUptId: 7, toUptId: 9 }, { date: '2026-05-01', fromUptId: 9, toUptId: 11 }];
    expect([uptOn('2026-02-09', 11, t), uptOn('2026-02-10', 11, t), uptOn('2026-04-30', 11, t), uptOn('2026-05-01', 11, t)]).toEqual([7, 9, 9, 11]);
  });

  it('property: a day is inside a spell exactly when the inmate was held and the due date known that day had passed', () => {
    const day0 = '2025-01-01';
    const day = (n: number) => addDays(day0, n);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.option(fc.integer({ min: 1, max: 200 }), { nil: null }),
        fc.array(fc.record({ at: fc.integer({ min: 0, max: 250 }), shift: fc.integer({ min: -40, max: 40 }) }), { maxLength: 5 }),
        fc.array(fc.integer({ min: 1, max: 250 }), { maxLength: 3 }),
        fc.integer({ min: 0, max: 120 }),
        fc.boolean(),
        (held, stay, events, transferDays, baseDue, detention) => {
          const releasedOn = stay === null ? null : day(held + stay);
          const transfers = [...new Set(transferDays)].sort((a, b) => a - b).map((d, i) => ({ date: day(d), fromUptId: 100 + i, toUptId: 101 + i }));
          const currentUptId = 100 + transfers.length;
          const dueAsOf = (asOf: string): DueDate => ({
            kind: detention ? 'detention' : 'expiry',
            date: day(baseDue + events.filter((e) => day(e.at) <= asOf).reduce((s, e) => s + e.shift, 0)),
          });
          const spells = overstaySpells({ heldFrom: day(held), releasedOn, currentUptId, transfers, eventDates: events.map((e) => day(e.at)), dueAsOf });
          for (let n = 0; n <= 320; n++) {
            const d = day(n);
            const heldThen = n >= held && (releasedOn === null || d < releasedOn);
            const expected = heldThen && dueAsOf(d).date < d;
            const covering = spells.filter((s) => coversDay(s, d));
            expect(covering.length).toBe(expected ? 1 : 0);
            if (expected) expect(covering[0]!.uptId).toBe(uptOn(d, currentUptId, transfers));
          }
        },
      ),
      { numRuns: 300, seed: 20261207 },
    );
  });
});
