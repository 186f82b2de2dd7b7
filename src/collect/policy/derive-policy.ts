// Derives the read-only IAM policy from the code: every `XCommand` and `paginateX` the collectors
// import from an @aws-sdk/client-* package (parsed with the TypeScript compiler, not guessed), plus
// the calls the live source makes to prepare the scope. `npm run policy` writes the result.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { iamAction } from './iam-action-names.ts';

const SERVICES_DIR = fileURLToPath(new URL('../services/', import.meta.url));
export const POLICY_FILE = fileURLToPath(new URL('../../../policies/proofline-readonly.json', import.meta.url));

/** Calls made while preparing a live run (identity, enabled regions, Organization accounts). */
const SCOPE_CALLS: readonly SdkCall[] = [
  { service: 'sts', operation: 'GetCallerIdentity', file: 'src/collect/live/live-source.ts' },
  { service: 'ec2', operation: 'DescribeRegions', file: 'src/collect/live/enabled-regions.ts' },
  { service: 'organizations', operation: 'ListAccounts', file: 'src/collect/live/organization-accounts.ts' },
];

export interface SdkCall {
  service: string;
  operation: string;
  file: string;
}

/** SDK operations imported by one source file (value imports only: a type import calls nothing). */
export function callsInSource(text: string, file: string): SdkCall[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const calls: SdkCall[] = [];
  for (const stmt of source.statements) {
    if (!ts.isImportDeclaration(stmt) || !ts.isStringLiteral(stmt.moduleSpecifier)) continue;
    const pkg = /^@aws-sdk\/client-(.+)$/.exec(stmt.moduleSpecifier.text);
    const bindings = stmt.importClause?.namedBindings;
    if (!pkg || stmt.importClause?.isTypeOnly || !bindings || !ts.isNamedImports(bindings)) continue;
    for (const el of bindings.elements) {
      if (el.isTypeOnly) continue;
      const name = (el.propertyName ?? el.name).text;
      const operation = /^paginate([A-Z]\w+)$/.exec(name)?.[1] ?? /^([A-Z]\w+)Command$/.exec(name)?.[1];
      if (operation) calls.push({ service: pkg[1], operation, file });
    }
  }
  return calls;
}

export async function collectorCalls(dir = SERVICES_DIR): Promise<SdkCall[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')).sort();
  const calls: SdkCall[] = [];
  for (const f of files) calls.push(...callsInSource(await readFile(join(dir, f), 'utf8'), `src/collect/services/${f}`));
  return calls;
}

export async function allCalls(): Promise<SdkCall[]> {
  return [...(await collectorCalls()), ...SCOPE_CALLS];
}

export interface IamPolicy {
  Version: '2012-10-17';
  Statement: { Sid: string; Effect: 'Allow'; Action: string[]; Resource: '*' }[];
}

export function policyFor(calls: readonly SdkCall[]): IamPolicy {
  const actions = [...new Set(calls.map((c) => iamAction(c.service, c.operation)))].sort();
  return { Version: '2012-10-17', Statement: [{ Sid: 'ProoflineReadOnlyEvidence', Effect: 'Allow', Action: actions, Resource: '*' }] };
}

export function policyJson(policy: IamPolicy): string {
  return JSON.stringify(policy, null, 2) + '\n';
}
