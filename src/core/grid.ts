import { CellRef, parseRange, RangeRef, toA1 } from "./address";
import type { CellValue, SheetSnapshot } from "./snapshot";
import { headerKey } from "./text";

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
  private readonly mergeOf = new Map<string, RangeRef>();
  readonly merges: RangeRef[];

  constructor(private readonly s: SheetSnapshot) {
    this.name = s.name;
    this.top = s.origin.row;
    this.left = s.origin.col;
    const width = s.values.reduce((w, r) => Math.max(w, r.length), 0);
    this.bottom = s.origin.row + s.values.length - 1;
    this.right = s.origin.col + width - 1;
    this.merges = s.merges.map(parseRange);
    for (const m of this.merges) {
      for (let r = m.top; r <= m.bottom; r++) {
        for (let c = m.left; c <= m.right; c++) this.mergeOf.set(`${r},${c}`, m);
      }
    }
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

  /** The merged area a cell belongs to, if any. */
  mergeAt(row: number, col: number): RangeRef | undefined {
    return this.mergeOf.get(`${row},${col}`);
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

  /** Displayed text, falling back to the value, as one string. */
  str(row: number, col: number, merged = true): string {
    const c = merged ? this.shown(row, col) : this.cell(row, col);
    if (c.value === null) return "";
    if (typeof c.value === "string") return c.value.trim();
    return c.text !== "" ? c.text.trim() : String(c.value);
  }

  key(row: number, col: number, merged = true): string {
    return headerKey(this.str(row, col, merged));
  }

  isEmpty(row: number, col: number): boolean {
    const c = this.cell(row, col);
    return c.value === null || (typeof c.value === "string" && c.value.trim() === "");
  }

  /** Is (row, col) covered by a merged area without being its top-left? */
  isCovered(row: number, col: number): boolean {
    const m = this.mergeAt(row, col);
    return !!m && (m.top !== row || m.left !== col);
  }
}
