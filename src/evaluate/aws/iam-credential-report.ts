// The IAM credential report: GetCredentialReport's Content is a CSV (stored base64, as evidence keeps
// byte arrays), one row per IAM user plus <root_account>. Parsed here, with fields read by column name
// so that a column the report lacks fails closed (AbsentField) instead of shifting every other one.
// The parser is RFC 4180 (quoted fields, doubled quotes): IAM user names may contain commas. It is
// written here because rules are synchronous and pure, and the CSV reader installed (fast-csv) is stream-based.
import { AbsentField } from '../absent-field.ts';

export const ROOT_ROW = '<root_account>';

export interface ReportRow {
  /** The value of `column`; AbsentField when the report has no such column. */
  get(column: string): string;
}

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') field += text[++i];
      else quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === ',') endField();
    else if (c === '\n') endRow();
    else if (c !== '\r') field += c;
  }
  if (field !== '' || row.length) endRow();
  return rows.filter((r) => r.length > 1 || r[0] !== '');
}

/** The report's rows (header excluded), each reading its fields by column name. */
export function credentialReportRows(contentBase64: string): ReportRow[] {
  const [header, ...rows] = parseCsv(Buffer.from(contentBase64, 'base64').toString('utf8'));
  if (!header) throw new AbsentField('user', 'The credential report (empty)');
  const index = new Map(header.map((name, i) => [name, i]));
  return rows.map((cells) => ({
    get(column: string): string {
      const i = index.get(column);
      const value = i === undefined ? undefined : cells[i];
      if (value === undefined) throw new AbsentField(column, `The credential report row of ${cells[0] ?? 'a user'}`);
      return value;
    },
  }));
}

/** A report timestamp, or undefined for IAM's markers "N/A", "no_information" and "not_supported". */
export function reportDate(value: string, column: string, user: string): Date | undefined {
  if (value === 'N/A' || value === 'no_information' || value === 'not_supported') return undefined;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw new AbsentField(column, `The credential report row of ${user} (unreadable date "${value}")`);
  return d;
}
