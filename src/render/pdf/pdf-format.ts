// Small formatting helpers for report text.
export function utcText(iso: string | undefined): string {
  if (!iso) return '-';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, ' UTC');
}

export function resourceText(r: { type: string; id: string; arn?: string }): string {
  return r.arn && r.arn !== r.id ? `${r.id}\n${r.arn}` : r.id;
}
