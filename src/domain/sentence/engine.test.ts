import { describe, expect, it } from 'vitest';
import { calculateCase, InvalidCaseInputError } from './index.ts';
import { CalculationRequestSchema, CaseInputSchema, CaseResultSchema } from './schema.ts';
import type { CaseInput, DetentionOrder } from './types.ts';

const base: CaseInput = { detentionOrders: [], sentences: [], religion: 'islam', registerF: [], remissionsGranted: [], asOf: '2025-01-01' };
const NO_HOLIDAYS = { holidays: [] };

function detained(orders: DetentionOrder[], asOf: string): CaseInput {
  return { ...base, detentionOrders: orders, asOf };
}

describe('detention next step', () => {
  it('asks for the prosecutor’s extension during the first 20 days of investigation', () => {
    const r = calculateCase(detained([{ id: 'A', stage: 'penyidikan', start: '2025-01-10', days: 20 }], '2025-01-25'), NO_HOLIDAYS);
    expect(r.detention.nextStep.id).toContain('Perpanjangan oleh Penuntut Umum');
    expect(r.detention.nextStep.id).toContain('KUHAP ps. 24 ayat 2');
    expect(r.detention.nextStep.en).toContain('Extension by the public prosecutor');
    expect(r.detention.warnings.map((w) => w.en)).toContain('Detention ends in 4 days (2025-01-29)');
  });

  it('after the extension: hand-over, art. 29 or release by law', () => {
    const r = calculateCase(
      detained(
        [
          { id: 'A', stage: 'penuntutan', start: '2025-01-10', days: 20 },
          { id: 'B', stage: 'penuntutan', start: '2025-01-30', days: 30, extensionOf: 'A' },
        ],
        '2025-02-10',
      ),
      NO_HOLIDAYS,
    );
    expect(r.detention.nextStep.id).toContain('pelimpahan perkara ke Pengadilan Negeri');
    expect(r.detention.nextStep.id).toContain('ps. 29');
    expect(r.detention.nextStep.id).toContain('KUHAP ps. 25 ayat 4');
  });

  it('after the second art. 29 extension only the verdict remains (KUHAP ps. 29 ayat 6)', () => {
    const r = calculateCase(
      detained(
        [
          { id: 'A', stage: 'pn', start: '2025-01-01', days: 30 },
          { id: 'B', stage: 'pn', start: '2025-01-31', days: 60, extensionOf: 'A' },
          { id: 'C', stage: 'pn', start: '2025-04-01', days: 30, extensionOf: 'B', art29: true },
          { id: 'D', stage: 'pn', start: '2025-05-01', days: 30, extensionOf: 'C', art29: true },
        ],
        '2025-05-15',
      ),
      NO_HOLIDAYS,
    );
    expect(r.detention.currentOrder?.id).toBe('D');
    expect(r.detention.nextStep.id).toContain('KUHAP ps. 29 ayat 6');
    expect(r.detention.warnings).toEqual([]);
  });

  it('orders release by law once the order has ended', () => {
    const r = calculateCase(detained([{ id: 'A', stage: 'pt', start: '2025-01-01', days: 30 }], '2025-02-05'), NO_HOLIDAYS);
    expect(r.detention).toMatchObject({ overstay: true, overstayKind: 'detention_order', daysLeft: -6, endDate: '2025-01-30' });
    expect(r.detention.nextStep.id).toContain('Keluarkan demi hukum sekarang');
    expect(r.breakdown.some((l) => l.code === 'OVERSTAY_DETENTION' && l.regulation === 'KUHAP ps. 27 ayat 4')).toBe(true);
  });

  it('flags gaps, stage mismatches and unknown parents between orders', () => {
    const r = calculateCase(
      detained(
        [
          { id: 'A', stage: 'penyidikan', start: '2025-01-01', days: 20 },
          { id: 'B', stage: 'penuntutan', start: '2025-01-25', days: 40, extensionOf: 'A' },
          { id: 'C', stage: 'pn', start: '2025-03-10', days: 30, extensionOf: 'Z' },
        ],
        '2025-03-12',
      ),
      NO_HOLIDAYS,
    );
    const texts = r.detention.warnings.map((w) => w.en).join('\n');
    expect(texts).toContain('not at the stage of A');
    expect(texts).toContain('4 days without a detention order between A and B');
    expect(texts).toContain('order Z, which is not recorded');
    expect(texts).toContain('extension of 40 days exceeds 30 days');
  });

  it('a non-final verdict still needs detention orders', () => {
    const r = calculateCase(
      {
        ...detained([{ id: 'A', stage: 'pn', start: '2025-01-01', days: 30 }], '2025-02-05'),
        sentences: [{ years: 2, months: 0, days: 0, verdictDate: '2025-01-20', final: false }],
      },
      NO_HOLIDAYS,
    );
    expect(r.status).toBe('tahanan');
    expect(r.detention.overstay).toBe(true);
    expect(r.expiryNoRemission).toBe('2027-01-01');
  });

  it('the 2025 KUHAP regime is marked unverified', () => {
    const r = calculateCase(detained([{ id: 'A', stage: 'penyidikan', start: '2026-02-01', days: 20 }], '2026-02-03'), NO_HOLIDAYS);
    expect(r.detention.regime).toBe('kuhap-2025-unverified');
    expect(r.detention.warnings.some((w) => w.id.includes('belum diverifikasi'))).toBe(true);
  });
});

