import { parseA1, parseRange, type RangeRef } from "../address";
import type { CellWrite, RowHeight } from "../planTypes";
import type { SheetSnapshot } from "../snapshot";
import { heightNeeded, SheetGeometry } from "./geometry";
import { mergesByRow } from "../mergeRows";

/**
 * The rows a fill grows so that its drafted reasons print whole (issue 19 §4): a draft wraps within
 * its cell (or merged area), and the row that holds it — the last row of a merged area — is made as
 * tall as the text needs, never shorter than it was. A row whose height a person set (fixed) is left
 * as it is: the print check then says the text is cut. Needs the sheet's layout; none without it.
 */
export function rowsToGrow(snapshot: SheetSnapshot, writes: readonly CellWrite[]): RowHeight[] {
  if (!snapshot.layout) return [];
  const g = new SheetGeometry(snapshot.layout);
  const drafts = writes.filter((w): w is CellWrite & { value: string } => w.wrap === true && typeof w.value === "string");
  // Each draft looked up among the merged areas over its row (a form may merge every row's reason cells).
  const mergesOver = mergesByRow(
    snapshot.merges.map(parseRange),
    drafts.map((w) => parseA1(w.cell).row),
  );
  const grow = new Map<number, number>();
  const forCells = new Map<number, string[]>();
  for (const w of drafts) {
    const { row, col } = parseA1(w.cell);
    const m: RangeRef = mergesOver(row).find((x) => row >= x.top && row <= x.bottom && col >= x.left && col <= x.right) ?? { top: row, left: col, bottom: row, right: col };
    const need = heightNeeded(w.value, g.widthOf(m.left, m.right), g.fontSize);
    const has = g.heightOf(m.top, m.bottom) + (grow.get(m.bottom) ?? g.rowHeight(m.bottom)) - g.rowHeight(m.bottom);
    if (need <= has) continue;
    let fixed = false;
    for (let r = m.top; r <= m.bottom; r++) if (g.rowFixed(r) || g.rowHidden(r)) fixed = true;
    if (fixed) continue;
    const last = grow.get(m.bottom) ?? g.rowHeight(m.bottom);
    // Excel's tallest row is 409 points.
    grow.set(m.bottom, Math.min(409, Math.ceil((last + need - has) * 4) / 4));
    forCells.set(m.bottom, [...(forCells.get(m.bottom) ?? []), w.cell]);
  }
  return [...grow].sort((a, b) => a[0] - b[0]).map(([row, height]) => ({ row, height, cells: forCells.get(row)! }));
}

/** The layout once the writes are made: the drafts wrap, the rows grown. */
export function layoutAfter(snapshot: SheetSnapshot, writes: readonly CellWrite[], rows: readonly RowHeight[]): SheetSnapshot["layout"] {
  const layout = snapshot.layout;
  if (!layout) return layout;
  const wrapped = writes.filter((w) => w.wrap).map((w) => w.cell);
  const grown = new Map(rows.map((r) => [r.row, r.height]));
  // Sets, not a search of the sheet's lists for each draft: a form may wrap and size every row.
  const wrappedBefore = new Set(layout.wrapped);
  const listed = new Set(layout.rows.map((r) => r.row));
  return {
    ...layout,
    wrapped: [...layout.wrapped, ...wrapped.filter((c) => !wrappedBefore.has(c))],
    rows: [...layout.rows.map((r) => (grown.has(r.row) ? { ...r, height: grown.get(r.row)! } : r)), ...rows.filter((r) => !listed.has(r.row))],
  };
}
