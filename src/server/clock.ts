/**
 * "Today" as a calendar date (YYYY-MM-DD) in Indonesian western time, injectable for demos and
 * tests. Rules take dates, never `new Date()`, so results cannot drift with the server's zone.
 */
export interface Clock {
  today(): string;
  now(): Date;
}

export function jakartaDate(d: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}

export function systemClock(fixedToday?: string): Clock {
  return {
    today: () => fixedToday ?? jakartaDate(new Date()),
    now: () => new Date(),
  };
}