describe('start of the term', () => {
  it('uses the last uninterrupted detention when detention was interrupted', () => {
    const r = calculateCase(
      {
        ...base,
        detentionOrders: [
          { id: 'A', stage: 'penyidikan', start: '2024-01-01', days: 20 },
          { id: 'B', stage: 'penyidikan', start: '2024-03-01', days: 20 },
          { id: 'C', stage: 'penyidikan', start: '2024-03-21', days: 40, extensionOf: 'B' },
        ],
        sentences: [{ years: 1, months: 0, days: 0, verdictDate: '2024-06-01' }],
        asOf: '2024-06-02',
      },
      NO_HOLIDAYS,
    );
    expect(r.start).toBe('2024-03-01');
    expect(r.expiryNoRemission).toBe('2025-03-01');
  });

  it('runs from the verdict when no detention is recorded, and says so', () => {
    const r = calculateCase({ ...base, sentences: [{ years: 0, months: 3, days: 0, verdictDate: '2024-05-31' }], asOf: '2024-06-02' }, NO_HOLIDAYS);
    expect(r.start).toBe('2024-05-31');
    expect(r.expiryNoRemission).toBe('2024-08-31');
    expect(r.breakdown.find((l) => l.code === 'START')?.label.en).toContain('from the verdict date');
  });

  it('adds consecutive sentences together', () => {
    const r = calculateCase(
      {
        ...base,
        detentionStart: '2024-01-31',
        sentences: [
          { years: 1, months: 0, days: 0, verdictDate: '2024-03-01' },
          { years: 0, months: 1, days: 5, verdictDate: '2024-04-01' },
        ],
        asOf: '2024-06-01',
      },
      NO_HOLIDAYS,
    );
    expect(r.sentenceDays).toBe(395);
    expect(r.expiryNoRemission).toBe('2025-03-05');
  });
});

describe('remission details', () => {
  it('flags a decree whose amount differs from the table, but counts it', () => {
    const r = calculateCase(
      {
        ...base,
        detentionStart: '2023-01-10',
        sentences: [{ years: 3, months: 0, days: 0, verdictDate: '2023-04-01' }],
        remissionsGranted: [{ kind: 'umum', occasionDate: '2023-08-17', days: 60 }],
        asOf: '2023-09-01',
      },
      NO_HOLIDAYS,
    );
    expect(r.remissions[0]).toMatchObject({ eligible: true, counted: true, days: 60 });
    expect(r.remissions[0]?.reasons[0]?.en).toContain('differs from the table');
    expect(r.totalRemissionDays).toBe(60);
  });

  it('excludes inconsistent decrees when the rule set says so', async () => {
    const { RULE_SET_UU22_2022 } = await import('./rules.ts');
    const { buildTimeline } = await import('./remissions.ts');
    const { summariseSentences } = await import('./sentence-term.ts');
    const rules = { ...RULE_SET_UU22_2022, remission: { ...RULE_SET_UU22_2022.remission, grantedPolicy: 'exclude_ineligible' as const } };
    const input: CaseInput = {
      ...base,
      detentionStart: '2024-06-01',
      sentences: [{ years: 2, months: 0, days: 0, verdictDate: '2024-07-01' }],
      remissionsGranted: [{ kind: 'umum', occasionDate: '2024-08-17', days: 30 }],
      asOf: '2024-09-01',
    };
    const term = summariseSentences(input, rules);
    const t = buildTimeline({ input, rules, term, start: '2024-06-01', baseMainEnd: '2026-06-01', holidays: [] }, null);
    expect(t.remissions[0]).toMatchObject({ eligible: false, counted: false });
    expect(t.counted).toEqual([]);
  });

  it('does not give remission while serving the subsidiary term', () => {
    const r = calculateCase(
      {
        ...base,
        detentionStart: '2024-01-10',
        sentences: [{ years: 0, months: 7, days: 0, verdictDate: '2024-02-01' }],
        fineUnpaidSubsidiaryDays: 60,
        asOf: '2024-06-01',
        projectRemissions: { until: '2024-09-30' },
      },
      NO_HOLIDAYS,
    );
    // Main term ends 2024-08-10; the subsidiary runs 2024-08-10 … 2024-10-08: RU 2024-08-17 falls inside.
    expect(r.expiry).toBe('2024-10-09');
    expect(r.remissions).toEqual([expect.objectContaining({ occasionDate: '2024-08-17', eligible: false, counted: false })]);
    expect(r.remissions[0]?.reasons[0]?.en).toContain('in lieu of an unpaid fine');
  });

  it('treats narcotics under 5 years as an ordinary crime', () => {
    const short = calculateCase(
      { ...base, detentionStart: '2024-01-01', sentences: [{ years: 4, months: 11, days: 0, verdictDate: '2024-03-01', special: ['narkotika'] }], asOf: '2024-03-02' },
      NO_HOLIDAYS,
    );
    const long = calculateCase(
      { ...base, detentionStart: '2024-01-01', sentences: [{ years: 5, months: 0, days: 0, verdictDate: '2024-03-01', special: ['narkotika'] }], asOf: '2024-03-02' },
      NO_HOLIDAYS,
    );
    expect(short.asimilasi.date).toBe(short.half);
    expect(long.asimilasi.date).toBe(long.twoThirds);
  });

  it('measures "more than 6 months" in calendar months when the rule set says so', async () => {
    const { servedMoreThan } = await import('./conditions.ts');
    const { RULE_SET_UU22_2022: r } = await import('./rules.ts');
    const calendar = { ...r, monthMeasure: 'calendar' as const };
    // 181 days, but exactly 6 calendar months.
    expect(servedMoreThan('2023-02-17', '2023-08-17', 6, r)).toBe(true);
    expect(servedMoreThan('2023-02-17', '2023-08-17', 6, calendar)).toBe(false);
    expect(servedMoreThan('2023-02-16', '2023-08-17', 6, calendar)).toBe(true);
  });
});

