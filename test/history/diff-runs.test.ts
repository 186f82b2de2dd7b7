import { describe, expect, it } from 'vitest';
import { diffRuns } from '../../src/history/diff-runs.ts';
import { fakeResults } from './fake-results.ts';

describe('diff between two runs', () => {
  const a = fakeResults('a', '2026-11-01T02:00:00.000Z', [
    { control: 'c1', resource: 'nb-1', status: 'fail' },
    { control: 'c1', resource: 'nb-2', status: 'pass' },
    { control: 'c1', resource: 'nb-old', status: 'fail' },
    { control: 'c2', resource: 'bucket-1', status: 'pass' },
  ], [{ key: 'sagemaker.ListNotebookInstances', outcome: 'ok' }, { key: 's3.GetBucketPolicy', outcome: 'ok' }, { key: 'macie2.GetMacieSession', outcome: 'error' }]);
  const b = fakeResults('b', '2026-11-02T02:00:00.000Z', [
    { control: 'c1', resource: 'nb-1', status: 'pass' },
    { control: 'c1', resource: 'nb-2', status: 'fail' },
    { control: 'c1', resource: 'nb-new', status: 'fail' },
    { control: 'c2', resource: 'bucket-1', status: 'unknown' },
  ], [{ key: 'sagemaker.ListNotebookInstances', outcome: 'ok' }, { key: 's3.GetBucketPolicy', outcome: 'error' }, { key: 'macie2.GetMacieSession', outcome: 'ok' }]);
  b.evidence[1].error = { code: 'AccessDenied', message: 'not authorized' } as never;
  const d = diffRuns(a, b);

  it('lists new failures, fixed findings and failures whose resource is gone', () => {
    expect(d.newFailures.map((f) => f.resource.id).sort()).toEqual(['nb-2', 'nb-new']);
    expect(d.fixed.map((f) => f.resource.id)).toEqual(['nb-1']);
    expect(d.failuresGone.map((f) => f.resource.id)).toEqual(['nb-old']);
  });

  it('lists new and removed resources', () => {
    expect(d.newResources.map((r) => r.id)).toEqual(['nb-new']);
    expect(d.removedResources.map((r) => r.id)).toEqual(['nb-old']);
  });

  it('lists evidence that became unavailable, and evidence restored', () => {
    expect(d.evidenceUnavailable).toEqual([{ key: 's3.GetBucketPolicy', account: '111122223333', region: 'eu-west-1', error: 'AccessDenied: not authorized' }]);
    expect(d.evidenceRestored.map((e) => e.key)).toEqual(['macie2.GetMacieSession']);
  });

  it('lists control and requirement status changes', () => {
    expect(d.controls).toEqual([{ id: 'c2', from: 'pass', to: 'unknown' }]);
    expect(d.requirements).toEqual([]);
    expect(diffRuns(b, a).newFailures.map((f) => f.resource.id)).toEqual(['nb-1', 'nb-old']);
  });
});
