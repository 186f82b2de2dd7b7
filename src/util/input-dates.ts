// Dates people write into inputs (an exception's approval, an attestation): a date after the run's
// evaluation time cannot have happened yet, so it is an error, not an early approval; an expiry years
// ahead is allowed but worth a second look (a typo such as 2099 keeps a risk accepted for ever).

/** Expiry or renewal further ahead than this is reported as a warning. */
export const FAR_AHEAD_YEARS = 3;

/** The UTC day (YYYY-MM-DD) of an instant. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** True when the ISO day is later than the day of `now` (UTC): it has not happened yet. */
export function isAfterDay(day: string, now: Date): boolean {
  return day > utcDay(now);
}

/** True when the ISO day is more than FAR_AHEAD_YEARS after `now`. */
export function isFarAhead(day: string, now: Date): boolean {
  const limit = new Date(now);
  limit.setUTCFullYear(limit.getUTCFullYear() + FAR_AHEAD_YEARS);
  return day > utcDay(limit);
}
