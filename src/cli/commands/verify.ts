// `proofline verify <package>`: prints every check, and what failed; exits non-zero on any failure.
import type { Command } from 'commander';
import { verifyPackage } from '../../store/verify-package.ts';
import { EXIT_FAILURE } from '../exit-codes.ts';

export function registerVerify(program: Command): void {
  program
    .command('verify')
    .description('Check a package: manifest signature, every file digest, no missing or extra files, the PDF signature')
    .argument('<package>', 'package folder (proofline-<scope>-<time>)')
    .option('--no-pdfsig', 'do not also run poppler pdfsig on report.pdf')
    .action(async (dir: string, flags: { pdfsig: boolean }) => {
      const report = await verifyPackage(dir, { pdfsig: flags.pdfsig });
      for (const c of report.checks) process.stdout.write(`${c.ok ? 'ok  ' : 'FAIL'}  ${c.name}${c.detail ? `: ${c.detail}` : ''}\n`);
      if (report.manifest?.signer.selfSigned) process.stdout.write(`note  the signer certificate is self-signed (SHA-256 ${report.manifest.signer.fingerprintSha256}): compare it with the fingerprint the organization publishes\n`);
      const failed = report.checks.filter((c) => !c.ok).length;
      process.stdout.write(failed ? `\n${dir}: verification FAILED (${failed} problem${failed === 1 ? '' : 's'})\n` : `\n${dir}: verified\n`);
      if (failed) process.exitCode = EXIT_FAILURE;
    });
}
