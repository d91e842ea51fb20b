import { tDynamic, useT } from '../../i18n/index.ts';

/**
 * Labels of the work areas' codes (category, place, session, weekday, pay kind). Unknown codes
 * show as they are. Subscribes to the language like `useT`.
 */
export function useWorkLabels() {
  useT();
  return {
    category: (c: string) => tDynamic(`work.categories.${c}`, c),
    placeKind: (p: string) => tDynamic(`work.placeKinds.${p}`, p),
    session: (s: string) => tDynamic(`work.sessions.${s}`, s),
    sessions: (list: readonly string[]) => list.map((s) => tDynamic(`work.sessions.${s}`, s)).join(', '),
    weekdays: (list: readonly number[]) => list.map((d) => tDynamic(`work.weekdaysShort.${d}`, String(d))).join(', '),
    payKind: (k: string) => tDynamic(`work.payRules.kinds.${k}`, k),
    allocationStatus: (s: string) => tDynamic(`work.allocations.statuses.${s}`, s),
  };
}
