import { parseA1, parseRange, type RangeRef } from "../address";
import type { PageSetup, SheetLayout } from "../snapshot";
import { ColumnRuns } from "./columnRuns";

/**
 * A sheet's paper geometry from its layout, in points: how wide a column and how tall a row prints,
 * how wide a text is, how many lines it takes. Text is measured as Excel lays out its default fonts
 * (宋体, 等线, Calibri): a Chinese character is one em wide, a Latin letter or a digit a little over
 * half of one. An estimate, made the same way by the fill (which grows a row) and by the print check
 * (which says a text is cut), so the two always agree.
 */

/** Paper sizes in points, portrait, by Excel's code. */
const PAPER: Readonly<Record<number, { width: number; height: number; name: string }>> = {
  1: { width: 612, height: 792, name: "Letter" },
  5: { width: 612, height: 1008, name: "Legal" },
  8: { width: 841.89, height: 1190.55, name: "A3" },
  9: { width: 595.28, height: 841.89, name: "A4" },
  11: { width: 419.53, height: 595.28, name: "A5" },
  13: { width: 515.91, height: 728.5, name: "B5" },
};

export const paperName = (code: number): string => PAPER[code]?.name ?? PAPER[9].name;

/** Excel's narrowest scale. */
const MIN_SCALE = 0.1;

/** Cell padding Excel leaves inside a cell, left and right together, in points. */
const PADDING = 3;

/** Whether a character (by code point) is a wide one: CJK, Hangul, full-width forms, beyond the BMP. */
export function wide(c: number): boolean {
  return (
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) ||
    c > 0xffff
  );
}


function textWidth(text: string, fontSize: number): number {
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A surrogate pair is one wide character.
    if (c >= 0xd800 && c <= 0xdbff) {
      w += 1;
      i++;
    } else w += wide(c) ? 1 : 0.55;
  }
  return w * fontSize;
}

/** The lines a text takes wrapped in a width (points): each paragraph broken where the next character would not fit. */
function linesNeeded(text: string, width: number, fontSize: number): number {
  const room = Math.max(width - PADDING, fontSize);
  // Character by character, without splitting the text or iterating it by code points: a form's
  // thousands of wrapped cells made a string of each character. test/core/print/linesNeeded.test.ts
  // holds it equal to the paragraph-by-paragraph reading over generated texts.
  let lines = 0;
  let line = 0;
  let n = 1;
  const len = text.length;
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    // A paragraph ends at "\n" or "\r\n"; a "\r" alone is a character of its line.
    if (c === 13 && i + 1 < len && text.charCodeAt(i + 1) === 10) continue;
    if (c === 10) {
      lines += n;
      n = 1;
      line = 0;
      continue;
    }
    let cp = c;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < len) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        cp = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
        i++;
      }
    }
    const w = (wide(cp) ? 1 : 0.55) * fontSize;
    if (line + w > room && line > 0) {
      n++;
      line = 0;
    }
    line += w;
  }
  return lines + n;
}

export const lineHeight = (fontSize: number): number => Math.round(fontSize * 1.3 * 4) / 4;

/** The height (points) a wrapped text needs in a width. */
export function heightNeeded(text: string, width: number, fontSize: number): number {
  return linesNeeded(text, width, fontSize) * lineHeight(fontSize) + 2;
}

/** Whether a text fits on one line of a width. */
export function fitsWidth(text: string, width: number, fontSize: number): boolean {
  const room = width - PADDING + 0.01;
  // Every character is at least 0.55 em and at most 1 em wide: most texts are settled by their length.
  if (text.length * 0.55 * fontSize > room * 2) return false;
  if (text.length * fontSize <= room) return true;
  return textWidth(text, fontSize) <= room;
}

export class SheetGeometry {
  private readonly colOf: ColumnRuns;
  private readonly rowOf = new Map<number, { height?: number; fixed?: boolean; hidden?: boolean }>();
  private readonly wrappedCells: Set<number>;
  /** The wrapped cells' columns, by row. */
  readonly wrappedByRow = new Map<number, number[]>();
  /**
   * What print/table.ts worked out of this sheet's pages, kept for the next rule that asks (a field,
   * not a WeakMap keyed by the geometry: an entry made for each analysis slowed every check by some 5 %).
   */
  pagesKept: unknown = undefined;

