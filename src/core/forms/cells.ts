import type { Grid } from "../grid";
import { readNumber } from "../numbers";
import type { CellInput } from "../values/types";
import type { NumCell, TextCell } from "./model";

export function numCell(grid: Grid, row: number, col: number | undefined): NumCell | null {
  if (col === undefined) return null;
  const c = grid.cell(row, col);
  const n = readNumber(c) as NumCell;
  n.address = c.address;
  return n;
}

export function textCell(grid: Grid, row: number, col: number | undefined): TextCell | null {
  if (col === undefined) return null;
  const c = grid.cell(row, col);
  const text = grid.str(row, col, false);
  // Only white space: it reads as no text, but a person typed it, and nothing is written over it.
  return { address: c.address, text, formula: c.formula, ...(text === "" && c.value !== null ? { typed: true } : {}) };
}

export function cellInput(grid: Grid, row: number, col: number): CellInput {
  return grid.input(row, col);
}

/**
 * The value cell that belongs to a label such as 「绩效等级：」: the first cell right of the label
 * (past its merged area).
 */
export function valueRightOf(grid: Grid, row: number, col: number): number {
  const m = grid.mergeAt(row, col);
  return (m ? m.right : col) + 1;
}

/** Every (row, col) in rows [from, to] whose header key satisfies `test`, top-left cells only. */
export function findCells(
  grid: Grid,
  from: number,
  to: number,
  test: (key: string) => boolean,
): Array<{ row: number; col: number }> {
  const out: Array<{ row: number; col: number }> = [];
  for (let r = Math.max(from, grid.top); r <= Math.min(to, grid.bottom); r++) {
    for (let c = grid.left; c <= grid.right; c++) {
      if (grid.isCovered(r, c)) continue;
      if (test(grid.key(r, c, false))) out.push({ row: r, col: c });
    }
  }
  return out;
}

/** Strip a trailing colon from a label key: 「绩效等级：」 → 绩效等级. */
export function labelKey(key: string): string {
  return key.replace(/[:：]+$/, "");
}
