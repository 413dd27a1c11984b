import type { Grid } from "../grid";
import { readNumberOf } from "../numbers";
import { toA1 } from "../address";
import type { CellInput } from "../values/types";
import type { NumCell, TextCell } from "./model";

// Both read a cell's parts from the grid, without building its Cell: they run for every row of a table.
export function numCell(grid: Grid, row: number, col: number | undefined): NumCell | null {
  if (col === undefined) return null;
  return readNumberOf(grid.valueAt(row, col), grid.formatAt(row, col), grid.formulaAt(row, col), toA1(row, col));
}

export function textCell(grid: Grid, row: number, col: number | undefined): TextCell | null {
  if (col === undefined) return null;
  const text = grid.str(row, col, false);
  const address = toA1(row, col);
  const formula = grid.formulaAt(row, col);
  // Only white space: it reads as no text, but a person typed it, and nothing is written over it.
  return text === "" && grid.valueAt(row, col) !== null ? { address, text, formula, typed: true } : { address, text, formula };
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
