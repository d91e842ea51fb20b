import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { z } from 'zod';
import { covers, scopeCondition, type UserScope } from '../../src/shared/access/scope.ts';
import { fieldErrors, msg } from '../../src/shared/i18n/zod-issues.ts';
import { ERROR_MESSAGES, FIELD_MESSAGES } from '../../src/shared/i18n/errors.ts';
import { pickLang } from '../../src/shared/i18n/lang.ts';
import { passwordProblem } from '../../src/shared/schemas/password-rules.ts';
import { CalendarDate } from '../../src/shared/schemas/common.ts';
import { canonicalJson, entryHash, GENESIS_HASH } from '../../src/server/audit/canonical.ts';
import { redact, REDACTED } from '../../src/server/modules/audit/queries.ts';

const scopeArb: fc.Arbitrary<UserScope> = fc.oneof(
  fc.constant({ level: 'national' as const }),
  fc.record({ level: fc.constant('kanwil' as const), kanwilId: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ level: fc.constant('upt' as const), kanwilId: fc.integer({ min: 1, max: 5 }), uptId: fc.integer({ min: 1, max: 20 }) }),
);
const recordArb = fc.record({ kanwilId: fc.integer({ min: 1, max: 5 }), uptId: fc.integer({ min: 1, max: 20 }) });

describe('scope', () => {
  it('national covers everything; Kanwil covers its own Kanwil; UPT only its UPT', () => {
    fc.assert(
      fc.property(scopeArb, recordArb, (scope, rec) => {
        const expected = scope.level === 'national' ? true : scope.level === 'kanwil' ? rec.kanwilId === scope.kanwilId : rec.uptId === scope.uptId;
        expect(covers(scope, rec)).toBe(expected);
      }),
    );
  });
  it('never covers a record without scope for a non-national user', () => {
    expect(covers({ level: 'kanwil', kanwilId: 1 }, {})).toBe(false);
    expect(covers({ level: 'upt', kanwilId: 1, uptId: 2 }, { kanwilId: 1 })).toBe(false);
  });
  it('builds SQL conditions with parameters, never with inlined values', () => {
    const params: unknown[] = [];
    expect(scopeCondition({ level: 'upt', kanwilId: 1, uptId: 7 }, { kanwil: 'k', upt: 'u' }, params)).toBe('u = $1');
    expect(params).toEqual([7]);
    expect(scopeCondition({ level: 'kanwil', kanwilId: 3 }, { upt: 'u' }, [])).toBe('FALSE');
  });
});

describe('messages', () => {
  it('has every message in both languages', () => {
    for (const m of [...Object.values(ERROR_MESSAGES), ...Object.values(FIELD_MESSAGES)]) {
      expect(m.id.length).toBeGreaterThan(0);
      expect(m.en.length).toBeGreaterThan(0);
    }
  });
  it('translates zod issues into field messages in either language', () => {
    const schema = z.strictObject({ name: z.string().min(3), age: z.number().int().min(0), kind: z.enum(['a', 'b']), pw: z.string().refine(() => false, msg('password_weak')) });
    const r = schema.safeParse({ name: 'x', age: -1, kind: 'c', pw: 'p', extra: 1 });
    expect(r.success).toBe(false);
    if (r.success) return;
    const id = fieldErrors(r.error, 'id');
    expect(id).toMatchObject({ name: 'Minimal 3 karakter.', age: 'Minimal 0.', kind: 'Pilih salah satu pilihan yang tersedia.' });
    expect(id.pw).toMatch(/minimal 10 karakter/);
    expect(id._).toMatch(/extra/);
    expect(fieldErrors(r.error, 'en').name).toBe('At least 3 characters.');
  });
  it('fills the bounds into a schema’s own message (bug: "Minimal ." without the number)', () => {
    const r = z.object({ n: z.number().min(0, msg('too_small_number')).max(10, msg('too_big_number')) }).safeParse({ n: -5 });
    expect(r.success).toBe(false);
    if (!r.success) expect(fieldErrors(r.error, 'id').n).toBe('Minimal 0.');
    const big = z.object({ s: z.string().max(3, msg('too_long')) }).safeParse({ s: 'abcd' });
    if (!big.success) expect(fieldErrors(big.error, 'en').s).toBe('At most 3 characters.');
  });
  it('answers in Indonesian unless English is asked for', () => {
    expect(pickLang(undefined, undefined)).toBe('id');
    expect(pickLang(undefined, 'en-US,en;q=0.9')).toBe('en');
    expect(pickLang('id', 'en-US')).toBe('id');
    expect(pickLang(undefined, 'fr-FR')).toBe('id');
  });
});

describe('password rules', () => {
  it.each([
    ['pendek1', 'password_weak'],
    ['hanyahurufsaja', 'password_weak'],
    ['12345678901', 'password_weak'],
    ['admin.pusat2026', 'password_weak'],
    ['Indonesia123', 'password_common'],
    ['SandiKuat2026', undefined],
  ])('%s → %s', (pw, problem) => {
    expect(passwordProblem(pw, 'admin.pusat')).toBe(problem);
  });
});

describe('calendar dates', () => {
  it.each(['2026-02-29', '2026-13-01', '26-01-01', '2026-1-01'])('refuses %s', (d) => {
    expect(CalendarDate.safeParse(d).success).toBe(false);
  });
  it.each(['2024-02-29', '2026-08-17'])('accepts %s', (d) => {
    expect(CalendarDate.safeParse(d).success).toBe(true);
  });
});

describe('audit hashing', () => {
  it('canonical JSON ignores key order at every level', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(obj));
      }),
    );
  });
  it('changes the hash when any field or the previous hash changes', () => {
    const fields = { at: '2026-11-25T01:00:00.000Z', actor_id: 1, actor_username: 'a', actor_role: 'pusat_admin', scope_kanwil_id: null, scope_upt_id: null, entity: 'upt', entity_id: '1', action: 'update', before: { a: 1 }, after: { a: 2 }, request_id: null };
    const h = entryHash(GENESIS_HASH, fields);
    expect(entryHash(GENESIS_HASH, { ...fields, after: { a: 3 } })).not.toBe(h);
    expect(entryHash('f'.repeat(64), fields)).not.toBe(h);
    expect(entryHash(GENESIS_HASH, { ...fields })).toBe(h);
  });
  it('hides personal fields from viewers who may not read personal data', () => {
    expect(redact('app_user', { full_name: 'Budi', role: 'x' }, 'partner')).toEqual({ full_name: REDACTED, role: 'x' });
    expect(redact('app_user', { full_name: 'Budi' }, 'auditor')).toEqual({ full_name: 'Budi' });
  });
});
