// utcText reads a time as Proofline writes it from its text: the same as the Date round trip it
// replaces, for real times, impossible ones (which Date rolls over or refuses) and other forms.
import { describe, expect, it } from 'vitest';
import { utcText } from '../../../src/render/pdf/pdf-format.ts';

function throughDate(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, ' UTC');
}

describe('utcText', () => {
  const times = [
    '2026-11-20T02:00:00.000Z',
    '2026-11-20T02:00:00Z',
    '2026-12-31T23:59:59.999Z',
    '2024-02-29T12:00:00.000Z',
    '2000-02-29T00:00:00.000Z',
    '1900-02-29T00:00:00.000Z', // no such day: Date rolls over to 1 March
    '2026-02-29T00:00:00.000Z',
    '2026-04-31T00:00:00.000Z',
    '2026-13-01T00:00:00.000Z', // no such month: Date refuses it
    '2026-00-10T00:00:00.000Z',
    '2026-01-00T00:00:00.000Z',
    '2026-01-01T24:00:00.000Z',
    '2026-01-01T23:60:00.000Z',
    '2026-01-01T23:59:60.000Z',
    '2026-01-01T00:00:59.9999Z',
    '2026-01-01T02:00:00+02:00',
    '2026-01-01',
    'not a time',
  ];
  it.each(times)('%s', (iso) => {
    expect(utcText(iso)).toBe(throughDate(iso));
  });

  it('prints a dash for no time', () => {
    expect(utcText(undefined)).toBe('-');
    expect(utcText('')).toBe('-');
  });
});
