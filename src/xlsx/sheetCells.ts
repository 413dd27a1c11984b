import { displayText } from "../core/numberFormat";
import type { CellValue } from "../core/snapshot";
import type { Box } from "./extent";
import { damaged } from "./valueText";

/**
 * Where the package reader puts a sheet's cells as it reads them, and how they become the snapshot's
 * grids. No object per cell: a 50,000-row form is 400,000 cells, and on the machines we measure on
 * fresh memory costs more than the reading itself.
 */

/** A styled empty cell: ExcelJS's "null" cell, which does not count towards the sheet's extent. */
export const BLANK = 1;
/** A cell that counts towards the extent (any other written cell, an unstyled empty one too). */
export const COUNTS = 2;
/** It holds something (a value, even "", or a formula): what a too-large sheet is read around. */
export const OCCUPIED = 4;

export interface Grids {
  values: CellValue[][];
  text: string[][];
  numberFormats: string[][];
  formulas: Array<Array<string | null>>;
}

export interface CellStore {
  /** A `<row>` begins. False: not taken (as for put). A row begun twice is refused as damage (DamagedCell). */
  startRow(row: number): boolean;
  /**
   * One cell as read; a cell written again replaces it, as in a map. False: this store does not take
   * it (a sheet too sparse for rows held as arrays), and the sheet is read again into SparseCells.
   */
  put(row: number, col: number, value: CellValue, formula: string | null, style: number | undefined, flags: number, dateText?: string): boolean;
  readonly anyFormula: boolean;
  /** The box around the cells that count (merged areas not included). */
  extent(): Box | null;
  /** Where the occupied cells are. */
  occupied(): Array<{ r: number; c: number }>;
  /** The grids of the box, every cell in it; what lies outside is dropped. Called once. */
  grids(box: Box): Grids;
}

const formatOf = (formats: ReadonlyArray<string | undefined>, style: number | undefined) => (style === undefined ? undefined : formats[style]) || "General";

/** Rows of `width` empty cells, to be filled in. */
function emptyRow<T>(width: number, empty: T): T[] {
  const row: T[] = [];
  for (let c = 0; c < width; c++) row.push(empty);
  return row;
}

/** The most places a row's arrays are made with before its cells are read. */
const MADE_AT_MOST = 256;
/** The rows whose lengths a new row's are made after: between 8 and 16 before it. */
const RECENT = 8;

interface Line {
  v: CellValue[];
  t: string[];
  /**
   * The row's formats and formulas: written into the store's scratch rows while the row is read, then
   * (sealed) the arrays of one of the rows just before that holds the same (SHARED_RECENT), else
   * copies. A table's rows mostly share their formats and hold no formula: two arrays a row fewer made
   * and kept. Shared arrays are not written after (the grids' padding skips one already padded; a
   * fill copies a row before writing a format into it); a row holding a formula keeps its own.
   */
  n: string[];
  f: Array<string | null>;
  /** How many places are written (the arrays may be longer, made as long as the row before). */
  len: number;
}

/** Whether `row` holds exactly the first `len` places of `scratch`. */
function sameAs<T>(row: readonly T[], scratch: readonly T[], len: number): boolean {
  if (row.length !== len) return false;
  for (let c = 0; c < len; c++) if (row[c] !== scratch[c]) return false;
  return true;
}

/** Rows of a table differ in a few ways (a reason written or not): so many made lately are looked through. */
const SHARED_RECENT = 4;

/** One of `recent` holding the first `len` places of `scratch`, else a copy of them (then the latest of `recent`). */
function shared<T>(recent: T[][], scratch: readonly T[], len: number): T[] {
  for (let k = 0; k < recent.length; k++) {
    const r = recent[k];
    if (sameAs(r, scratch, len)) return r;
  }
  const made = scratch.slice(0, len);
  if (recent.length === SHARED_RECENT) recent.pop();
  recent.unshift(made);
  return made;
}

/**
 * The usual sheet, its cells in order (rows down, cells along each row, as every writer we know writes
 * them): each row's cells as arrays from column A, which become the grids' rows. Gaps within a row are
 * filled with empty cells, up to a bound in proportion to the cells read. A cell out of order (one
 * that may be written twice), a sheet too sparse for rows as arrays (a cell at XFD in every row), or
 * one whose extent is too large to read whole, goes to SparseCells instead.
 */
export class DenseCells implements CellStore {
  /** Each row's line, in the order read (rows come in order): two arrays, not a map of 50,000 entries. */
  private lineRows: number[] = [];
  private lines: Line[] = [];
  /** The last `<row>` begun, and the row and column of the last cell put. */
  private lastRow = 0;
  private row = 0;
  private col = 0;
  private line: Line | null = null;
  private cells = 0;
  private padded = 0;
  /** The longest of the rows put in this block of RECENT rows, and in the block before. */
  private blockWidest = 0;
  private lastBlockWidest = 0;
  private blockRows = 0;
  private box: Box | null = null;
  /** The formats and formulas of the row being read (see Line). */
  private readonly scratchN: string[] = [];
  private readonly scratchF: Array<string | null> = [];
  /** The formats and formulas of the rows sealed last, each made once (the latest first): a new row may share one. */
  private readonly recentN: string[][] = [];
  private readonly recentF: Array<Array<string | null>> = [];
  /** Whether the row being read holds a formula. */
  private rowFormula = false;
  anyFormula = false;

