// `proofline verify <package>`: prints every check, and what failed; exits non-zero on any failure.
import type { Command } from 'commander';
import { verifyPackage } from '../../package/verify-package.ts';
import { verifyPreviousLink } from '../../package/verify-previous-link.ts';
import { EXIT_FAILURE, UsageError } from '../exit-codes.ts';
import { verifyHistoryCommand } from './history.ts';

export function registerVerify(program: Command): void {
  program
    .command('verify')
    .description('Check a package: manifest signature, every file digest, no missing or extra files, the PDF signature')
    .argument('[package]', 'package folder (proofline-<scope>-<time>)')
    .option('--history', 'check the run history instead: hash chain, removed or altered runs, kept packages (dataDir from --config)')
    .option('--config <file>', 'proofline.config.yaml (with --history)')
    .option('--previous <package>', "the previous run's package: check that this manifest names its manifest's SHA-256")
    .option('--no-pdfsig', 'do not also run poppler pdfsig on report.pdf')
    .action(async (dir: string | undefined, flags: { pdfsig: boolean; history?: boolean; config?: string; previous?: string }) => {
      if (flags.history) return verifyHistoryCommand(flags.config);
      if (!dir) throw new UsageError('verify: give a package folder, or --history');
      const report = await verifyPackage(dir, { pdfsig: flags.pdfsig });
      report.checks.push(await verifyPreviousLink(dir, flags.previous));
      for (const c of report.checks) process.stdout.write(`${c.ok ? 'ok  ' : 'FAIL'}  ${c.name}${c.detail ? `: ${c.detail}` : ''}\n`);
      if (report.manifest?.signer.selfSigned) process.stdout.write(`note  the signer certificate is self-signed (SHA-256 ${report.manifest.signer.fingerprintSha256}): compare it with the fingerprint the organization publishes\n`);
      const failed = report.checks.filter((c) => !c.ok).length;
      process.stdout.write(failed ? `\n${dir}: verification FAILED (${failed} problem${failed === 1 ? '' : 's'})\n` : `\n${dir}: verified\n`);
      if (failed) process.exitCode = EXIT_FAILURE;
    });
}
