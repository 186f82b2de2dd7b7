// AWS Config recorders of one region, with their status, as rules need them.
import type { Target } from '../../collect/target.ts';
import { listAt } from '../rule-helpers.ts';
import type { RuleContext } from '../rule.ts';

export interface Recorder {
  name: string;
  recordingGroup?: {
    allSupported?: boolean;
    includeGlobalResourceTypes?: boolean;
    resourceTypes?: string[];
    exclusionByResourceTypes?: { resourceTypes?: string[] };
    recordingStrategy?: { useOnly?: string };
  };
}

export function recordersAt(ctx: RuleContext, where: Target) {
  return listAt<Recorder>(ctx, 'config-service.DescribeConfigurationRecorders', where, (r) => r.ConfigurationRecorders);
}

export function recordsAllSupported(r: Recorder): boolean {
  const g = r.recordingGroup;
  if (!g) return false;
  if (g.recordingStrategy?.useOnly) return g.recordingStrategy.useOnly === 'ALL_SUPPORTED_RESOURCE_TYPES' && g.allSupported !== false;
  return g.allSupported === true;
}

export function recordsGlobalTypes(r: Recorder): boolean {
  const g = r.recordingGroup;
  return Boolean(g && (g.includeGlobalResourceTypes || (g.resourceTypes ?? []).some((t) => t.startsWith('AWS::IAM::'))));
}
