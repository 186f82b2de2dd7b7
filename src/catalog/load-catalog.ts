// Loads controls/: parse each YAML file -> validate its shape -> cross-check references. Every problem
// is collected with its file and field; the caller decides how to report them.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { sha256Hex } from '../util/sha256.ts';
import { CatalogError, type CatalogProblem } from './catalog-error.ts';
import { controlSchema, frameworkSchema, practicesFileSchema, FRAMEWORK_IDS, type Control, type Framework, type FrameworkId, type Practice } from './catalog-schema.ts';

export interface Catalog {
  dir: string;
  practices: Practice[];
  frameworks: Record<FrameworkId, Framework>;
  controls: Control[];
  /** Control file (relative to the catalog dir) by control id. */
  controlFiles: Map<string, string>;
  /** SHA-256 over every catalog file's path and bytes, in path order. */
  digest: string;
  /** Gaps that do not stop a run but that the catalog's integrity tests reject (e.g. automated coverage with no control). */
  warnings: CatalogProblem[];
}

export interface LoadCatalogOptions {
  /**
   * The evidence keys each evaluator (rule) reads, by control id. When given, every automated control
   * must have an evaluator and vice versa, and each control's `evidence` is its rule's.
   */
  ruleEvidence?: ReadonlyMap<string, readonly string[]>;
  /** Evidence keys some collector produces; when given, every key a rule reads must be producible. */
  producibleKeys?: Iterable<string>;
}

async function yamlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

function issuesToProblems(file: string, error: z.ZodError): CatalogProblem[] {
  return error.issues.map((i) => ({ file, field: i.path.join('.') || '(root)', message: i.message }));
}

export async function loadCatalog(dir: string, options: LoadCatalogOptions = {}): Promise<Catalog> {
  const problems: CatalogProblem[] = [];
  const files = await yamlFiles(dir);
  const digestParts: string[] = [];
  const parsed = new Map<string, unknown>();
  for (const path of files) {
    const rel = relative(dir, path);
    const text = await readFile(path, 'utf8');
    digestParts.push(`${rel}\n${sha256Hex(text)}`);
    try {
      parsed.set(rel, parseYaml(text));
    } catch (err) {
      problems.push({ file: rel, field: '(root)', message: `not valid YAML: ${(err as Error).message.split('\n')[0]}` });
    }
  }

  let practices: Practice[] = [];
  const frameworks: Partial<Record<FrameworkId, Framework>> = {};
  const controls: Control[] = [];
  const controlFiles = new Map<string, string>();

  for (const [rel, data] of parsed) {
    if (rel === 'practices.yaml') {
      const r = practicesFileSchema.safeParse(data);
      if (r.success) practices = r.data.practices;
      else problems.push(...issuesToProblems(rel, r.error));
    } else if (rel.startsWith('frameworks/')) {
      const r = frameworkSchema.safeParse(data);
      if (!r.success) problems.push(...issuesToProblems(rel, r.error));
      else if (frameworks[r.data.id]) problems.push({ file: rel, field: 'id', message: `framework "${r.data.id}" is defined twice` });
      else frameworks[r.data.id] = r.data;
    } else {
      const r = controlSchema.safeParse(data);
      if (!r.success) {
        problems.push(...issuesToProblems(rel, r.error));
        continue;
      }
      const expectedName = `${r.data.id}.yaml`;
      if (!rel.endsWith(`/${expectedName}`) && rel !== expectedName) {
        problems.push({ file: rel, field: 'id', message: `control id "${r.data.id}" must match its file name (${expectedName})` });
      }
      if (controlFiles.has(r.data.id)) {
        problems.push({ file: rel, field: 'id', message: `control "${r.data.id}" is also defined in ${controlFiles.get(r.data.id)}` });
        continue;
      }
      controlFiles.set(r.data.id, rel);
      controls.push(r.data);
    }
  }

  if (!parsed.has('practices.yaml') && !problems.some((p) => p.file === 'practices.yaml')) {
    problems.push({ file: 'practices.yaml', field: '(root)', message: 'missing: the catalog needs its list of practices' });
  }
  for (const id of FRAMEWORK_IDS) {
    if (!frameworks[id]) problems.push({ file: `frameworks/${id}.yaml`, field: 'id', message: `framework "${id}" is missing` });
  }

  for (const control of controls) control.evidence = [...(options.ruleEvidence?.get(control.id) ?? [])];
  problems.push(...crossCheck({ practices, frameworks, controls, controlFiles }, options));
  const warnings = completenessGaps({ practices, frameworks, controls });
  if (problems.length) throw new CatalogError(problems);

  controls.sort((a, b) => a.id.localeCompare(b.id));
  return {
    dir,
    practices,
    frameworks: frameworks as Record<FrameworkId, Framework>,
    controls,
    controlFiles,
    digest: sha256Hex(digestParts.join('\n')),
    warnings,
  };
}

