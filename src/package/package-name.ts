// proofline-<scope>-<UTC timestamp>: sortable, unique per run, safe as a folder name everywhere.
import type { Scope } from '../collect/target.ts';

export function packageScopeLabel(scope: Scope): string {
  return scope.accounts.length === 1 ? scope.accounts[0] : `${scope.accounts.length}-accounts`;
}

export function utcStamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

export function packageName(scope: Scope, startedAt: Date): string {
  return `proofline-${packageScopeLabel(scope)}-${utcStamp(startedAt)}`;
}