  constructor(private readonly formats: ReadonlyArray<string | undefined>) {}

  /** The row read to its end: its formats and formulas those of a row just before, or copies of the scratch rows. */
  private seal(l: Line): void {
    l.n = shared(this.recentN, this.scratchN, l.len);
    // Only a row of no formula shares its formulas: the reader then empties the cells a merged area
    // covers (a formula there too), which would empty them in the rows sharing it.
    l.f = this.rowFormula ? this.scratchF.slice(0, l.len) : shared(this.recentF, this.scratchF, l.len);
    this.rowFormula = false;
  }

  /** Rows must come in order, each once. */
  startRow(row: number): boolean {
    if (row <= this.lastRow) return false;
    this.lastRow = row;
    return true;
  }

  put(row: number, col: number, value: CellValue, formula: string | null, style: number | undefined, flags: number, dateText?: string): boolean {
    let l = this.line;
    if (row !== this.row || l === null) {
      if (row < this.row) return false;
      let w = 0;
      if (l !== null) {
        this.seal(l);
        w = this.madeLength(l.len);
      }
      l = { v: new Array<CellValue>(w), t: new Array<string>(w), n: this.scratchN, f: this.scratchF, len: 0 };
      this.lineRows.push(row);
      this.lines.push(l);
      this.row = row;
      this.col = 0;
      this.line = l;
    } else if (col <= this.col) return false;
    this.col = col;
    const fmt = formatOf(this.formats, style);
    const text = dateText || displayText(value, fmt);
    if (formula !== null) this.anyFormula = this.rowFormula = true;
    this.cells++;
    const i = col - 1;
    if (i > l.len) {
      this.padded += i - l.len;
      if (this.padded > 65_536 + 2 * this.cells) return false;
      for (let c = l.len; c < i; c++) {
        l.v[c] = null;
        l.t[c] = "";
        l.n[c] = "General";
        l.f[c] = null;
      }
    }
    l.v[i] = value;
    l.t[i] = text;
    l.n[i] = fmt;
    l.f[i] = formula;
    l.len = col;
    if ((flags & COUNTS) !== 0) {
      const b = this.box;
      if (b === null) this.box = { top: row, left: col, bottom: row, right: col };
      else {
        // Rows come in order: the first counted row is the top.
        b.bottom = row;
        if (col < b.left) b.left = col;
        if (col > b.right) b.right = col;
      }
    }
    return true;
  }

  /**
   * How long a new row's arrays are made: as the longest of the rows just before (a form's rows are
   * alike but for their blank cells at the end, a reason written or not), so that most are never
   * grown (an array written one place past its end is grown to half as long again and sixteen more,
   * in each of the four grids). Only the rows just before, and not beyond MADE_AT_MOST: one wide row
   * (a title styled across the sheet) does not widen every row after it.
   */
  private madeLength(before: number): number {
    if (before > this.blockWidest) this.blockWidest = before;
    if (++this.blockRows === RECENT) {
      this.lastBlockWidest = this.blockWidest;
      this.blockWidest = 0;
      this.blockRows = 0;
    }
    return Math.min(Math.max(this.blockWidest, this.lastBlockWidest), MADE_AT_MOST);
  }

  extent(): Box | null {
    return this.box && { ...this.box };
  }

  /** Not kept: a sheet read around its occupied cells is read into SparseCells. */
  occupied(): Array<{ r: number; c: number }> {
    throw new Error("DenseCells keeps no occupancy: read the sheet into SparseCells");
  }

  grids({ top, left, bottom, right }: Box): Grids {
    const width = right - left + 1;
    const out: Grids = { values: [], text: [], numberFormats: [], formulas: [] };
    if (this.line !== null && this.line.n === this.scratchN) this.seal(this.line);
    /** Formats and formulas made the grid's already (rows share them): not filled out or cut again. */
    const done = new Set<unknown[]>();
    let k = 0;
    for (let r = top; r <= bottom; r++) {
      while (k < this.lineRows.length && this.lineRows[k] < r) k++;
      const l = this.lineRows[k] === r ? this.lines[k] : undefined;
      if (!l) {
        out.values.push(emptyRow(width, null));
        out.text.push(emptyRow(width, ""));
        out.numberFormats.push(emptyRow(width, "General"));
        out.formulas.push(emptyRow(width, null));
        continue;
      }
      // The row's arrays become the grid's: filled out to the box, and cut to it (styled empty cells beyond it).
      const n = done.has(l.n) ? null : l.n;
      const f = done.has(l.f) ? null : l.f;
      for (let c = l.len; c < right; c++) {
        l.v[c] = null;
        l.t[c] = "";
      }
      if (n !== null) for (let c = l.len; c < right; c++) n[c] = "General";
      if (f !== null) for (let c = l.len; c < right; c++) f[c] = null;
      if (l.v.length > right) {
        l.v.length = right;
        l.t.length = right;
      }
      if (n !== null && n.length > right) n.length = right;
      if (f !== null && f.length > right) f.length = right;
      if (left > 1) {
        l.v.splice(0, left - 1);
        l.t.splice(0, left - 1);
        n?.splice(0, left - 1);
        f?.splice(0, left - 1);
      }
      done.add(l.n);
      done.add(l.f);
      out.values.push(l.v);
      out.text.push(l.t);
      out.numberFormats.push(l.n);
      out.formulas.push(l.f);
    }
    this.lineRows = [];
    this.lines = [];
    this.recentN.length = 0;
    this.recentF.length = 0;
    return out;
  }
}

