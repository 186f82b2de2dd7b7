// The export files, streamed: exports/asff-findings.json (a JSON array of ASFF findings, as
// `aws securityhub batch-import-findings --findings file://...` takes them, 100 per call) and
// exports/ocsf-compliance-findings.jsonl (one OCSF event per line).
import { EXPORT_FORMATS, type ExportFormat } from '../../config/operations-config.ts';
import type { IterableResults } from '../../results/run-results.ts';
import { openTextStream } from '../../util/text-stream.ts';
import { asffFindings, type AsffOptions } from './asff.ts';
import { ocsfEvents } from './ocsf.ts';

export { EXPORT_FORMATS, type ExportFormat };

export const EXPORT_FILES: Record<ExportFormat, string> = {
  asff: 'exports/asff-findings.json',
  ocsf: 'exports/ocsf-compliance-findings.jsonl',
};

export async function writeAsffFile(path: string, results: IterableResults, opts: AsffOptions = {}): Promise<number> {
  const out = openTextStream(path);
  let n = 0;
  await out.write('[');
  for (const finding of asffFindings(results, opts)) await out.write(`${n++ ? ',' : ''}\n${JSON.stringify(finding)}`);
  await out.write(n ? '\n]\n' : ']\n');
  await out.close();
  return n;
}

export async function writeOcsfFile(path: string, results: IterableResults): Promise<number> {
  const out = openTextStream(path);
  let n = 0;
  for (const event of ocsfEvents(results)) {
    await out.write(`${JSON.stringify(event)}\n`);
    n++;
  }
  await out.close();
  return n;
}
