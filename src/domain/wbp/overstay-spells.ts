import { addDays, type IsoDate } from '../calendar/date.ts';

/**
 * Overstay spells: the days on which an inmate was held past the date that should have ended the
 * detention (a detention order's end) or the sentence (its expiry), as the records dated up to
 * each day said — not as today's records say. A remission granted on 17 August that brings the
 * expiry back to 1 July does not make 31 July an overstay: on 31 July the expiry was later.
 *
 * The answer can change only on a day a record takes effect (an order starts, a verdict is given,
 * a remission is granted, a transfer), so the held period is cut into epochs at those days and
 * the due date is asked once per epoch. Within an epoch the inmate overstays from the day after
 * the due date to the epoch's end. Touching pieces with the same UPT, kind and due date are one
 * spell. A spell whose `to` is null lasts while the inmate is held.
 */
export type OverstayKind = 'detention' | 'expiry';

export interface DueDate {
  kind: OverstayKind;
  date: IsoDate;
}

export interface Transfer {
  date: IsoDate;
  fromUptId: number;
  toUptId: number;
}

export interface SpellInput {
  /** First day held (admission, or the start of detention). Null: no spell can be placed. */
  heldFrom: IsoDate | null;
  /** Day of release (not a held day); null while held. */
  releasedOn: IsoDate | null;
  currentUptId: number;
  transfers: readonly Transfer[];
  /** Days on which a record takes effect (order starts, verdicts, remission occasions). */
  eventDates: readonly IsoDate[];
  /** The due date from the records dated on or before `asOf` (null: none, e.g. a life sentence). */
  dueAsOf: (asOf: IsoDate) => DueDate | null;
}

export interface Spell {
  uptId: number;
  kind: OverstayKind;
  dueDate: IsoDate;
  from: IsoDate;
  /** Last overstayed day; null while still held. */
  to: IsoDate | null;
}

/** The UPT holding the inmate on a day: the sender of the first later transfer, else the current one. */
export function uptOn(day: IsoDate, currentUptId: number, transfers: readonly Transfer[]): number {
  const later = [...transfers].filter((t) => t.date > day).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return later[0]?.fromUptId ?? currentUptId;
}

export function overstaySpells(input: SpellInput): Spell[] {
  const { heldFrom, releasedOn } = input;
  if (heldFrom === null) return [];
  const lastHeld = releasedOn === null ? null : addDays(releasedOn, -1);
  if (lastHeld !== null && lastHeld < heldFrom) return [];
  const inside = (d: IsoDate) => d > heldFrom && (lastHeld === null || d <= lastHeld);
  const cuts = [...new Set([heldFrom, ...input.eventDates.filter(inside), ...input.transfers.map((t) => t.date).filter(inside)])].sort();
  const spells: Spell[] = [];
  cuts.forEach((start, i) => {
    const next = cuts[i + 1];
    const end = next === undefined ? lastHeld : addDays(next, -1);
    const due = input.dueAsOf(start);
    if (due === null) return;
    const from = addDays(due.date, 1) > start ? addDays(due.date, 1) : start;
    if (end !== null && from > end) return;
    const uptId = uptOn(start, input.currentUptId, input.transfers);
    const prev = spells[spells.length - 1];
    if (prev && prev.to !== null && addDays(prev.to, 1) === from && prev.uptId === uptId && prev.kind === due.kind && prev.dueDate === due.date) {
      prev.to = end;
    } else {
      spells.push({ uptId, kind: due.kind, dueDate: due.date, from, to: end });
    }
  });
  return spells;
}

/** Whether a spell covers a day (the figure "overstaying on day D" counts these). */
export function coversDay(s: Spell, day: IsoDate): boolean {
  return s.from <= day && (s.to === null || s.to >= day);
}
