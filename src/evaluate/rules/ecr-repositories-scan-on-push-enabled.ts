// Images pushed to a repository must be scanned for vulnerabilities. The registry's scanning
// configuration decides: with enhanced scanning (Inspector) a rule scanning on push or continuously
// must match the repository; with basic scanning a scan-on-push rule must match it, or (the older
// repository-level setting, which basic scanning still honours) the repository has scanOnPush on.
import { wildcardMatch } from '../aws/policy-document.ts';
import { eachRepository, repositoryResource, type EcrRepository } from '../resources/compute.ts';
import { fail, judgeCall, pass, required, type Verdict } from '../rule-helpers.ts';
import type { EvidenceResponse } from '../../collect/evidence-shapes.ts';
import { defineRule } from '../rule.ts';

type ScanningConfiguration = NonNullable<EvidenceResponse<'ecr.GetRegistryScanningConfiguration'>['scanningConfiguration']>;

function judge(repo: EcrRepository, config: ScanningConfiguration): Verdict {
  const name = required(repo, 'repositoryName');
  const type = required(config, 'scanType', 'The registry scanning configuration');
  const wanted = type === 'ENHANCED' ? ['SCAN_ON_PUSH', 'CONTINUOUS_SCAN'] : ['SCAN_ON_PUSH'];
  const rule = (config.rules ?? []).find((r) => wanted.includes(required(r, 'scanFrequency', 'A registry scanning rule')) && (r.repositoryFilters ?? []).some((f) => wildcardMatch(required(f, 'filter', 'A repository filter'), name)));
  if (rule) return pass(`Repository ${name} is matched by the registry's ${type.toLowerCase()} scanning rule (${rule.scanFrequency}).`);
  if (type === 'ENHANCED') return fail(`No enhanced scanning rule of the registry matches repository ${name}, so its images are not scanned.`);
  const onPush = required(required(repo, 'imageScanningConfiguration', `Repository ${name}`), 'scanOnPush', `The scanning configuration of ${name}`);
  return onPush ? pass(`Repository ${name} scans images on push (basic scanning).`) : fail(`Repository ${name} does not scan images on push, and no registry scanning rule matches it.`);
}

export const rule = defineRule({
  controlId: 'ecr-repositories-scan-on-push-enabled',
  evidence: ['ecr.DescribeRepositories', 'ecr.GetRegistryScanningConfiguration'],
  evaluate: (ctx) =>
    eachRepository(ctx, (repo, at, records) =>
      judgeCall(ctx, at, repositoryResource(repo), ctx.evidence.call('ecr.GetRegistryScanningConfiguration', at), {
        ok: (r) => judge(repo, required(r, 'scanningConfiguration', 'GetRegistryScanningConfiguration')),
      }, records),
    ),
});
