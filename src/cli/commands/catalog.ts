// `proofline catalog`: the controls, practices and frameworks, with coverage counts.
import type { Command } from 'commander';
import { describeCommand } from '../command-descriptions.ts';
import { loadProjectCatalog } from '../../evaluate/load-project-catalog.ts';
import { catalogSummary } from '../../catalog/catalog-summary.ts';

export function registerCatalog(program: Command): void {
  program
    .command('catalog')
    .description(describeCommand('catalog'))
    .option('--json', 'print the catalog and its coverage as JSON')
    .option('--catalog <dir>', 'catalog folder (default: the bundled controls/)')
    .action(async (opts: { json?: boolean; catalog?: string }) => {
      const { catalog } = await loadProjectCatalog(opts.catalog);
      const summary = catalogSummary(catalog);
      if (opts.json) {
        process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
        return;
      }
      const lines: string[] = [];
      lines.push(`Catalog ${catalog.digest.slice(0, 12)}: ${summary.controls.length} controls (${summary.counts.automated} automated, ${summary.counts.manual} manual), ${summary.practices.length} practices`);
      for (const fw of summary.frameworks) {
        const cov = Object.entries(fw.byCoverage).map(([k, v]) => `${v} ${k}`).join(', ');
        lines.push(`  ${fw.name}: ${fw.requirements} requirements (${cov}); ${fw.mappedRequirements} mapped to controls`);
      }
      lines.push('');
      for (const c of summary.controls) lines.push(`  ${c.id.padEnd(58)} ${c.severity.padEnd(8)} ${c.automation.padEnd(9)} ${c.practices.join(',')}`);
      for (const w of catalog.warnings) lines.push(`warning: ${w.file}: field "${w.field}": ${w.message}`);
      process.stdout.write(lines.join('\n') + '\n');
    });
}
