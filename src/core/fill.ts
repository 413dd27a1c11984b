import { parseA1, parseRange, type RangeRef } from "./address";
import { analyzeSheet, resultOf, ruleContextOf, unruledResultOf, type SheetResult } from "./engine";
import { ReadMemo } from "./values/readMemo";
import { fmt2 } from "./numbers";
import { fillWritesOf } from "./forms/families";
import { draftReason } from "./forms/families/writes";
import { marksFor, type CellWrite, type Mark, type WritePlan } from "./plan";
import type { RowHeight } from "./planTypes";
import type { SettingsInput } from "./settings";
import type { SheetSnapshot } from "./snapshot";
import { layoutAfter, rowsToGrow } from "./print/grow";
import { mergesByRow } from "./mergeRows";

export { draftReason };

/**
 * What filling writes: only empty cells, never a formula or a typed value (RULES §7), and never a
 * number that is not finite (a weight of 1e308 makes the total Infinity, which Excel must repair).
 */
export function fillWrites(result: SheetResult): CellWrite[] {
  return fillWritesOf(result).filter((w) => typeof w.value !== "number" || Number.isFinite(w.value));
}

/**
 * A copy of the snapshot with the writes applied, growing the grid where a write falls outside it.
 * Only the rows written are copied; the others are the snapshot's own (neither is changed after).
 */
export function applyWrites(snapshot: SheetSnapshot, writes: CellWrite[]): SheetSnapshot {
  const s: SheetSnapshot = {
    ...snapshot,
    values: snapshot.values.slice(),
    text: snapshot.text.slice(),
    numberFormats: snapshot.numberFormats.slice(),
    formulas: snapshot.formulas.slice(),
  };
  const grids = [s.values, s.text, s.numberFormats, s.formulas] as unknown[][][];
  const fillers = [null, "", "General", null];
  // Each grid's rows copied already, a bit a grid (a fill writes several cells of most rows it writes).
  // A row of formulas or number formats is copied only when it changes: a written cell's formula
  // stays none, and most writes set no format, so only a row too short for the cell is copied.
  const copied = new Uint8Array(snapshot.values.length);
  for (const w of writes) {
    const { row, col } = parseA1(w.cell);
    const i = row - s.origin.row;
    const j = col - s.origin.col;
    if (i < 0 || j < 0) continue;
    if (i >= snapshot.values.length) {
      // Past the grid: rows of its own, made here.
      for (const g of grids) while (g.length <= i) g.push([]);
    }
    for (let k = 0; k < 4; k++) {
      const g = grids[k];
      let line = g[i];
      const changes = k < 2 || (k === 2 && w.numberFormat) || line === undefined || line.length <= j;
      if (!changes) continue;
      if (i < copied.length && (copied[i] & (1 << k)) === 0) {
        copied[i] |= 1 << k;
        line = g[i] = line ? line.slice() : [];
      }
      while (line.length <= j) line.push(fillers[k]);
    }
    s.values[i][j] = w.value;
    s.text[i][j] = typeof w.value === "number" ? fmt2(w.value) : w.value;
    if (w.numberFormat) s.numberFormats[i][j] = w.numberFormat;
  }
  return s;
}

/**
 * A cell inside a merged area other than its top-left: a write there would land in the anchor, in
 * another column (a reason cell under a merge F29:H30 would put the draft in F29). Never written.
 */
export function hiddenByMerge(snapshot: Pick<SheetSnapshot, "merges">, cell: string): boolean {
  return hiddenByMergeOf(snapshot)(cell);
}

/** hiddenByMerge for many cells of one sheet: its merged areas read once, each of the cells given looked up among its row's. */
export function hiddenByMergeOf(snapshot: Pick<SheetSnapshot, "merges">, cells: readonly string[] = []): (cell: string) => boolean {
  const areas = cells.length > 0 ? mergesByRow(snapshot.merges.map(parseRange), cells.map((c) => parseA1(c).row)) : null;
  let all: RangeRef[] | null = null;
  return (cell) => {
    const { row, col } = parseA1(cell);
    const over = areas ? areas(row) : (all ??= snapshot.merges.map(parseRange));
    return over.some((r) => row >= r.top && row <= r.bottom && col >= r.left && col <= r.right && (row !== r.top || col !== r.left));
  };
}

interface FillResult {
  plan: WritePlan;
  /** The sheet as it reads once the writes are made (as it reads now, when nothing is written). */
  after: SheetResult;
}

/** Plan the 填写 action: the writes, and the marks for what is still wrong after them. */
export function planFill(snapshot: SheetSnapshot, settings?: SettingsInput): FillResult {
  // The sheet is read twice, before the writes and as it will read after them: the second read takes
  // what it can of the first (the readings of texts it did not write).
  const memo = new ReadMemo();
  const first = firstRead(snapshot, settings, memo);
  if ("result" in first) return { plan: { writes: [], marks: first.marks }, after: first.result };
  const { writes, rows } = first;
  memo.serve();
  // Once written, every formula's stored result is stale (the copy asks Excel to recalculate on
  // opening): the engine computes them again, so a wrong formula total is still reported.
  const after = resultOf(ruleContextOf({ ...applyWrites(snapshot, writes), layout: layoutAfter(snapshot, writes, rows), recalculatesOnLoad: true }, settings, memo), settings);
  return { plan: { writes, marks: marksFor(after.findings), ...(rows.length > 0 ? { rows } : {}) }, after };
}

/**
 * The fill's read of the sheet before its writes: the writes, or the sheet's result when it takes
 * none. A function of its own so that the form read here is let go before the sheet is read again:
 * on a large form it was most of what the garbage collector copied meanwhile.
 */
function firstRead(snapshot: SheetSnapshot, settings: SettingsInput | undefined, memo: ReadMemo): { writes: CellWrite[]; rows: RowHeight[] } | { result: SheetResult; marks: Mark[] } {
  const read = ruleContextOf(snapshot, settings, memo);
  // A protected sheet takes no writes and no marks; the hosts say so to the user.
  if (snapshot.protected) return { result: resultOf(read, settings), marks: [] };
  // The writes come from the form, its evaluations and figures: the rules run once, on the sheet as
  // it will read (a form of thousands of rows to fill has thousands of findings before).
  const before = unruledResultOf(read, settings);
  // A drafted reason wraps within its cell, its row grown to hold it, so that it prints whole.
  const planned = fillWrites(before);
  const hidden = hiddenByMergeOf(snapshot, planned.map((w) => w.cell));
  const writes = planned
    .filter((w) => !hidden(w.cell))
    .map((w) => (w.purpose === "draft" ? { ...w, wrap: true } : w));
  if (writes.length === 0) {
    const result = resultOf(read, settings);
    return { result, marks: marksFor(result.findings) };
  }
  return { writes, rows: rowsToGrow(snapshot, writes) };
}

/** Plan the 检查 action: marks only. */
export function planCheck(snapshot: SheetSnapshot, settings?: SettingsInput): { plan: WritePlan; result: SheetResult } {
  const result = analyzeSheet(snapshot, settings);
  return { plan: { writes: [], marks: snapshot.protected ? [] : marksFor(result.findings) }, result };
}
