// Rebuilds samples/sample-account: runs the real collectors against the simulated sample account
// and records what they collected, exactly as `proofline record` does against AWS.
import { loadProjectCatalog } from '../src/evaluate/load-project-catalog.ts';
import { simulatedSource } from '../src/collect/source.ts';
import { writeSnapshot } from '../src/collect/snapshot/write-snapshot.ts';
import { collectEvidence } from '../src/run/collect-evidence.ts';
import { SAMPLE_REDACTION_KEY } from '../src/collect/redaction-key.ts';
import { ACCOUNT, RECORDED_AT, REGIONS } from './scenario/account.ts';
import { buildSampleAws } from './scenario/index.ts';

// The SDK's Node 20 end-of-support notice is noise here (as in the CLI).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const OUT = new URL('./sample-account/', import.meta.url).pathname;

const { catalog, collectors } = await loadProjectCatalog();
const sim = await buildSampleAws();
const scope = { accounts: [ACCOUNT], regions: [...REGIONS] };
const records = await collectEvidence({ catalog, collectors, source: simulatedSource(sim.responder(), scope), now: () => RECORDED_AT, redactionKey: SAMPLE_REDACTION_KEY });
if (sim.unhandled.size) {
  console.error(`The sample scenario has no answer for: ${[...sim.unhandled].sort().join(', ')}`);
  process.exit(1);
}
await writeSnapshot(OUT, records, scope, { createdAt: RECORDED_AT.toISOString(), description: 'Acme Health AI: sample account running SageMaker and Bedrock workloads (simulated, recorded with the real collectors)' });
console.log(`Wrote ${records.length} evidence records to samples/sample-account`);
