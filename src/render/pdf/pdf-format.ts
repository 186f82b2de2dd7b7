// Small formatting helpers for report text.

const ISO_UTC = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.\d{3})?Z$/;

/** True when the fields name a real UTC time, so that Date would give them back unchanged. */
function isRealTime(year: number, month: number, day: number, hour: number, minute: number, second: number): boolean {
  const days = month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return month >= 1 && month <= 12 && day >= 1 && day <= days && hour <= 23 && minute <= 59 && second <= 59;
}

/** "2026-11-20 02:00:00 UTC" from an ISO time; "-" when absent; the text itself when it is no time. */
export function utcText(iso: string | undefined): string {
  if (!iso) return '-';
  // The report prints one for every evidence record: a time as Proofline writes it is read from its text.
  const m = ISO_UTC.exec(iso);
  if (m && isRealTime(+m[1], +m[2], +m[3], +m[4], +m[5], +m[6])) return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, ' UTC');
}

export function resourceText(r: { type: string; id: string; arn?: string }): string {
  return r.arn && r.arn !== r.id ? `${r.id}\n${r.arn}` : r.id;
}
