// Every value that goes into a spreadsheet cell passes here, so evidence renders anywhere: AWS error
// messages, resource names and tags are text from outside and may hold anything.
// - Characters XML 1.0 forbids (C0 controls other than tab, newline and carriage return, U+FFFE,
//   U+FFFF, lone surrogates) would make the whole .xlsx unreadable: each becomes U+FFFD.
// - Excel holds at most 32,767 characters in a cell: longer text is cut, with a marker saying so.
// - Text starting with = + - @ (or tab / carriage return) is a formula to Excel and to any CSV export
//   of the sheet: it is stored with a leading apostrophe, so it stays text.

export const EXCEL_CELL_LIMIT = 32_767;
const FORMULA_START = /^[=+\-@\t\r]/;
// XML 1.0 Char, negated; lone surrogates are matched in pairs-aware form below.
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export type CellValue = string | number | Date | null | undefined;

function cutMarker(dropped: number): string {
  return ` [... cut: ${dropped} more characters; the full text is in results.json]`;
}

/** The text as it may be stored in a cell. */
export function safeCellText(text: string): string {
  let s = text.replace(XML_ILLEGAL, '\uFFFD');
  if (FORMULA_START.test(s)) s = `'${s}`;
  if (s.length > EXCEL_CELL_LIMIT) {
    let keep = EXCEL_CELL_LIMIT - cutMarker(s.length).length;
    keep = EXCEL_CELL_LIMIT - cutMarker(s.length - keep).length; // the count's digits can shrink the marker
    // Never split a surrogate pair (that would leave a lone surrogate).
    if (/[\uD800-\uDBFF]/.test(s[keep - 1])) keep--;
    s = s.slice(0, keep) + cutMarker(s.length - keep);
  }
  return s;
}

/** A cell value: text made safe, numbers and dates as they are (a non-finite number becomes empty). */
export function safeCellValue(value: CellValue): string | number | Date | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return safeCellText(value);
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  return value;
}
