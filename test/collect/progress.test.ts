// Progress display and the end-of-collection summary (calls, errors by kind, duration).
import { describe, expect, it } from 'vitest';
import { Progress, progressMode } from '../../src/cli/progress.ts';
import { formatCollectionSummary, ProgressStats } from '../../src/cli/progress-stats.ts';

const call = (outcome: 'ok' | 'error' | 'not_configured', errorName?: string, region = 'eu-west-1') => ({ service: 'sagemaker', operation: 'ListNotebookInstances', account: '111122223333', region, outcome, errorName, ms: 10 });

function sink(isTTY = false) {
  const chunks: string[] = [];
  return { out: { isTTY, rows: 10, write: (t: string) => chunks.push(t) }, text: () => chunks.join('') };
}

describe('progress', () => {
  it('chooses the mode from the terminal and --quiet', () => {
    expect(progressMode({ isTTY: true, write: () => 0 }, false)).toBe('tty');
    expect(progressMode({ isTTY: false, write: () => 0 }, false)).toBe('json');
    expect(progressMode({ isTTY: true, write: () => 0 }, true)).toBe('quiet');
  });

  it('counts calls and errors by kind per account / region / service', () => {
    let t = 0;
    const stats = new ProgressStats(() => (t += 1000));
    [call('ok'), call('error', 'ThrottlingException'), call('error', 'AccessDeniedException', 'us-east-1'), call('error', 'ThrottlingException'), call('not_configured')].forEach((e) => stats.add(e));
    expect(stats.rows.get('111122223333|eu-west-1|sagemaker')).toMatchObject({ calls: 4, errors: 2 });
    const summary = formatCollectionSummary(stats);
    expect(summary).toMatch(/^Collection: 5 calls in \d+\.\ds \(3 errors, 1 not configured\)/);
    expect(summary.indexOf('ThrottlingException')).toBeLessThan(summary.indexOf('AccessDeniedException'));
  });

  it('writes JSON lines when not a terminal', () => {
    const { out, text } = sink();
    const p = new Progress(out, 'json');
    p.onCall(call('error', 'AccessDeniedException'));
    p.onCollectorDone({ collector: 'sagemaker.notebooks', target: { account: '111122223333', region: 'eu-west-1' }, ms: 12 });
    p.finish();
    const lines = text().trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toEqual({ event: 'collector', collector: 'sagemaker.notebooks', account: '111122223333', region: 'eu-west-1', ms: 12 });
    expect(lines[1]).toMatchObject({ event: 'summary', calls: 1, errors: 1, errorsByKind: { AccessDeniedException: 1 } });
  });

  it('prints only the summary when quiet', () => {
    const { out, text } = sink(true);
    const p = new Progress(out, 'quiet');
    p.onCall(call('ok'));
    p.finish();
    expect(text()).toMatch(/^Collection: 1 calls/);
  });
});
