import { CellRef, parseRange, RangeRef, toA1 } from "./address";
import type { CellValue, SheetLayout, SheetSnapshot } from "./snapshot";
import { headerKey } from "./text";
import type { ReadMemo } from "./values/readMemo";

export interface Cell {
  row: number;
  col: number;
  address: string;
  value: CellValue;
  text: string;
  numberFormat: string;
  formula: string | null;
}

/** Read access to a snapshot by sheet coordinates, aware of merged areas. */
export class Grid {
  readonly name: string;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  readonly merges: RangeRef[];
  private readonly width: number;
  /** Inside the grid, by (row − top) × width + (col − left): 1 + the index of the merged area there, or 0. */
  private readonly mergeIndex: Int32Array;
  /** Merged cells outside the grid (a merge reaching past the used range). */
  private readonly mergeOutside: Map<number, RangeRef>;
  /** headerKey of each cell inside the grid, once asked for. */
  private readonly keys: Array<string | undefined>;
  /**
   * A fill's read after its writes: the grid of the sheet before them, of the same extent and merged
   * areas. Its merged areas are this one's, and its keys this one's where the cell reads the same.
   */
  private readonly before: Grid | undefined;

  constructor(
    private readonly s: SheetSnapshot,
    /** A fill's memo: texts' readings and this grid, recorded by its read of the sheet before its writes, given to its read after them. */
    readonly memo?: ReadMemo,
  ) {
    this.name = s.name;
    this.top = s.origin.row;
    this.left = s.origin.col;
    const width = s.values.reduce((w, r) => Math.max(w, r.length), 0);
    this.width = width;
    this.bottom = s.origin.row + s.values.length - 1;
    this.right = s.origin.col + width - 1;
    this.keys = new Array<string | undefined>(width * s.values.length);
    const kept = memo?.gridBefore();
    const before = kept instanceof Grid ? kept : undefined;
    if (before !== undefined && before.s.merges === s.merges && before.top === this.top && before.left === this.left && before.bottom === this.bottom && before.right === this.right) {
      this.before = before;
      this.merges = before.merges;
      this.mergeIndex = before.mergeIndex;
      this.mergeOutside = before.mergeOutside;
      return;
    }
    this.before = undefined;
    this.merges = s.merges.map(parseRange);
    this.mergeIndex = new Int32Array(width * s.values.length);
    this.mergeOutside = new Map();
    this.merges.forEach((m, k) => {
      for (let r = m.top; r <= m.bottom; r++) {
        for (let c = m.left; c <= m.right; c++) {
          if (this.inside(r, c)) this.mergeIndex[(r - this.top) * width + (c - this.left)] = k + 1;
          else this.mergeOutside.set(r * 16384 + c, m);
        }
      }
    });
    memo?.sawGrid(this);
  }

  private inside(row: number, col: number): boolean {
    return row >= this.top && row <= this.bottom && col >= this.left && col <= this.right;
  }

  /** The sheet's geometry and page setup, where its adapter could read them. */
  get layout(): SheetLayout | undefined {
    return this.s.layout;
  }

  get protected(): boolean {
    return this.s.protected === true;
  }

  /** The cell as stored: inside a merged area, only the top-left holds anything. */
  cell(row: number, col: number): Cell {
    const i = row - this.top;
    const j = col - this.left;
    const inside = i >= 0 && j >= 0 && i < this.s.values.length;
    const value = inside ? (this.s.values[i][j] ?? null) : null;
    return {
      row,
      col,
      address: toA1(row, col),
      value: value === "" ? null : value,
      text: inside ? (this.s.text[i]?.[j] ?? "") : "",
      numberFormat: inside ? (this.s.numberFormats[i]?.[j] ?? "General") : "General",
      formula: inside ? (this.s.formulas[i]?.[j] ?? null) : null,
    };
  }

  /** What the value reader needs of a cell, without building its address. */
  input(row: number, col: number): { value: CellValue; text: string; numberFormat: string } {
    const i = row - this.top;
    const j = col - this.left;
    const v = this.raw(row, col);
    return {
      value: v,
      text: this.s.text[i]?.[j] ?? "",
      numberFormat: this.s.numberFormats[i]?.[j] ?? "General",
    };
  }

