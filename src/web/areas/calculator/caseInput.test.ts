import { describe, expect, it } from 'vitest';
import type { Wbp } from '../wbp/api.ts';
import { caseFromWbp, emptyOrder, emptyValues, fromCaseInput, toCaseInput } from './caseInput.ts';

describe('calculator case model', () => {
  it('turns the form into the engine case: blanks are 0, extensions name their order', () => {
    const v = emptyValues('2026-11-25');
    v.religion = 'islam';
    const first = { ...emptyOrder('2026-10-01'), days: 20 };
    const ext = { ...emptyOrder('2026-10-21'), days: '40', extensionOf: first.key };
    v.orders = [first, ext];
    v.sentences = [{ ...v.sentences[0]!, years: 2, months: '', days: '' }];
    v.conditions = ['finePaid'];
    v.special = ['narkotika'];
    const c = toCaseInput(v);
    expect(c.detentionOrders).toEqual([
      { id: first.key, stage: 'penyidikan', start: '2026-10-01', days: 20 },
      { id: ext.key, stage: 'penyidikan', start: '2026-10-21', days: 40, extensionOf: first.key },
    ]);
    expect(c.sentences).toEqual([{ years: 2, months: 0, days: 0, verdictDate: '2026-11-25', special: ['narkotika'] }]);
    expect(c.conditions).toEqual({ finePaid: true });
    expect(c).not.toHaveProperty('projectRemissions');
    expect(c).not.toHaveProperty('fineUnpaidSubsidiaryDays');
  });

  it('round-trips a pasted case through the form', () => {
    const input = {
      asOf: '2023-09-01',
      religion: 'kristen' as const,
      detentionStart: '2023-01-15',
      detentionOrders: [
        { id: 'a', stage: 'penyidikan' as const, start: '2023-01-15', days: 20 },
        { id: 'b', stage: 'penyidikan' as const, start: '2023-02-04', days: 40, extensionOf: 'a' },
      ],
      sentences: [{ years: 3, months: 0, days: 0, verdictDate: '2023-07-01' }],
      registerF: [{ date: '2023-08-01' }],
      remissionsGranted: [{ kind: 'umum' as const, occasionDate: '2023-08-17', days: 30 }],
      projectRemissions: { until: '2024-12-31' },
    };
    const back = toCaseInput(fromCaseInput(input));
    expect(back.detentionOrders[1]!.extensionOf).toBe(back.detentionOrders[0]!.id);
    expect({ ...back, detentionOrders: back.detentionOrders.map(({ id: _id, extensionOf: _e, ...o }) => o) }).toEqual({
      ...input,
      detentionOrders: input.detentionOrders.map(({ id: _id, extensionOf: _e, ...o }) => o),
    });
  });

  it('builds an inmate case like the server: replaced verdicts out, unpaid fine as subsidiary term', () => {
    const w = {
      religion: 'lainnya',
      detentionStart: '2025-01-10',
      birthDate: null,
      specialCrimes: [],
      detentionOrders: [],
      sentences: [
        { id: 1, verdict_date: '2025-04-01', years: 3, months: 0, days: 0, superseded_by: 2, fine_rupiah: 0, fine_paid: false, subsidiary_days: 0, final: false, life: false, death: false },
        { id: 2, verdict_date: '2025-08-01', years: 1, months: 6, days: 0, superseded_by: null, fine_rupiah: 1000, fine_paid: false, subsidiary_days: 90, final: true, life: false, death: false },
      ],
      registerF: [],
      remissions: [
        { id: 7, kind: 'umum', occasion_date: '2025-08-17', days: 30, decree_number: 'X', reversed_by: null },
        { id: 8, kind: 'umum', occasion_date: '2025-08-17', days: 30, decree_number: null, reversed_by: 9 },
      ],
    } as unknown as Wbp;
    const c = caseFromWbp(w, '2026-11-25');
    expect(c.religion).toBe('');
    expect(c.sentences).toEqual([
      { years: 1, months: 6, days: 0, verdictDate: '2025-08-01', final: true },
      { years: 0, months: 0, days: 90, verdictDate: '2025-08-01', kind: 'subsidair', final: true },
    ]);
    expect(c.remissionsGranted).toEqual([{ kind: 'umum', occasionDate: '2025-08-17', days: 30, decree: 'X' }]);
    expect(c.conditions).toEqual({ finePaid: false });
    expect(c.projectRemissions?.until).toBe('2029-11-27');
  });
});
