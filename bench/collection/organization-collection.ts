// Collection of a synthetic Organization in one process against the bench's limits (40 ms latency, per
// account x region x operation rate limits), live-like client settings and the default bounds: wall time,
// CPU, throttles and peak RSS as accounts grow (not part of `npm run bench`).
//   npx tsx bench/collection/organization-collection.ts <accounts> <resources per account>
import { ClientFactory } from '../../src/collect/client-factory.ts';
import { MemoryEvidence } from '../../src/collect/evidence-sink.ts';
import { runCollection } from '../../src/collect/run-collection.ts';
import { AwsLimits } from './aws-limits.ts';
import { DEFAULT_LIMITS } from './bench-collection.ts';
import { collectorsToRun, LIVE_LIKE_CLIENT_CONFIG } from '../generate/collect-synthetic.ts';
import { syntheticOrganization } from '../generate/synthetic-organization.ts';
const [accounts, size] = process.argv.slice(2).map(Number);
if (!(accounts > 0) || !(size > 0)) {
  process.stderr.write('usage: tsx bench/collection/organization-collection.ts <accounts> <resources per account>\n');
  process.exit(2);
}
const limits = new AwsLimits(DEFAULT_LIMITS);
const org = syntheticOrganization(accounts, size, { beforeAnswer: limits.beforeAnswer });
const collectors = await collectorsToRun();
const sink = new MemoryEvidence();
const factory = new ClientFactory({ sink, responder: org.responder, clientConfig: (s) => LIVE_LIKE_CLIENT_CONFIG(s) });
const t = performance.now();
const cpu = process.cpuUsage();
await runCollection({ factory, sink, scope: org.scope, collectors });
factory.destroy();
const c = process.cpuUsage(cpu);
console.log(JSON.stringify({ accounts, size, records: sink.size, wallS: +((performance.now() - t) / 1000).toFixed(2), cpuS: +((c.user + c.system) / 1e6).toFixed(2), attempts: limits.attempts, throttles: limits.throttleCount, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
