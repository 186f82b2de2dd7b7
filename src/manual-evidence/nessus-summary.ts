// Summarises a Nessus export (.nessus, NessusClientData_v2 XML): hosts scanned, findings by severity,
// scan dates. Severity is Nessus's 0-4 scale (0 = informational).
import { XMLParser } from 'fast-xml-parser';
import { InputError, type InputProblem } from '../util/input-error.ts';

export const NESSUS_SEVERITIES = ['info', 'low', 'medium', 'high', 'critical'] as const;
export type NessusSeverity = (typeof NESSUS_SEVERITIES)[number];

export interface NessusSummary {
  format: 'nessus-v2';
  reportName?: string;
  policyName?: string;
  hostsScanned: number;
  /** The scanned hosts' names as the export gives them. */
  hosts: string[];
  findingsBySeverity: Record<NessusSeverity, number>;
  /** Earliest HOST_START and latest HOST_END, ISO 8601. */
  scanStartedAt?: string;
  scanFinishedAt?: string;
}

export class NessusParseError extends InputError {
  constructor(problems: InputProblem | readonly InputProblem[]) {
    super(problems);
    this.name = 'NessusParseError';
  }
}

const ALWAYS_ARRAYS = new Set(['NessusClientData_v2.Report.ReportHost', 'NessusClientData_v2.Report.ReportHost.ReportItem', 'NessusClientData_v2.Report.ReportHost.HostProperties.tag', 'NessusClientData_v2.Policy.Preferences.ServerPreferences.preference']);

interface Tag {
  '@_name'?: string;
  '#text'?: string | number;
}

function toIso(nessusDate: string | undefined): string | undefined {
  if (!nessusDate) return undefined;
  // Nessus writes e.g. "Tue Nov 17 01:02:03 2026" (local to the scanner, taken as UTC) or an epoch in *_timestamp tags.
  const t = /^\d+$/.test(nessusDate) ? Number(nessusDate) * 1000 : Date.parse(`${nessusDate} UTC`);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

export function summarizeNessus(xml: string, file: string): NessusSummary {
  let doc: Record<string, any>;
  try {
    doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', jPath: true, isArray: (_n, path) => ALWAYS_ARRAYS.has(String(path)) }).parse(xml, true);
  } catch (err) {
    throw new NessusParseError({ file: file, message: `not valid XML (${(err as Error).message.split('\n')[0]})` });
  }
  const root = doc.NessusClientData_v2;
  if (!root) throw new NessusParseError({ file: file, message: 'not a Nessus export (no NessusClientData_v2 root element)' });
  const report = root.Report;
  if (!report) throw new NessusParseError({ file: file, message: 'the Nessus export has no Report element' });
  const hosts: any[] = report.ReportHost ?? [];
  const findingsBySeverity = Object.fromEntries(NESSUS_SEVERITIES.map((s) => [s, 0])) as Record<NessusSeverity, number>;
  const starts: string[] = [];
  const ends: string[] = [];
  for (const host of hosts) {
    for (const item of host.ReportItem ?? []) {
      const sev = Number(item['@_severity']);
      if (!Number.isInteger(sev) || sev < 0 || sev > 4) throw new NessusParseError({ file: file, message: `host "${host['@_name']}" has a ReportItem with severity "${item['@_severity']}" (expected 0-4)` });
      findingsBySeverity[NESSUS_SEVERITIES[sev]]++;
    }
    const tags: Tag[] = host.HostProperties?.tag ?? [];
    const tag = (name: string) => tags.find((t) => t['@_name'] === name)?.['#text'];
    const start = toIso(String(tag('HOST_START_TIMESTAMP') ?? tag('HOST_START') ?? '') || undefined);
    const end = toIso(String(tag('HOST_END_TIMESTAMP') ?? tag('HOST_END') ?? '') || undefined);
    if (start) starts.push(start);
    if (end) ends.push(end);
  }
  const policyName = root.Policy?.policyName;
  const summary: NessusSummary = { format: 'nessus-v2', hostsScanned: hosts.length, hosts: hosts.map((h) => String(h['@_name'] ?? '(unnamed)')), findingsBySeverity };
  if (report['@_name']) summary.reportName = String(report['@_name']);
  if (policyName) summary.policyName = String(policyName);
  if (starts.length) summary.scanStartedAt = starts.sort()[0];
  if (ends.length) summary.scanFinishedAt = ends.sort().at(-1);
  return summary;
}

/** Open findings at these severities make a scan satisfy nothing (a parameter in force of every run). */
export const SCAN_DISQUALIFYING_SEVERITIES: readonly NessusSeverity[] = ['critical', 'high'];

/** Why the scan can satisfy nothing, or undefined when it has no open finding at a disqualifying severity. */
export function scanDisqualification(scan: NessusSummary): string | undefined {
  const open = SCAN_DISQUALIFYING_SEVERITIES.filter((s) => scan.findingsBySeverity[s] > 0).map((s) => `${scan.findingsBySeverity[s]} ${s}`);
  return open.length ? `the scan has open findings (${open.join(', ')}); a scan with open ${SCAN_DISQUALIFYING_SEVERITIES.join(' or ')} findings satisfies nothing` : undefined;
}

/** The scan as the report prints it: severity counts, hosts and scan dates. */
export function describeScan(scan: NessusSummary): string {
  const counts = [...NESSUS_SEVERITIES].reverse().map((s) => `${scan.findingsBySeverity[s]} ${s}`).join(', ');
  const when = scan.scanStartedAt ? `scanned ${scan.scanStartedAt}${scan.scanFinishedAt ? ` to ${scan.scanFinishedAt}` : ''}` : 'scan date not stated in the export';
  return `Nessus scan${scan.reportName ? ` "${scan.reportName}"` : ''}: ${counts} finding(s); ${scan.hostsScanned} host(s): ${scan.hosts.join(', ') || '(none)'}; ${when}`;
}