/**
 * Any sheet, however sparse: the cells in document order, an entry in parallel arrays per cell. A cell
 * written twice is the one written last.
 */
export class SparseCells implements CellStore {
  private readonly rows: number[] = [];
  private readonly cols: number[] = [];
  private readonly values: CellValue[] = [];
  private readonly formulas: Array<string | null> = [];
  private readonly styles: Array<number | undefined> = [];
  private readonly flags: number[] = [];
  private readonly dateTexts = new Map<number, string>();
  /** The rows begun, each once. */
  private readonly rowsBegun = new Set<number>();
  anyFormula = false;

  constructor(private readonly formats: ReadonlyArray<string | undefined>) {}

  /** Every cell after the one before it: nothing was replaced. */
  private inOrder = true;

  startRow(row: number): boolean {
    // A row written twice: LibreOffice merges the two, ExcelJS kept the later (the earlier's cells lost).
    // No two programs read it alike, so it is refused as damage (the dense store never sees one: it
    // leaves any row not after the last to this store).
    if (this.rowsBegun.has(row)) throw damaged.rowTwice(row);
    this.rowsBegun.add(row);
    return true;
  }

  put(row: number, col: number, value: CellValue, formula: string | null, style: number | undefined, flags: number, dateText?: string): boolean {
    const n = this.rows.length;
    if (n > 0 && (row < this.rows[n - 1] || (row === this.rows[n - 1] && col <= this.cols[n - 1]))) this.inOrder = false;
    this.rows.push(row);
    this.cols.push(col);
    this.values.push(value);
    this.formulas.push(formula);
    this.styles.push(style);
    this.flags.push(flags);
    if (dateText) this.dateTexts.set(n, dateText);
    if (formula !== null) this.anyFormula = true;
    return true;
  }

  /** The entries replaced by a later cell at the same place (a cell written twice in its row). */
  private lastOf(): Uint8Array {
    const gone = new Uint8Array(this.rows.length);
    // In order (a sheet read around its densest cells usually is), no cell was written twice.
    if (this.inOrder) return gone;
    const last = new Map<string, number>();
    for (let i = 0; i < this.rows.length; i++) {
      const key = `${this.rows[i]},${this.cols[i]}`;
      const before = last.get(key);
      if (before !== undefined) gone[before] = 1;
      last.set(key, i);
    }
    return gone;
  }

  private gone: Uint8Array | null = null;
  private replaced(): Uint8Array {
    return (this.gone ??= this.lastOf());
  }

  extent(): Box | null {
    const gone = this.replaced();
    let top = Infinity;
    let left = Infinity;
    let bottom = -Infinity;
    let right = -Infinity;
    for (let i = 0; i < this.rows.length; i++) {
      if ((this.flags[i] & COUNTS) === 0 || gone[i] === 1) continue;
      const row = this.rows[i];
      const col = this.cols[i];
      if (row < top) top = row;
      if (row > bottom) bottom = row;
      if (col < left) left = col;
      if (col > right) right = col;
    }
    return top === Infinity ? null : { top, left, bottom, right };
  }

  occupied(): Array<{ r: number; c: number }> {
    const gone = this.replaced();
    const out: Array<{ r: number; c: number }> = [];
    for (let i = 0; i < this.rows.length; i++) if ((this.flags[i] & OCCUPIED) !== 0 && gone[i] === 0) out.push({ r: this.rows[i], c: this.cols[i] });
    return out;
  }

  grids({ top, left, bottom, right }: Box): Grids {
    const width = right - left + 1;
    const out: Grids = { values: [], text: [], numberFormats: [], formulas: [] };
    for (let r = top; r <= bottom; r++) {
      out.values.push(emptyRow(width, null));
      out.text.push(emptyRow(width, ""));
      out.numberFormats.push(emptyRow(width, "General"));
      out.formulas.push(emptyRow(width, null));
    }
    const gone = this.replaced();
    for (let i = 0; i < this.rows.length; i++) {
      const row = this.rows[i];
      const col = this.cols[i];
      if (row < top || row > bottom || col < left || col > right || gone[i] === 1) continue;
      const fmt = formatOf(this.formats, this.styles[i]);
      const value = this.values[i];
      out.values[row - top][col - left] = value;
      out.numberFormats[row - top][col - left] = fmt;
      out.formulas[row - top][col - left] = this.formulas[i];
      out.text[row - top][col - left] = this.dateTexts.get(i) ?? displayText(value, fmt);
    }
    return out;
  }
}
