import { toA1 } from "../address";
import type { Grid } from "../grid";
import { findCells, valueRightOf } from "./cells";
import { findHeader, type Columns } from "./columns";
import { familyKindOf, readForm } from "./families";
import { readTable, type TableRead } from "./indicators";
import type { Form, FormBase, GradeCell } from "./model";

/**
 * The grade sits right of its label: past the label's merged area, or (no merges, as when the
 * host cannot report them) in the first filled cell to the right, else under the weight column.
 */
function gradeCell(grid: Grid, table: TableRead, cols: Columns): GradeCell | null {
  if (!table.gradeLabel) return null;
  const { row, col } = table.gradeLabel;
  let c = valueRightOf(grid, row, col);
  if (!grid.mergeAt(row, col)) {
    let found = -1;
    for (let x = col + 1; x <= grid.right && found < 0; x++) if (!grid.isEmpty(row, x)) found = x;
    c = found > 0 ? found : Math.max(col + 1, cols.weight ?? cols.score ?? col + 1);
  }
  const cell = grid.cell(row, c);
  return { address: cell.address, text: grid.str(row, c, false), formula: cell.formula };
}

/** 项目名称 above the indicator table: the text right of its label. */
function projectName(grid: Grid, headerRow: number): string | null {
  const hit = findCells(grid, grid.top, headerRow - 1, (k) => /^项目名称[:：]?$/.test(k))[0];
  if (!hit) return null;
  const text = grid.str(hit.row, valueRightOf(grid, hit.row, hit.col), false).trim();
  return text === "" ? null : text;
}

/** Recognise the form on a sheet by its header words; null when the sheet holds none. */
export function recognise(grid: Grid): Form | null {
  const header = findHeader(grid);
  if (!header) return null;
  const kind = familyKindOf(header, grid);
  if (!kind) return null;
  const table = readTable(grid, header);
  const base: FormBase = {
    projectName: projectName(grid, header.row),
    headerRow: header.row,
    headerCell: toA1(header.row, header.columns.level1!),
    firstRow: table.firstRow,
    lastRow: table.lastRow,
    indicators: table.indicators,
    total: table.total,
    grade: gradeCell(grid, table, header.columns),
  };
  return readForm(kind, grid, base, header, table);
}