  constructor(readonly layout: SheetLayout) {
    this.colOf = new ColumnRuns(layout.cols);
    for (const r of layout.rows) this.rowOf.set(r.row, r);
    this.wrappedCells = new Set();
    for (const a of layout.wrapped) {
      const { row, col } = parseA1(a);
      this.wrappedCells.add(row * 16_384 + col);
      const cols = this.wrappedByRow.get(row);
      if (cols) cols.push(col);
      else this.wrappedByRow.set(row, [col]);
    }
  }

  get fontSize(): number {
    return this.layout.fontSize;
  }

  colWidth(col: number): number {
    const c = this.colOf.get(col);
    if (c?.hidden) return 0;
    return c?.width ?? this.layout.defaultColWidth;
  }

  rowHeight(row: number): number {
    const r = this.rowOf.get(row);
    if (r?.hidden) return 0;
    return r?.height ?? this.layout.defaultRowHeight;
  }

  colHidden(col: number): boolean {
    const c = this.colOf.get(col);
    return c?.hidden === true || c?.width === 0;
  }

  rowHidden(row: number): boolean {
    const r = this.rowOf.get(row);
    return r?.hidden === true || r?.height === 0;
  }

  /** A height set by hand: Excel never grows it to fit its text. */
  rowFixed(row: number): boolean {
    return this.rowOf.get(row)?.fixed === true;
  }

  wraps(row: number, col: number): boolean {
    return this.wrappedCells.has(row * 16_384 + col);
  }

  /** The width of columns left..right, in points. */
  widthOf(left: number, right: number): number {
    // Run by run, each run's entry looked up once; added column by column, as the sum always was.
    let w = 0;
    this.colOf.forEachIn(left, right, (c, n) => {
      const width = c?.hidden ? 0 : (c?.width ?? this.layout.defaultColWidth);
      for (let k = 0; k < n; k++) w += width;
    });
    return w;
  }

  heightOf(top: number, bottom: number): number {
    let h = 0;
    for (let r = top; r <= bottom; r++) h += this.rowHeight(r);
    return h;
  }
}

/** The paper's printable width and height (points), after orientation and margins. */
export function printable(page: PageSetup): { width: number; height: number } {
  const paper = PAPER[page.paperSize] ?? PAPER[9];
  const [w, h] = page.orientation === "landscape" ? [paper.height, paper.width] : [paper.width, paper.height];
  return { width: w - page.margins.left - page.margins.right, height: h - page.margins.top - page.margins.bottom };
}

/** The scale a table of this size prints at (1 = 100 %). */
export function scaleOf(page: PageSetup, width: number, height: number): number {
  if (!page.fitTo) return page.scale / 100;
  const room = printable(page);
  let s = 1;
  if (page.fitTo.width > 0 && width > 0) s = Math.min(s, (room.width * page.fitTo.width) / width);
  if (page.fitTo.height > 0 && height > 0) s = Math.min(s, (room.height * page.fitTo.height) / height);
  return Math.max(MIN_SCALE, s);
}

/** A print area's ranges as parsed (a whole column or row written `$A:$J` or `$1:$40`). */
export function areaRanges(area: readonly string[]): RangeRef[] {
  const out: RangeRef[] = [];
  for (const a of area) {
    const x = a.replace(/\$/g, "").toUpperCase();
    const cols = /^([A-Z]{1,3}):([A-Z]{1,3})$/.exec(x);
    const rows = /^(\d+):(\d+)$/.exec(x);
    try {
      if (cols) out.push(parseRange(`${cols[1]}1:${cols[2]}1048576`));
      else if (rows) out.push(parseRange(`A${rows[1]}:XFD${rows[2]}`));
      else if (x.includes(":")) out.push(parseRange(x));
      else {
        const p = parseA1(x);
        out.push({ top: p.row, left: p.col, bottom: p.row, right: p.col });
      }
    } catch {
      // Not an area of this sheet (a host's odd address): it takes in nothing.
    }
  }
  return out;
}
