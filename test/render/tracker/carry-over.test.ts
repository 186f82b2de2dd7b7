// Carry-over between trackers: team values follow the finding id, fixed findings move to Resolved with
// the run that fixed them and how, Resolved rows stay until their finding opens again.
import { describe, expect, it } from 'vitest';
import { carryOver, notEvaluatedId } from '../../../src/render/tracker/carry-over.ts';
import type { PreviousTracker, TrackedRow } from '../../../src/render/tracker/read-tracker.ts';
import { fakeResults } from '../../history/fake-results.ts';

const id = (resource: string, control = 'c1') => `${control}:111122223333:eu-west-1:${resource}`;
const row = (findingId: string, owner: string, extra: Partial<TrackedRow> = {}): TrackedRow => ({ id: findingId, cells: { Control: findingId.split(':')[0] }, team: { Owner: owner }, ...extra });

const now = fakeResults('run-9', '2026-11-30T02:00:00.000Z', [
  { control: 'c1', resource: 'open', status: 'fail' },
  { control: 'c1', resource: 'again', status: 'unknown' },
  { control: 'c1', resource: 'fixed', status: 'pass' },
  { control: 'c1', resource: 'na', status: 'not_applicable' },
  { control: 'c2', resource: 'evaluated', status: 'pass' },
]);

describe('carryOver', () => {
  it('without an earlier tracker or run, carries nothing and resolves nothing', () => {
    expect(carryOver(now)).toMatchObject({ team: new Map(), resolved: [], pbc: new Map() });
  });

  it('moves what was open before and is not now to Resolved, saying how, and keeps the team values on open rows', () => {
    const previous: PreviousTracker = {
      file: 'prev.xlsx',
      gaps: new Map([
        [id('open'), row(id('open'), 'Ana')],
        [id('fixed'), row(id('fixed'), 'Bo')],
        [id('na'), row(id('na'), 'Cy')],
        [id('gone'), row(id('gone'), 'Di')],
        [notEvaluatedId('c2'), row(notEvaluatedId('c2'), 'Ed')],
      ]),
      resolved: new Map([
        [id('again'), row(id('again'), 'Fay', { resolved: { run: 'run-3', at: '2026-11-03T02:00:00.000Z', how: 'Passes in this run' } })],
        [id('old'), row(id('old'), 'Gus', { resolved: { run: 'run-2', at: '2026-11-02T02:00:00.000Z', how: 'Passes in this run' } })],
      ]),
      pbc: new Map([['soc2:CC1.1', { Owner: 'HR' }]]),
    };
    const view = carryOver(now, { previous });
    expect(view.source).toBe('prev.xlsx');
    expect(Object.fromEntries([...view.team].map(([k, v]) => [k, v.Owner]))).toEqual({ [id('open')]: 'Ana', [id('again')]: 'Fay' });
    const how = Object.fromEntries(view.resolved.map((r) => [r.id, [r.team.Owner, r.resolved.run, r.resolved.how]]));
    expect(how).toEqual({
      [id('fixed')]: ['Bo', 'run-9', 'Passes in this run'],
      [id('na')]: ['Cy', 'run-9', 'Not applicable in this run (nothing left to check)'],
      [id('gone')]: ['Di', 'run-9', 'No longer found in this run (resource removed, or no longer in scope)'],
      [notEvaluatedId('c2')]: ['Ed', 'run-9', 'Evaluated in this run'],
      // Resolved earlier, still fixed: kept with its own run; the one that failed again is back in Gaps.
      [id('old')]: ['Gus', 'run-2', 'Passes in this run'],
    });
    expect(view.resolved.slice(0, 4).every((r) => r.resolved.run === 'run-9')).toBe(true);
    expect(view.pbc.get('soc2:CC1.1')).toEqual({ Owner: 'HR' });
  });

  it("resolves the previous run's open findings from the history when no workbook is left, with their descriptive cells", () => {
    const before = fakeResults('run-8', '2026-11-29T02:00:00.000Z', [
      { control: 'c1', resource: 'open', status: 'fail' },
      { control: 'c1', resource: 'fixed', status: 'fail' },
    ]);
    before.findings[1].firstSeen = '2026-11-20T02:00:00.000Z';
    const view = carryOver(now, { previousFindings: { open: before.findings, controls: before.controls }, note: 'the previous run has no package left' });
    expect(view.note).toBe('the previous run has no package left');
    expect(view.resolved).toHaveLength(1);
    expect(view.resolved[0]).toMatchObject({ id: id('fixed'), team: {}, cells: { Control: 'c1', Title: 'c1', Severity: 'high', Account: '111122223333', Region: 'eu-west-1', Resource: 'fixed', 'First seen': '2026-11-20T02:00:00.000Z' }, resolved: { run: 'run-9', how: 'Passes in this run' } });
  });
});
