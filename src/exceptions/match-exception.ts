// Does an exception cover a finding? Same control, resource id or ARN matching the pattern, and the
// optional account/region. Expiry is judged separately (an expired match is flagged, not applied).
import type { Finding } from '../evaluate/finding.ts';
import type { RiskException } from './exceptions-schema.ts';

export function resourcePattern(glob: string): RegExp {
  return new RegExp(`^${glob.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
}

export function exceptionMatches(e: RiskException, f: Finding, pattern = resourcePattern(e.resource)): boolean {
  if (e.controlId !== f.controlId) return false;
  if (e.account && e.account !== f.account) return false;
  if (e.region && e.region !== f.region) return false;
  return pattern.test(f.resource.id) || (f.resource.arn !== undefined && pattern.test(f.resource.arn));
}

/** An exception applies through its expiry day (UTC). */
export function isExceptionExpired(e: RiskException, now: Date): boolean {
  return now.getTime() >= Date.parse(`${e.expiresOn}T00:00:00Z`) + 86_400_000;
}
