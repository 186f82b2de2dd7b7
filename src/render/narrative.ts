// Narrative text of the report from the handlebars templates in templates/report/, so a compliance
// team can reword it without touching code. Templates see the view-model only. Output is plain text
// (paragraphs separated by blank lines), hence no HTML escaping.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import type { ExceptionView, FrameworkView, ViewModel } from './view-model/view-model.ts';

export const DEFAULT_TEMPLATES_DIR = fileURLToPath(new URL('../../templates/report/', import.meta.url));

const TEMPLATE_NAMES = ['scope', 'methodology', 'executive-summary', 'framework-intro', 'exception'] as const;
type TemplateName = (typeof TEMPLATE_NAMES)[number];

export interface Narrative {
  scope: string;
  methodology: string;
  executiveSummary: string;
  frameworkIntro(framework: FrameworkView): string;
  exception(exception: ExceptionView): string;
}

function helpers(hb: typeof Handlebars): void {
  hb.registerHelper('join', (items: unknown[]) => (Array.isArray(items) ? items.join(', ') : ''));
  hb.registerHelper('plural', (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`);
  hb.registerHelper('utc', (iso: string) => (/^\d{4}-\d{2}-\d{2}$/.test(iso ?? '') ? iso : iso ? new Date(iso).toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, ' UTC') : ''));
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
}

export async function loadNarrative(vm: ViewModel, dir = DEFAULT_TEMPLATES_DIR): Promise<Narrative> {
  const hb = Handlebars.create();
  helpers(hb);
  const compiled = {} as Record<TemplateName, Handlebars.TemplateDelegate>;
  for (const name of TEMPLATE_NAMES) {
    const file = join(dir, `${name}.hbs`);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      throw new Error(`${file}: cannot read report template (${(err as Error).message})`, { cause: err });
    }
    compiled[name] = hb.compile(text, { noEscape: true });
  }
  const total = {
    findings: Object.values(vm.summary.findings).reduce((a, b) => a + b, 0),
    controls: Object.values(vm.summary.controls).reduce((a, b) => a + b, 0),
  };
  // Only what templates may use: no findings list, no raw evidence.
  const base = { run: vm.run, scope: vm.scope, signer: vm.signer, summary: vm.summary, topGaps: vm.topGaps, total };
  const render = (name: TemplateName, extra: object = {}) => {
    try {
      return compiled[name]({ ...base, ...extra }).trim();
    } catch (err) {
      throw new Error(`${join(dir, `${name}.hbs`)}: ${(err as Error).message}`, { cause: err });
    }
  };
  return {
    scope: render('scope'),
    methodology: render('methodology'),
    executiveSummary: render('executive-summary'),
    frameworkIntro: (framework) => render('framework-intro', { framework }),
    exception: (exception) => render('exception', { exception }),
  };
}
