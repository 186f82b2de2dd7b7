// `npm run policy`: regenerates policies/proofline-readonly.json from the collectors' SDK calls.
import { writeFile } from 'node:fs/promises';
import { allCalls, POLICY_FILE, policyFor, policyJson } from '../src/collect/policy/derive-policy.ts';
import { isReadOnlyCall } from '../src/collect/policy/iam-action-names.ts';

const calls = await allCalls();
const writes = calls.filter((c) => !isReadOnlyCall(c.service, c.operation));
if (writes.length) {
  console.error(`Not read operations (Proofline must only read):\n${writes.map((c) => `  ${c.service}.${c.operation} in ${c.file}`).join('\n')}`);
  process.exit(1);
}
const policy = policyFor(calls);
await writeFile(POLICY_FILE, policyJson(policy));
console.log(`Wrote ${policy.Statement[0].Action.length} actions to policies/proofline-readonly.json`);
