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

const SDK_PACKAGE = /^@aws-sdk\/client-(.+)$/;

/** The operation an SDK export calls (`XCommand`, `paginateX`), if it is one. */
function operationOf(name: string): string | undefined {
  return /^paginate([A-Z]\w+)$/.exec(name)?.[1] ?? /^([A-Z]\w+)Command$/.exec(name)?.[1];
}

/** The names a dynamic `import('@aws-sdk/client-x')` is read through: destructured, or a namespace's property reads. */
function dynamicImportNames(call: ts.CallExpression, source: ts.SourceFile, file: string): string[] {
  let node: ts.Node = call.parent;
  while (ts.isAwaitExpression(node) || ts.isParenthesizedExpression(node)) node = node.parent;
  if (ts.isPropertyAccessExpression(node)) return [node.name.text];
  if (ts.isVariableDeclaration(node) && ts.isObjectBindingPattern(node.name)) return node.name.elements.map((el) => ((el.propertyName ?? el.name) as ts.Identifier).text);
  if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name)) {
    const namespace = node.name.text;
    const names: string[] = [];
    const reads = (n: ts.Node): void => {
      if (ts.isPropertyAccessExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === namespace) names.push(n.name.text);
      ts.forEachChild(n, reads);
    };
    reads(source);
    return names;
  }
  // Anything else could call operations this derivation cannot see: refuse rather than under-grant.
  const { line } = source.getLineAndCharacterOfPosition(call.getStart(source));
  throw new Error(`${file}:${line + 1}: an SDK package imported dynamically must be destructured (const { XCommand } = await import(...)) or read as a namespace`);
}

/**
 * SDK operations one source file calls: the commands and paginators it imports from an @aws-sdk/client-*
 * package, statically (value imports only: a type import calls nothing) or with `await import(...)`.
 */
export function callsInSource(text: string, file: string): SdkCall[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const calls: SdkCall[] = [];
  const add = (service: string, names: readonly string[]) => {
    for (const name of names) {
      const operation = operationOf(name);
      if (operation) calls.push({ service, operation, file });
    }
  };
  for (const stmt of source.statements) {
    if (!ts.isImportDeclaration(stmt) || !ts.isStringLiteral(stmt.moduleSpecifier)) continue;
    const pkg = SDK_PACKAGE.exec(stmt.moduleSpecifier.text);
    const bindings = stmt.importClause?.namedBindings;
    if (!pkg || stmt.importClause?.isTypeOnly || !bindings || !ts.isNamedImports(bindings)) continue;
    add(pkg[1], bindings.elements.filter((el) => !el.isTypeOnly).map((el) => (el.propertyName ?? el.name).text));
  }
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [specifier] = node.arguments;
      const pkg = specifier && ts.isStringLiteral(specifier) ? SDK_PACKAGE.exec(specifier.text) : null;
      if (pkg) add(pkg[1], dynamicImportNames(node, source, file));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
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
