// AWS Config recorders of one region, with their status, as rules need them.
import type { EvidenceResponse } from '../../collect/evidence-shapes.ts';
import type { Target } from '../../collect/target.ts';
import { listAt, required } from '../rule-helpers.ts';
import type { RuleContext } from '../rule.ts';

export type Recorder = NonNullable<EvidenceResponse<'config-service.DescribeConfigurationRecorders'>['ConfigurationRecorders']>[number];

/** The customer-managed recorders of a region: a service-linked recorder does not record the account's configuration. */
export function recordersAt(ctx: RuleContext<'config-service.DescribeConfigurationRecorders'>, where: Target) {
  const listed = listAt(ctx, 'config-service.DescribeConfigurationRecorders', where, (r) => r.ConfigurationRecorders);
  return listed.ok ? { ...listed, items: listed.items.filter((r) => !r.servicePrincipal) } : listed;
}

export function recordsAllSupported(r: Recorder): boolean {
  const g = r.recordingGroup;
  if (!g) return false;
  const what = `The recording group of recorder ${r.name}`;
  // Either setting saying "not everything" decides; "everything" needs both stated.
  const useOnly = g.recordingStrategy?.useOnly;
  if ((useOnly !== undefined && useOnly !== 'ALL_SUPPORTED_RESOURCE_TYPES') || g.allSupported === false) return false;
  return required(g, 'allSupported', what) && required(required(g, 'recordingStrategy', what), 'useOnly', what) === 'ALL_SUPPORTED_RESOURCE_TYPES';
}

export function recordsGlobalTypes(r: Recorder): boolean {
  const g = r.recordingGroup;
  return Boolean(g && (g.includeGlobalResourceTypes || (g.resourceTypes ?? []).some((t) => t.startsWith('AWS::IAM::'))));
}
