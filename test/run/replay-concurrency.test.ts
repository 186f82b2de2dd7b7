// A replay answers from disk with nothing to wait for, so it runs few calls at once (REPLAY_CONCURRENCY):
// live concurrency there only kept thousands of pending calls in memory. Same evidence either way.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Answer, Call } from '../../src/collect/evidence-middleware.ts';
import { snapshotSource, type PreparedSource } from '../../src/collect/source.ts';
import { loadProjectCatalog } from '../../src/evaluate/load-project-catalog.ts';
import { collectEvidence, REPLAY_CONCURRENCY } from '../../src/run/collect-evidence.ts';

const SAMPLE = fileURLToPath(new URL('../../samples/sample-account', import.meta.url));

/** The sample's replay, counting the most answers in flight at once. */
async function replayCountingInFlight(settings: { perAccountConcurrency?: number; callConcurrency?: number; fanOutConcurrency?: number }) {
  const project = await loadProjectCatalog();
  const source: PreparedSource = await snapshotSource(SAMPLE);
  const answer = source.responder!;
  let inFlight = 0;
  let most = 0;
  const counted = async (call: Call): Promise<Answer> => {
    most = Math.max(most, ++inFlight);
    try {
      // A turn of the event loop, as a file read takes: lets every started call reach the responder.
      await new Promise((r) => setImmediate(r));
      return await answer(call);
    } finally {
      inFlight--;
    }
  };
  const records = await collectEvidence({ ...project, source: { ...source, responder: counted }, now: () => new Date('2026-11-20T03:00:00Z'), ...settings });
  return { most, records };
}

describe('replay concurrency', () => {
  it('keeps few calls in flight by default and gives the same evidence as live settings', async () => {
    const replay = await replayCountingInFlight({});
    const live = await replayCountingInFlight({ perAccountConcurrency: 64, callConcurrency: 16, fanOutConcurrency: 1000 });
    expect(replay.records.length).toBeGreaterThan(100);
    expect(replay.records.map((r) => `${r.id} ${r.sha256}`)).toEqual(live.records.map((r) => `${r.id} ${r.sha256}`));
    expect(replay.most).toBeLessThanOrEqual(REPLAY_CONCURRENCY.perAccount * REPLAY_CONCURRENCY.calls);
    expect(live.most).toBeGreaterThan(replay.most);
  }, 60_000);
});