describe('breakdown', () => {
  const r = calculateCase(
    {
      ...base,
      detentionStart: '2023-01-15',
      sentences: [{ years: 3, months: 0, days: 0, verdictDate: '2023-07-01' }],
      religion: 'kristen',
      remissionsGranted: [{ kind: 'umum', occasionDate: '2023-08-17', days: 30, decree: 'PAS-123' }],
      asOf: '2023-09-01',
      projectRemissions: { until: '2024-12-31' },
    },
    { holidays: [{ date: '2023-12-25', name: 'Hari Raya Natal' }, { date: '2024-12-25', name: 'Hari Raya Natal' }] },
  );

  it('every line names a rule and a regulation, Indonesian first', () => {
    expect(r.breakdown.length).toBeGreaterThan(10);
    for (const l of r.breakdown) {
      expect(l.rule).not.toBe('');
      expect(l.regulation).not.toBe('');
      expect(l.label.id).not.toBe('');
      expect(l.label.en).not.toBe('');
    }
  });

  it('follows the calculation in order: rule set, start, sentence, remissions, expiry, fractions, rights', () => {
    const codes = r.breakdown.map((l) => l.code);
    const order = ['RULE_SET', 'START', 'SENTENCE', 'EXPIRY_NO_REMISSION_MAIN', 'REMISSION_UMUM', 'TOTAL_REMISSION', 'EXPIRY', 'TWO_THIRDS', 'PB', 'PROJECTED_EXPIRY'];
    const positions = order.map((c) => codes.indexOf(c));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(r.breakdown.find((l) => l.code === 'EXPIRY')?.value).toBe('2025-12-16');
    expect(r.breakdown.find((l) => l.code === 'PROJECTED_EXPIRY')?.value).toBe('2025-08-03');
  });

  it('keeps decree numbers on granted remissions', () => {
    expect(r.remissions[0]?.decree).toBe('PAS-123');
  });
});

describe('schemas and input guard', () => {
  it('accepts a full case and the result matches the output schema', () => {
    const input = {
      ...base,
      detentionOrders: [{ id: 'A', stage: 'penyidikan', start: '2024-01-10', days: 20 }],
      sentences: [{ years: 1, months: 2, days: 0, verdictDate: '2024-05-01', special: ['korupsi'] }],
      registerF: [{ date: '2024-02-01', until: '2024-02-10' }],
      conditions: { finePaid: true },
      projectRemissions: { until: '2025-12-31' },
      asOf: '2024-06-01',
    };
    const parsed = CaseInputSchema.parse(input);
    expect(CaseResultSchema.safeParse(calculateCase(parsed, NO_HOLIDAYS)).success).toBe(true);
    expect(CalculationRequestSchema.safeParse({ case: parsed, twoThirdsMode: 'of_sentence_minus_remission' }).success).toBe(true);
  });

  it.each([
    [{ asOf: '2025-02-30' }],
    [{ asOf: '2025-2-3' }],
    [{ religion: 'other' }],
    [{ registerf: [] }],
    [{ sentences: [{ years: -1, months: 0, days: 0, verdictDate: '2025-01-01' }] }],
    [{ detentionOrders: [{ id: 'A', stage: 'pn', start: '2025-01-01', days: 0 }] }],
    [{ registerF: [{ date: '2025-01-10', until: '2025-01-01' }] }],
  ])('rejects %j', (patch) => {
    expect(CaseInputSchema.safeParse({ ...base, ...patch }).success).toBe(false);
  });

  it('calculateCase refuses impossible dates even without the schema', () => {
    expect(() => calculateCase({ ...base, asOf: '2025-02-29' }, NO_HOLIDAYS)).toThrow(InvalidCaseInputError);
    expect(() =>
      calculateCase(
        {
          ...base,
          detentionOrders: [
            { id: 'A', stage: 'pn', start: '2025-01-01', days: 10 },
            { id: 'A', stage: 'pn', start: '2025-01-11', days: 10 },
          ],
        },
        NO_HOLIDAYS,
      ),
    ).toThrow(/duplicate id/);
  });
});
