// Rebuilds samples/sample-account: runs the real collectors against the simulated sample account
// and records what they collected, exactly as `proofline record` does against AWS.
import { loadProjectCatalog } from '../src/catalog/load-project-catalog.ts';
import { ClientFactory } from '../src/collect/client-factory.ts';
import { selectCollectors } from '../src/collect/collector-registry.ts';
import { MemoryEvidence } from '../src/collect/evidence-sink.ts';
import { runCollection } from '../src/collect/run-collection.ts';
import { writeSnapshot } from '../src/collect/snapshot/write-snapshot.ts';
import { neededEvidenceKeys } from '../src/run/run-evidence.ts';
import { ACCOUNT, RECORDED_AT, REGIONS } from './scenario/account.ts';
import { buildSampleAws } from './scenario/index.ts';

// The SDK's Node 20 end-of-support notice is noise here (as in the CLI).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const OUT = new URL('./sample-account/', import.meta.url).pathname;

const { catalog, collectors } = await loadProjectCatalog();
const sim = await buildSampleAws();
const sink = new MemoryEvidence();
const now = () => RECORDED_AT;
const factory = new ClientFactory({ sink, responder: sim.responder(), now });
const scope = { accounts: [ACCOUNT], regions: [...REGIONS] };
const { selected } = selectCollectors(collectors, neededEvidenceKeys(catalog));
await runCollection({ factory, sink, scope, collectors: selected, now });
factory.destroy();
if (sim.unhandled.size) {
  console.error(`The sample scenario has no answer for: ${[...sim.unhandled].sort().join(', ')}`);
  process.exit(1);
}
await writeSnapshot(OUT, sink.all(), scope, { createdAt: RECORDED_AT.toISOString(), description: 'Acme Health AI: sample account running SageMaker and Bedrock workloads (simulated, recorded with the real collectors)' });
console.log(`Wrote ${sink.size} evidence records to samples/sample-account`);
