// The only place that prints for people and decides the exit code.
import { Command, CommanderError } from 'commander';
import { CatalogError } from '../catalog/catalog-error.ts';
import { ConfigError } from '../config/load-config.ts';
import { SnapshotError } from '../collect/snapshot/read-snapshot.ts';
import { SigningKeyError } from '../sign/local-identity.ts';
import { ExceptionsError } from '../exceptions/load-exceptions.ts';
import { PeriodError } from '../history/period-window.ts';
import { ManualEvidenceError } from '../manual-evidence/load-manual-evidence.ts';
import { NessusParseError } from '../manual-evidence/nessus-summary.ts';
import { InvalidScheduleError } from '../schedule/scheduler.ts';
import { TOOL_VERSION } from '../util/version.ts';
import { InvalidIdError } from '../util/aws-ids.ts';
import { PathEscapeError } from '../util/confined-path.ts';
import { SnapshotTargetError } from '../collect/snapshot/write-snapshot.ts';
import { EvidenceStoreError } from '../run/distributed/evidence-store.ts';
import { UnsupportedSourceError } from '../run/distributed/source-spec.ts';
import { RedactionKeyError } from '../collect/redaction-key.ts';
import { registerCatalog } from './commands/catalog.ts';
import { registerHistory } from './commands/history.ts';
import { registerRecord } from './commands/record.ts';
import { registerRun } from './commands/run.ts';
import { registerSchedule } from './commands/schedule.ts';
import { registerVerify } from './commands/verify.ts';
import { registerWorker } from './commands/worker.ts';
import { EXIT_BAD_INPUT, EXIT_FAILURE, UsageError } from './exit-codes.ts';

// The SDK warns that Node 20 support ends in 2027; the machines run Node 20 and the pinned SDK supports it.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const program = new Command();
program
  .name('proofline')
  .description('Signed, auditor-ready evidence packages for GDPR, HIPAA and SOC 2 from AWS accounts running AI workloads')
  .version(TOOL_VERSION)
  .exitOverride()
  .showHelpAfterError();

registerRun(program);
registerRecord(program);
registerCatalog(program);
registerVerify(program);
registerSchedule(program);
registerHistory(program);
registerWorker(program);

const BAD_INPUT = [UsageError, CatalogError, ConfigError, SnapshotError, SigningKeyError, ExceptionsError, ManualEvidenceError, NessusParseError, InvalidScheduleError, PeriodError, InvalidIdError, PathEscapeError, SnapshotTargetError, EvidenceStoreError, UnsupportedSourceError, RedactionKeyError];

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    process.exit(err.exitCode === 0 ? 0 : EXIT_BAD_INPUT);
  }
  const badInput = BAD_INPUT.some((E) => err instanceof E);
  process.stderr.write(`proofline: ${badInput ? '' : 'error: '}${(err as Error)?.message ?? String(err)}\n`);
  process.exit(badInput ? EXIT_BAD_INPUT : EXIT_FAILURE);
}
