import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { NessusParseError, summarizeNessus } from '../../src/manual-evidence/nessus-summary.ts';

describe('Nessus export summary', () => {
  it('summarises hosts, findings by severity and scan dates', async () => {
    const xml = await readFile('samples/manual-evidence/vulnerability-scan-2026-q3.nessus', 'utf8');
    expect(summarizeNessus(xml, 'scan.nessus')).toEqual({
      format: 'nessus-v2',
      reportName: 'ML platform Q3 2026',
      policyName: 'Advanced Scan - ML platform',
      hostsScanned: 3,
      hosts: ['10.20.1.10', '10.20.1.11', '10.20.2.15'],
      findingsBySeverity: { info: 3, low: 1, medium: 2, high: 1, critical: 1 },
      scanStartedAt: '2026-08-14T02:03:11.000Z',
      scanFinishedAt: '2026-08-14T02:40:10.000Z',
    });
  });

  it('handles a single host with a single item (no arrays in the XML)', () => {
    const xml = '<NessusClientData_v2><Report name="r"><ReportHost name="h"><HostProperties><tag name="HOST_START">Mon Nov 16 10:00:00 2026</tag></HostProperties><ReportItem severity="3" pluginID="1"/></ReportHost></Report></NessusClientData_v2>';
    expect(summarizeNessus(xml, 'one.nessus')).toMatchObject({ hostsScanned: 1, findingsBySeverity: { high: 1, critical: 0 }, scanStartedAt: '2026-11-16T10:00:00.000Z' });
  });

  it('an empty report scanned no hosts', () => {
    expect(summarizeNessus('<NessusClientData_v2><Report name="empty"></Report></NessusClientData_v2>', 'e.nessus').hostsScanned).toBe(0);
  });

  it('rejects what is not a Nessus export, naming the file', () => {
    expect(() => summarizeNessus('<html><body/></html>', 'x.nessus')).toThrow(/x\.nessus: not a Nessus export/);
    expect(() => summarizeNessus('<NessusClientData_v2><Report><ReportHost name="h"><ReportItem severity="9"/></ReportHost></Report></NessusClientData_v2>', 'y.nessus')).toThrow(NessusParseError);
    expect(() => summarizeNessus('<NessusClientData_v2><Report>', 'z.nessus')).toThrow(/z\.nessus/);
  });
});
