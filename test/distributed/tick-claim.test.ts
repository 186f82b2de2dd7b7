// Schedulers on several hosts sharing one PostgreSQL run each tick once (real database, no mocks).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { memoryLogger } from '../../src/schedule/json-logger.ts';
import { Scheduler } from '../../src/schedule/scheduler.ts';
import { openTickClaims, tickOf, type TickClaimStore } from '../../src/schedule/tick-claim.ts';
import { describeWithPostgres, freshDatabase, type TestDatabase } from '../helpers/postgres.ts';

const schedule = { cron: '0 2 * * *', timezone: 'UTC', runOnStart: false };

describeWithPostgres('one run per scheduled tick across schedulers', () => {
  let db: TestDatabase;
  const stores: TickClaimStore[] = [];
  beforeAll(async () => {
    db = await freshDatabase();
  });
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
    await db?.drop();
  });

  async function host(name: string, scheduleKey: string, now: { at: Date }) {
    // Each "host" has its own connection pool and creates the claim table if it must, as separate processes would.
    const claims = await openTickClaims(db.url, scheduleKey, name);
    stores.push(claims);
    const runs: Date[] = [];
    const log = memoryLogger();
    const scheduler = new Scheduler({ schedule, log, claimTick: claims.claim, now: () => now.at, job: async () => (runs.push(now.at), { runId: name }) });
    return { scheduler, runs, log };
  }

  it('two schedulers firing the same tick: one runs it, the other logs it as taken; the next tick runs once again', async () => {
    const clock = { at: new Date('2026-11-30T02:00:00.120Z') };
    const [a, b] = await Promise.all([host('host-a', 'Acme|0 2 * * *|UTC', clock), host('host-b', 'Acme|0 2 * * *|UTC', clock)]);
    const first = await Promise.all([a.scheduler.tick('schedule'), b.scheduler.tick('schedule')]);
    expect(first.sort()).toEqual(['ran', 'skipped_claimed']);
    expect(a.runs.length + b.runs.length).toBe(1);
    const skipped = [...a.log.entries, ...b.log.entries].find((e) => e.event === 'run.skipped');
    expect(skipped).toMatchObject({ reason: 'another scheduler runs this tick', tick: '2026-11-30T02:00:00.000Z' });

    // A host whose clock is a little late still sees the tick as run.
    clock.at = new Date('2026-11-30T02:00:00.900Z');
    expect(await b.scheduler.tick('schedule')).toBe('skipped_claimed');

    clock.at = new Date('2026-12-01T02:00:00.050Z');
    const second = await Promise.all([b.scheduler.tick('schedule'), a.scheduler.tick('schedule')]);
    expect(second.sort()).toEqual(['ran', 'skipped_claimed']);
    expect(a.runs.length + b.runs.length).toBe(2);
  });

  it('another schedule (organization, cron or time zone) has ticks of its own', async () => {
    const clock = { at: new Date('2026-11-30T02:00:00.000Z') };
    const [a, other] = await Promise.all([host('host-c', 'Beta|0 2 * * *|UTC', clock), host('host-d', 'Gamma|0 2 * * *|UTC', clock)]);
    expect(await Promise.all([a.scheduler.tick('schedule'), other.scheduler.tick('schedule')])).toEqual(['ran', 'ran']);
  });

  it('schedulers starting at once on an empty database all open their claims (the claim table is created once)', async () => {
    // CREATE TABLE IF NOT EXISTS alone is not safe against a concurrent create: the loser failed with
    // 'type "proofline_schedule_tick" already exists' (seen in CI with two schedulers).
    for (let round = 0; round < 3; round++) {
      const empty = await freshDatabase();
      try {
        const opened = await Promise.all(Array.from({ length: 8 }, (_, i) => openTickClaims(empty.url, 'Race|0 2 * * *|UTC', `host-${i}`)));
        const claimed = await Promise.all(opened.map((c) => c.claim(new Date('2026-11-30T02:00:00.000Z'))));
        expect(claimed.filter(Boolean)).toHaveLength(1);
        await Promise.all(opened.map((c) => c.close()));
      } finally {
        await empty.drop();
      }
    }
  });

  it('a tick is its minute (its second for 6-field cron expressions)', () => {
    expect(tickOf(new Date('2026-11-30T02:00:59.999Z'), '0 2 * * *').toISOString()).toBe('2026-11-30T02:00:00.000Z');
    expect(tickOf(new Date('2026-11-30T02:00:07.400Z'), '*/5 * * * * *').toISOString()).toBe('2026-11-30T02:00:07.000Z');
  });
});
