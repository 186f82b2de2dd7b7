// `proofline verify <package|zip>`: prints every check, the signer, and whether the signer is trusted;
// exits non-zero on any failure, and when no trust anchor vouches for the signer (unless --allow-untrusted).
import type { Command } from 'commander';
import { loadConfig } from '../../config/load-config.ts';
import { withPackageFolder } from '../../package/open-package-zip.ts';
import { verifyPackage, type SignerReport, type VerifyReport } from '../../package/verify-package.ts';
import { verifyPreviousLink } from '../../package/verify-previous-link.ts';
import { hasAnchors, type TrustAnchors } from '../../sign/signer-trust.ts';
import { loadTrustAnchors } from '../../sign/trust-anchors.ts';
import { describeCommand } from '../command-descriptions.ts';
import { returnsExitCode } from '../command-outcome.ts';
import { EXIT_FAILURE, EXIT_OK, UsageError } from '../exit-codes.ts';
import { verifyHistoryCommand } from './history.ts';

interface VerifyFlags {
  pdfsig: boolean;
  history?: boolean;
  config?: string;
  previous?: string;
  trust: string[];
  ca: string[];
  allowUntrusted?: boolean;
}

const collect = (value: string, previous: string[]) => [...previous, value];

async function anchorsFrom(flags: VerifyFlags): Promise<TrustAnchors> {
  const config = flags.config ? await loadConfig(flags.config) : undefined;
  return loadTrustAnchors([...flags.trust, ...(config?.trust?.fingerprints ?? [])], [...flags.ca, ...(config?.trust?.caFiles ?? [])]);
}

function signerLines(s: SignerReport): string[] {
  const lines = [
    `signer   subject:  ${s.subject}`,
    `         issuer:   ${s.issuer}${s.selfSigned ? ' (self-signed)' : ''}`,
    `         valid:    ${s.notBefore} to ${s.notAfter}`,
    `         SHA-256:  ${s.fingerprintSha256}`,
    `         signed:   ${s.signingTime ?? '(no signing time)'} (the signer's own claim)`,
  ];
  if (s.timestamp) lines.push(`         time-stamp: ${s.timestamp.genTime} by ${s.timestamp.authority.subject} (SHA-256 ${s.timestamp.authority.fingerprintSha256}; ${s.timestamp.trusted.trusted ? 'trusted' : `authority not trusted: ${s.timestamp.trusted.detail}`})`);
  lines.push(`         validity judged at ${s.judgedAt}`);
  return lines;
}

function print(report: VerifyReport, path: string, anchored: boolean, allowUntrusted: boolean): number {
  const out = (line: string) => process.stdout.write(`${line}\n`);
  for (const c of report.checks) out(`${c.ok ? 'ok  ' : 'FAIL'}  ${c.name}${c.detail ? `: ${c.detail}` : ''}`);
  for (const n of report.notes) out(`note  ${n}`);
  if (report.signer) signerLines(report.signer).forEach(out);
  if (report.trust) out(`${report.trust.trusted ? 'ok  ' : 'FAIL'}  signer trust: ${report.trust.detail}`);
  const failed = report.checks.filter((c) => !c.ok).length;
  if (failed) {
    out(`\n${path}: verification FAILED (${failed} problem${failed === 1 ? '' : 's'})`);
    return EXIT_FAILURE;
  } else if (report.trust?.trusted) out(`\n${path}: verified (integrity and signer)`);
  else if (!anchored) {
    out(`\n${path}: integrity verified; signer NOT verified (no trust anchor: give --trust <sha256-fingerprint> or --ca <pem>, or a trust list in the config)`);
    if (!allowUntrusted) return EXIT_FAILURE;
    out('note  --allow-untrusted: accepted without a verified signer');
  } else {
    // The verifier said whom it trusts and this is not it: never waived.
    out(`\n${path}: integrity verified; signer NOT verified (${report.trust?.detail ?? 'no signer certificate'})`);
    return EXIT_FAILURE;
  }
  return EXIT_OK;
}

export function registerVerify(program: Command): void {
  program
    .command('verify')
    .description(describeCommand('verify'))
    .argument('[package]', 'package folder (proofline-<scope>-<time>) or its .zip')
    .option('--history', 'check the run history instead: keyed chain, removed or altered runs, kept packages (dataDir from --config)')
    .option('--config <file>', 'proofline.config.yaml (with --history; its trust list for a package)')
    .option('--previous <package>', "the previous run's package: check that this manifest names its manifest's SHA-256")
    .option('--trust <sha256>', "trust a signer (or time-stamping authority) certificate by its SHA-256 fingerprint (repeatable)", collect, [])
    .option('--ca <pem>', 'trust signers whose chain ends at this CA certificate, valid at signing time (repeatable; bundles allowed)', collect, [])
    .option('--allow-untrusted', 'exit 0 when integrity holds but no trust anchor was given (the signer stays unverified)')
    .option('--no-pdfsig', 'do not also run poppler pdfsig on report.pdf')
    .action(returnsExitCode(async (path: string | undefined, flags: VerifyFlags) => {
      if (flags.history) return verifyHistoryCommand(flags.config);
      if (!path) throw new UsageError({ file: 'verify', message: 'give a package folder or .zip, or --history' });
      const anchors = await anchorsFrom(flags);
      const report = await withPackageFolder(path, async (dir) => {
        const r = await verifyPackage(dir, { pdfsig: flags.pdfsig, anchors });
        r.checks.push(await (flags.previous ? withPackageFolder(flags.previous, (prev) => verifyPreviousLink(dir, prev)) : verifyPreviousLink(dir, undefined)));
        return r;
      });
      return print(report, path, hasAnchors(anchors), !!flags.allowUntrusted);
    }));
}
