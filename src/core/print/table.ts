import type { Form } from "../forms/model";
import { parseA1 } from "../address";
import type { Grid } from "../grid";
import type { PageSetup } from "../snapshot";
import { heightNeeded, printable, scaleOf, type SheetGeometry } from "./geometry";

/**
 * The part of a sheet a form prints as: its key rows (the header, every indicator, the funds, total
 * and grade rows), the columns any of them fills, and the rows from the sheet's first written row to
 * the last key row (the title and funds above the table print with it).
 */
interface PrintedTable {
  top: number;
  bottom: number;
  left: number;
  right: number;
  keyRows: number[];
  /** The header's rows (a header may span two), what should repeat on every page. */
  header: { first: number; last: number };
  headerCell: string;
}

/** Each form's table, worked out once for the rules that ask. */
const tables = new WeakMap<Form, PrintedTable>();

export function printedTableOf(form: Form, grid: Grid): PrintedTable {
  const known = tables.get(form);
  if (known) return known;
  const table = tableOf(form, grid);
  tables.set(form, table);
  return table;
}

function tableOf(form: Form, grid: Grid): PrintedTable {
  const rows: number[] = [form.headerRow];
  for (const i of form.indicators) rows.push(i.row);
  if (form.total) rows.push(form.total.row);
  if (form.grade) rows.push(parseA1(form.grade.address).row);
  const funds = "funds" in form ? form.funds : null;
  if (funds) for (const r of [funds.total, ...funds.parts]) rows.push(r.row);
  // Mostly in order already; else sorted as numbers by a typed array (no comparator called 50,000
  // times). Then each row once.
  const sorted = new Float64Array(rows);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i] < sorted[i - 1]) {
      sorted.sort();
      break;
    }
  }
  const keyRows: number[] = [];
  for (const r of sorted) if (r >= grid.top && r <= grid.bottom && r !== keyRows[keyRows.length - 1]) keyRows.push(r);
  let left = Infinity;
  let right = -Infinity;
  for (const r of keyRows) {
    // Once the table spans the whole sheet, no row can widen it.
    if (left === grid.left && right === grid.right) break;
    for (let c = grid.left; c <= grid.right; c++) {
      if (grid.isEmpty(r, c)) continue;
      const m = grid.mergeAt(r, c);
      left = Math.min(left, m?.left ?? c);
      right = Math.max(right, m?.right ?? c);
    }
  }
  if (left === Infinity) [left, right] = [grid.left, grid.right];
  let first = form.headerRow;
  let last = form.headerRow;
  for (let c = left; c <= right; c++) {
    const m = grid.mergeAt(form.headerRow, c);
    if (m) {
      first = Math.min(first, m.top);
      last = Math.max(last, m.bottom);
    }
  }
  return {
    top: grid.top,
    // keyRows is sorted; a spread of a 100,000-row form's rows would pass the engine's argument limit.
    bottom: Math.max(keyRows[keyRows.length - 1] ?? form.headerRow, form.headerRow),
    left,
    right,
    keyRows,
    header: { first, last },
    headerCell: form.headerCell,
  };
}

/**
 * The height rows top..bottom print at: a row whose height no one fixed is as tall as its tallest
 * wrapped text needs (Excel and LibreOffice fit such rows to their text), a fixed one as set.
 */
function printedHeight(grid: Grid, g: SheetGeometry, top: number, bottom: number, left: number, right: number): number {
  let total = 0;
  for (let r = top; r <= bottom; r++) {
    let h = g.rowHeight(r);
    const wrapped = g.wrappedByRow.get(r);
    if (h > 0 && wrapped && !g.rowFixed(r)) {
      for (const c of wrapped) {
        if (c < left || c > right || grid.mergeAt(r, c)) continue;
        const v = grid.input(r, c).value;
        if (typeof v !== "string") continue;
        h = Math.max(h, heightNeeded(v.trim(), g.colWidth(c), g.fontSize));
      }
    }
    total += h;
  }
  return total;
}

interface Pages {
  table: PrintedTable;
  width: number;
  scale: number;
  across: number;
  down: number;
}

/**
 * Each sheet's pages, worked out once for the rules that ask (print-too-wide and print-titles-missing
 * both do): the printed height measures every wrapped text of the table, a fill's drafts among them.
 */
interface PagesKept {
  form: Form;
  grid: Grid;
  page: PageSetup;
  pages: Pages;
}

/** How the form prints with the sheet's page setup: its size, the scale, and the pages across and down. */
export function pagesOf(form: Form, grid: Grid, g: SheetGeometry, page: PageSetup): Pages {
  const known = g.pagesKept as PagesKept | undefined;
  if (known && known.form === form && known.grid === grid && known.page === page) return known.pages;
  const pages = pagesFor(form, grid, g, page);
  g.pagesKept = { form, grid, page, pages } satisfies PagesKept;
  return pages;
}

function pagesFor(form: Form, grid: Grid, g: SheetGeometry, page: PageSetup): Pages {
  const table = printedTableOf(form, grid);
  const width = g.widthOf(table.left, table.right);
  const height = printedHeight(grid, g, table.top, table.bottom, table.left, table.right);
  const scale = scaleOf(page, width, height);
  const room = printable(page);
  return { table, width, scale, across: Math.ceil((width * scale) / room.width - 0.01), down: Math.ceil((height * scale) / room.height - 0.01) };
}