function crossCheck(
  c: { practices: Practice[]; frameworks: Partial<Record<FrameworkId, Framework>>; controls: Control[]; controlFiles: Map<string, string> },
  options: LoadCatalogOptions,
): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  const practiceIds = new Set<string>();
  for (const [i, p] of c.practices.entries()) {
    if (practiceIds.has(p.id)) problems.push({ file: 'practices.yaml', field: `practices.${i}.id`, message: `practice "${p.id}" is listed twice` });
    practiceIds.add(p.id);
  }
  const requirementIds = new Map<FrameworkId, Set<string>>();
  for (const fw of Object.values(c.frameworks)) {
    const ids = new Set<string>();
    for (const [i, r] of fw.requirements.entries()) {
      if (ids.has(r.id)) problems.push({ file: `frameworks/${fw.id}.yaml`, field: `requirements.${i}.id`, message: `requirement "${r.id}" is listed twice` });
      ids.add(r.id);
    }
    requirementIds.set(fw.id, ids);
  }
  for (const control of c.controls) {
    const file = c.controlFiles.get(control.id) ?? `${control.id}.yaml`;
    for (const [i, p] of control.practices.entries()) {
      if (!practiceIds.has(p)) problems.push({ file, field: `practices.${i}`, message: `unknown practice "${p}"` });
    }
    const seen = new Set<string>();
    for (const [i, m] of control.mappings.entries()) {
      const ids = requirementIds.get(m.framework);
      if (ids && !ids.has(m.requirement)) problems.push({ file, field: `mappings.${i}.requirement`, message: `"${m.requirement}" is not a requirement of ${m.framework}` });
      const k = `${m.framework}:${m.requirement}`;
      if (seen.has(k)) problems.push({ file, field: `mappings.${i}`, message: `${k} is mapped twice` });
      seen.add(k);
    }
  }
  if (options.ruleEvidence) {
    const rules = new Set(options.ruleEvidence.keys());
    const automated = new Set(c.controls.filter((x) => x.automation === 'automated').map((x) => x.id));
    for (const id of automated) {
      if (!rules.has(id)) problems.push({ file: c.controlFiles.get(id) ?? id, field: 'automation', message: `automated control "${id}" has no evaluator (src/evaluate/rules/${id}.ts)` });
    }
    for (const id of rules) {
      if (!automated.has(id)) problems.push({ file: `src/evaluate/rules/${id}.ts`, field: 'controlId', message: `evaluator "${id}" has no automated control in the catalog` });
    }
  }
  for (const control of c.controls) {
    const file = `src/evaluate/rules/${control.id}.ts`;
    if (options.ruleEvidence?.has(control.id) && control.evidence.length === 0) problems.push({ file, field: 'evidence', message: 'a rule must declare the evidence keys it reads' });
    if (!options.producibleKeys) continue;
    const keys = new Set(options.producibleKeys);
    for (const [i, k] of control.evidence.entries()) {
      if (!keys.has(k)) problems.push({ file, field: `evidence.${i}`, message: `no collector produces "${k}"` });
    }
  }
  return problems;
}

/** Traceability gaps: a practice no control implements, an automated or hybrid requirement whose automated part no automated control decides (as primary). */
function completenessGaps(c: { practices: Practice[]; frameworks: Partial<Record<FrameworkId, Framework>>; controls: Control[] }): CatalogProblem[] {
  const gaps: CatalogProblem[] = [];
  for (const [i, p] of c.practices.entries()) {
    if (!c.controls.some((x) => x.practices.includes(p.id))) gaps.push({ file: 'practices.yaml', field: `practices.${i}`, message: `practice "${p.id}" is implemented by no control` });
  }
  const automated = c.controls.filter((x) => x.automation === 'automated');
  for (const fw of Object.values(c.frameworks)) {
    for (const [i, r] of fw.requirements.entries()) {
      if ((r.coverage === 'automated' || r.coverage === 'hybrid') && !automated.some((x) => x.mappings.some((m) => m.framework === fw.id && m.requirement === r.id && m.strength === 'primary'))) {
        gaps.push({ file: `frameworks/${fw.id}.yaml`, field: `requirements.${i}.coverage`, message: `"${r.id}" is marked ${r.coverage} but no automated control maps to it as primary` });
      }
    }
  }
  return gaps;
}
