// Runs jobs in the order given, at most `total` at once and at most `perKey` of one key at once. A job
// whose key is at its bound waits without holding back the jobs of other keys behind it, and a freed
// slot goes to the earliest waiting job that may start: jobs queued key by key finish key by key.
export interface KeyedJob {
  key: string;
  run: () => Promise<void>;
}

/** onKeyDone: called once per key, as soon as its last job has ended (failed or not). */
export function runKeyed(jobs: readonly KeyedJob[], bounds: { total: number; perKey: number }, onKeyDone?: (key: string) => void): Promise<void> {
  // A bound below 1 would start nothing and never settle (p-limit, which this replaces, throws too).
  for (const [name, n] of Object.entries(bounds)) if (!Number.isInteger(n) || n < 1) throw new RangeError(`runKeyed: ${name} must be a whole number from 1 up, not ${n}`);
  // Per key, its waiting jobs in order; keys in the order of their first job.
  const waiting = new Map<string, { jobs: (() => Promise<void>)[]; next: number; running: number }>();
  for (const job of jobs) {
    let q = waiting.get(job.key);
    if (!q) waiting.set(job.key, (q = { jobs: [], next: 0, running: 0 }));
    q.jobs.push(job.run);
  }
  let active = 0;
  let failure: { error: unknown } | undefined;
  return new Promise<void>((resolve, reject) => {
    const ended = (key: string) => {
      try {
        onKeyDone?.(key);
      } catch (error) {
        failure ??= { error };
      }
    };
    const pump = () => {
      for (const [key, q] of waiting) {
        if (active >= bounds.total) break;
        while (active < bounds.total && q.running < bounds.perKey && q.next < q.jobs.length) {
          const run = q.jobs[q.next];
          q.jobs[q.next++] = undefined as never; // started: its closure may be collected when it ends
          active++;
          q.running++;
          run()
            .catch((error: unknown) => void (failure ??= { error }))
            .finally(() => {
              active--;
              q.running--;
              // The key's last job: reported at once, whatever the other keys hold of the run's slots.
              if (q.running === 0 && q.next === q.jobs.length) ended(key);
              pump();
            });
        }
        // Every job of this key has started: nothing left to queue.
        if (q.next === q.jobs.length) waiting.delete(key);
      }
      if (active === 0 && waiting.size === 0) {
        if (failure) reject(failure.error);
        else resolve();
      }
    };
    pump();
  });
}
