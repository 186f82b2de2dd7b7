// Typography and page geometry of report.pdf: one place, so every section looks the same.
import { STYLE } from './pdf-fonts.ts';

export const PAGE = { size: 'A4' as const, width: 595.28, height: 841.89 };
/** Paper the reports can be printed on (config `report.pageSize`). Content keeps A4's width on each. */
export const PAGE_SIZES = { A4: { width: 595.28, height: 841.89 }, Letter: { width: 612, height: 792 } } as const;
export type PageSize = keyof typeof PAGE_SIZES;
export const MARGIN = { top: 64, bottom: 60, left: 50, right: 50 };
export const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

/** Embedded fonts with a fallback chain per style for other scripts (pdf-fonts.ts). */
export const FONT = STYLE;

export const SIZE = { title: 24, h1: 17, h2: 13, h3: 11, body: 9.5, small: 8, table: 8, mono: 7 };

export const COLOR = {
  text: '#1F2933',
  muted: '#616E7C',
  accent: '#1F4E79',
  rule: '#CBD2D9',
  headerFill: '#1F4E79',
  headerText: '#FFFFFF',
  zebra: '#F5F7FA',
  warning: '#B54708',
};
