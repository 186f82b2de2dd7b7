// One run per scheduled tick across hosts: schedulers that share a PostgreSQL database (the queue's,
// or the history's) claim each tick by inserting its row; the insert that wins runs it, every other
// scheduler logs the tick as taken. A row, not an advisory lock, so a host whose clock or start is a
// little late still sees that the tick was run.
import pg from 'pg';

export type TickClaim = (tick: Date) => Promise<boolean>;

export interface TickClaimStore {
  claim: TickClaim;
  close(): Promise<void>;
}

const CREATE = `CREATE TABLE IF NOT EXISTS proofline_schedule_tick (
  schedule text NOT NULL,
  tick timestamptz NOT NULL,
  claimed_by text NOT NULL,
  claimed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (schedule, tick)
)`;

/** The advisory lock key schedulers take to create the claim table: any fixed 64-bit number ("prooftck" in ASCII). */
const CREATE_LOCK = '8102661203843900267'; // 0x70726f6f6674636b

/**
 * CREATE TABLE IF NOT EXISTS is not safe against a concurrent create: both pass the check and the
 * loser fails on the table's row type ('type "proofline_schedule_tick" already exists', 42710, or
 * 23505). Creators take a transaction-scoped advisory lock first, so the second finds the table there.
 */
async function createClaimTable(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT pg_advisory_xact_lock(${CREATE_LOCK})`);
    await client.query(CREATE);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/** The tick a firing belongs to: its minute (or second, for 6-field cron expressions), the same on every host. */
export function tickOf(at: Date, cron: string): Date {
  const unit = cron.trim().split(/\s+/).length === 6 ? 1000 : 60_000;
  return new Date(Math.floor(at.getTime() / unit) * unit);
}

/** `schedule` names the schedule (organization, cron, time zone): different schedules never share ticks. */
export async function openTickClaims(url: string, schedule: string, claimant: string): Promise<TickClaimStore> {
  const pool = new pg.Pool({ connectionString: url, max: 2, application_name: 'proofline-scheduler' });
  // An idle connection the server ends (restart, failover, a terminated backend: 57P01) is dropped by
  // the pool; without a listener its error would end the scheduler. The next claim connects again,
  // and a claim that cannot connect fails that tick with the error.
  pool.on('error', () => {});
  try {
    await createClaimTable(pool);
  } catch (err) {
    await pool.end();
    throw err;
  }
  return {
    async claim(tick) {
      const r = await pool.query('INSERT INTO proofline_schedule_tick (schedule, tick, claimed_by) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [schedule, tick, claimant]);
      return r.rowCount === 1;
    },
    close: () => pool.end(),
  };
}