  /** The merged area a cell belongs to, if any. */
  mergeAt(row: number, col: number): RangeRef | undefined {
    if (this.inside(row, col)) {
      const k = this.mergeIndex[(row - this.top) * this.width + (col - this.left)];
      return k === 0 ? undefined : this.merges[k - 1];
    }
    return this.mergeOutside.size === 0 ? undefined : this.mergeOutside.get(row * 16384 + col);
  }

  /** The top-left cell of the merged area holding (row, col), or the cell itself. */
  anchor(row: number, col: number): CellRef {
    const m = this.mergeAt(row, col);
    return m ? { row: m.top, col: m.left } : { row, col };
  }

  /** The value a person sees at (row, col): a merged area shows its top-left value everywhere. */
  shown(row: number, col: number): Cell {
    const a = this.anchor(row, col);
    return this.cell(a.row, a.col);
  }

  /** The stored value ("" as null), without building a Cell. */
  valueAt(row: number, col: number): CellValue {
    return this.raw(row, col);
  }

  /** The displayed text as stored, without building a Cell. */
  textAt(row: number, col: number): string {
    return this.s.text[row - this.top]?.[col - this.left] ?? "";
  }

  /** The number format as stored ("General" where none), without building a Cell. */
  formatAt(row: number, col: number): string {
    return this.s.numberFormats[row - this.top]?.[col - this.left] ?? "General";
  }

  /** The formula as stored, without building a Cell. */
  formulaAt(row: number, col: number): string | null {
    return this.s.formulas[row - this.top]?.[col - this.left] ?? null;
  }

  /** The stored value, without building a Cell (the hot path of recognition). */
  private raw(row: number, col: number): CellValue {
    const r = this.s.values[row - this.top];
    if (r === undefined || col < this.left) return null;
    const v = r[col - this.left];
    return v === undefined || v === "" ? null : v;
  }

  /** Displayed text, falling back to the value, as one string. */
  str(row: number, col: number, merged = true): string {
    if (merged) {
      const m = this.mergeAt(row, col);
      if (m) {
        row = m.top;
        col = m.left;
      }
    }
    const v = this.raw(row, col);
    if (v === null) return "";
    if (typeof v === "string") return v.trim();
    const t = this.s.text[row - this.top]?.[col - this.left] ?? "";
    return t !== "" ? t.trim() : String(v);
  }

  /** headerKey of the cell's text; memoised, since recognition asks for the same cells often. */
  key(row: number, col: number, merged = true): string {
    if (merged) {
      const m = this.mergeAt(row, col);
      if (m) {
        row = m.top;
        col = m.left;
      }
    }
    if (!this.inside(row, col)) return headerKey(this.str(row, col, false));
    const id = (row - this.top) * this.width + (col - this.left);
    let k = this.keys[id];
    if (k === undefined) {
      const b = this.before;
      const was = b?.keys[id];
      // A key is a function of the cell's value and text: where both read as before, it is the key before.
      k = was !== undefined && b!.raw(row, col) === this.raw(row, col) && b!.textAt(row, col) === this.textAt(row, col) ? was : headerKey(this.str(row, col, false));
      this.keys[id] = k;
    }
    return k;
  }

  /** Every cell whose stored text contains `needle`, row by row. */
  cellsContaining(needle: string): CellRef[] {
    const out: CellRef[] = [];
    const values = this.s.values;
    for (let i = 0; i < values.length; i++) {
      const line = values[i];
      for (let j = 0; j < line.length; j++) {
        const v = line[j];
        if (typeof v === "string" && v.includes(needle)) out.push({ row: this.top + i, col: this.left + j });
      }
    }
    return out;
  }

  isEmpty(row: number, col: number): boolean {
    const v = this.raw(row, col);
    return v === null || (typeof v === "string" && v.trim() === "");
  }

  /** Is (row, col) covered by a merged area without being its top-left? */
  isCovered(row: number, col: number): boolean {
    const m = this.mergeAt(row, col);
    return !!m && (m.top !== row || m.left !== col);
  }
}
