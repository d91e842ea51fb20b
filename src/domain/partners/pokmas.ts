/**
 * Pokmas Lipas formation rule (Kepdirjenpas PAS-06.OT.02.02/2020): each Bapas forms at least two
 * community groups — one for law and society ("hukum dan kemasyarakatan"), one for self-reliance and
 * personality ("kemandirian dan kepribadian") — of at least five partners each. Resolusi
 * Pemasyarakatan 2020 target 12 counts the groups nationally (180 groups in 90 Bapas).
 *
 * A group counts once it is active and has its five members; a Bapas meets the rule when both fields
 * have such a group. The numbers are data (`POKMAS_RULE`), so a later decree changes one line.
 */
import { reason, type Reason } from '../work/text.ts';

export const POKMAS_FIELDS = ['hukum_kemasyarakatan', 'kemandirian_kepribadian'] as const;
export type PokmasField = (typeof POKMAS_FIELDS)[number];

export const POKMAS_RULE = { minMembersPerGroup: 5, minGroupsPerField: 1, fields: POKMAS_FIELDS } as const;

export const FIELD_LABELS: Record<PokmasField, { id: string; en: string }> = {
  hukum_kemasyarakatan: { id: 'hukum dan kemasyarakatan', en: 'law and society' },
  kemandirian_kepribadian: { id: 'kemandirian dan kepribadian', en: 'self-reliance and personality' },
};

export interface PokmasGroupFacts {
  field: PokmasField;
  members: number;
  active: boolean;
}

export interface PokmasCheck {
  ok: boolean;
  /** Groups that count: active, with enough members. */
  formedGroups: number;
  totalGroups: number;
  shortfalls: Reason[];
}

export function groupCounts(g: PokmasGroupFacts): boolean {
  return g.active && g.members >= POKMAS_RULE.minMembersPerGroup;
}

export function checkPokmasLipas(groups: readonly PokmasGroupFacts[]): PokmasCheck {
  const shortfalls: Reason[] = [];
  for (const field of POKMAS_RULE.fields) {
    const formed = groups.filter((g) => g.field === field && groupCounts(g)).length;
    if (formed >= POKMAS_RULE.minGroupsPerField) continue;
    const best = Math.max(0, ...groups.filter((g) => g.field === field && g.active).map((g) => g.members));
    const label = FIELD_LABELS[field];
    shortfalls.push(
      best === 0
        ? reason(`missing_${field}`, `Belum ada kelompok bidang ${label.id}.`, `No ${label.en} group yet.`)
        : reason(`short_${field}`, `Kelompok bidang ${label.id} baru ${best} dari ${POKMAS_RULE.minMembersPerGroup} mitra.`, `The ${label.en} group has ${best} of ${POKMAS_RULE.minMembersPerGroup} partners.`),
    );
  }
  return { ok: shortfalls.length === 0, formedGroups: groups.filter(groupCounts).length, totalGroups: groups.length, shortfalls };
}
