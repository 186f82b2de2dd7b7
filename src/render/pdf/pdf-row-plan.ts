// What the measuring pass learned about each row, for the final pass to draw without measuring again.

/** RowPlan.takeLines' answer for a cell whose every line fits its width. */
export const FITS = 'fits';

/**
 * Row heights shared by the two rendering passes (render-pdf.ts): the measuring pass records the height
 * of every table row and label/value row in order, and draws no rows (only page breaks and header rows
 * matter for pagination); the final pass reuses the heights instead of measuring again. Without a
 * plan, rows are measured and drawn.
 */
export class RowPlan {
  private next = 0;
  private nextLine = 0;
  constructor(
    readonly measuring: boolean,
    readonly heights: number[] = [],
    /** For each cell in order: -2 if its lines fit, else its number of lines (-1: not recorded) then each line's end offset. */
    readonly lines: number[] = [],
  ) {}

  static forFinalPass(measured: RowPlan): RowPlan {
    return new RowPlan(false, measured.heights, measured.lines);
  }

  recordFit(): void {
    this.lines.push(-2);
  }

  recordLines(ends: number[] | undefined): void {
    if (!ends) this.lines.push(-1);
    else this.lines.push(ends.length, ...ends);
  }

  /** What the measuring pass recorded for the next cell: it fits, or its line ends, or nothing. */
  takeLines(): number[] | typeof FITS | undefined {
    if (this.nextLine >= this.lines.length) return undefined;
    const n = this.lines[this.nextLine++];
    if (n === -2) return FITS;
    if (n < 0) return undefined;
    const ends = this.lines.slice(this.nextLine, this.nextLine + n);
    this.nextLine += n;
    return ends;
  }

  /** The recorded height of the next row (final pass). */
  take(): number | undefined {
    return this.heights[this.next++];
  }
}

const plans = new WeakMap<object, RowPlan>();

export function useRowPlan(doc: object, plan: RowPlan): void {
  plans.set(doc, plan);
}

/** The plan of the pass drawing `doc` (render-pdf.ts); undefined for a one-pass document (measure and draw). */
export function rowPlan(doc: object): RowPlan | undefined {
  return plans.get(doc);
}
