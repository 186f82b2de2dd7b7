// The package's renderers and signer, looked up at run time: the benchmark measures whichever of them
// the source tree has, and says which it could not find instead of failing. Signatures are declared
// here as the benchmark calls them; a renderer whose signature changed shows as "unavailable".
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunResults } from '../../src/results/run-results.ts';

type AnyFn = (...args: any[]) => any;

async function exported(module: string, name: string): Promise<AnyFn | undefined> {
  try {
    const mod = (await import(new URL(`../../src/${module}`, import.meta.url).href)) as Record<string, unknown>;
    return typeof mod[name] === 'function' ? (mod[name] as AnyFn) : undefined;
  } catch {
    return undefined;
  }
}

export interface RenderKit {
  /**
   * Builds what the renderers need (view model, narrative, signing identity); not timed as a renderer.
   * `identityOnly` for the whole package, which builds its own view model: a second one held beside it
   * would count against the package's peak memory.
   */
  prepare(results: RunResults, workDir: string, identityOnly?: boolean): Promise<{ vm: unknown; text: unknown; identity: unknown }>;
  xlsx?: (path: string, vm: unknown, results: RunResults) => Promise<unknown>;
  pdf?: (path: string, vm: unknown, text: unknown, identity: unknown, at: Date) => Promise<unknown>;
  oscal?: (path: string, vm: unknown, results: RunResults) => Promise<unknown>;
  /** The package's own steps (render + sign), when the tree has them: what `proofline run` writes. */
  officialSteps?: (identity: unknown) => unknown[];
  missing: string[];
}

export async function loadRenderKit(): Promise<RenderKit> {
  const [buildViewModel, loadNarrative, developmentIdentity, describeSigner] = await Promise.all([
    exported('render/view-model/build-view-model.ts', 'buildViewModel'),
    exported('render/narrative.ts', 'loadNarrative'),
    exported('sign/dev-identity.ts', 'developmentIdentity'),
    exported('sign/signing-identity.ts', 'describeSigner'),
  ]);
  const xlsx = await exported('render/xlsx/render-xlsx.ts', 'renderXlsx');
  const pdf = await exported('render/pdf/render-pdf.ts', 'renderPdf');
  const oscal = (await exported('render/oscal/render-oscal.ts', 'renderOscal')) ?? (await exported('render/oscal/assessment-results.ts', 'writeAssessmentResults'));
  const missing = Object.entries({ buildViewModel, loadNarrative, developmentIdentity, describeSigner, renderXlsx: xlsx, renderPdf: pdf, oscal })
    .filter(([, f]) => !f)
    .map(([n]) => n);
  const renderReportsStep = await exported('package/render-package.ts', 'renderReportsStep');
  const signPackageStep = await exported('package/sign-package.ts', 'signPackageStep');
  const ready = buildViewModel && developmentIdentity && describeSigner;
  return {
    async prepare(results, workDir, identityOnly) {
      if (!ready) return { vm: undefined, text: undefined, identity: undefined };
      // A development identity in the benchmark's own folder: never the user's.
      const home = join(workDir, 'signing-home');
      await mkdir(home, { recursive: true });
      const identity = await developmentIdentity(home, results.run.organization ?? 'Proofline benchmark');
      if (identityOnly) return { vm: undefined, text: undefined, identity };
      const vm = buildViewModel(results, describeSigner(identity));
      const text = loadNarrative ? await loadNarrative(vm) : undefined;
      return { vm, text, identity };
    },
    xlsx: ready && xlsx ? (p, vm, r) => xlsx(p, vm, r) : undefined,
    pdf: ready && pdf && loadNarrative ? (p, vm, text, id, at) => pdf(p, vm, text, id, at) : undefined,
    oscal: ready && oscal ? (p, vm, r) => oscal(p, vm, r) : undefined,
    officialSteps: renderReportsStep && signPackageStep ? (identity) => [renderReportsStep({ identity }), signPackageStep({ identity })] : undefined,
    missing,
  };
}
