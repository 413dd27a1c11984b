import { parseRange, rangeToA1 } from "../core/address";
import { WorkbookReadError } from "./sniff";

/** How much of a sheet a snapshot reads: its extent, and the densest part of a sheet that claims too much. */

/**
 * The most cells a snapshot holds. A form is a few thousand cells; a file that claims a used range of
 * millions (one stray value at XFD1048576) is read where its cells are, not as the rectangle it claims.
 */
export const MAX_SNAPSHOT_CELLS = 1_000_000;
const ROW_GAP = 100;
const COL_GAP = 50;

export type Box = { top: number; left: number; bottom: number; right: number };

/** The sheet a refusal is about, by name (a workbook may hold several). */
export const sheetZh = (sheet: string) => `工作表「${sheet}」`;
export const sheetEn = (sheet: string) => `Sheet "${sheet}"`;

/** Runs of numbers no more than `gap` apart: the one holding the most weight. */
function densest(points: Array<{ at: number; weight: number }>, gap: number): { from: number; to: number } {
  const sorted = [...points].sort((a, b) => a.at - b.at);
  let best = { from: sorted[0].at, to: sorted[0].at, weight: 0 };
  let cur = { from: sorted[0].at, to: sorted[0].at, weight: 0 };
  for (const p of sorted) {
    if (p.at - cur.to > gap) cur = { from: p.at, to: p.at, weight: 0 };
    cur.to = p.at;
    cur.weight += p.weight;
    if (cur.weight > best.weight) best = { ...cur };
  }
  return { from: best.from, to: best.to };
}

/**
 * The box around the densest cluster of occupied cells. A cluster itself over MAX_SNAPSHOT_CELLS is a
 * sheet too large to read, said so (as the .xls reader does), never cut: a form cut short loses its
 * total and grade rows and would be checked wrong without a word.
 */
export function densestBox(cells: Array<{ r: number; c: number }>, sheet: string): Box | null {
  if (cells.length === 0) return null;
  const byRow = new Map<number, number>();
  for (const x of cells) byRow.set(x.r, (byRow.get(x.r) ?? 0) + 1);
  const rr = densest([...byRow].map(([at, weight]) => ({ at, weight })), ROW_GAP);
  const byCol = new Map<number, number>();
  for (const x of cells) if (x.r >= rr.from && x.r <= rr.to) byCol.set(x.c, (byCol.get(x.c) ?? 0) + 1);
  const cc = densest([...byCol].map(([at, weight]) => ({ at, weight })), COL_GAP);
  const width = cc.to - cc.from + 1;
  const height = rr.to - rr.from + 1;
  if (height * width > MAX_SNAPSHOT_CELLS) {
    throw new WorkbookReadError(
      `${sheetZh(sheet)}过大，无法读取：${rangeToA1({ top: rr.from, left: cc.from, bottom: rr.to, right: cc.to })} 共 ${height} 行 × ${width} 列，超过一百万个单元格。请只保留绩效表所在的区域后再检查。`,
      `${sheetEn(sheet)} is too large to read: ${height} rows × ${width} columns is more than a million cells. Keep only the form's area and check it again.`,
    );
  }
  return { top: rr.from, left: cc.from, bottom: rr.to, right: cc.to };
}

/**
 * The extent a snapshot reads, for a reader that gives occupied cells (not a used range): around the
 * cells and the merges, as Excel's used range is; where that is too large, the densest cluster of
 * cells, with `clipped` set so the merges are clipped to it.
 */
export function boundBox(cells: Array<{ r: number; c: number }>, merges: string[], sheet: string): (Box & { clipped: boolean }) | null {
  if (cells.length === 0 && merges.length === 0) return null;
  const box: Box = { top: Infinity, left: Infinity, bottom: 0, right: 0 };
  const take = (r: number, c: number) => {
    box.top = Math.min(box.top, r);
    box.left = Math.min(box.left, c);
    box.bottom = Math.max(box.bottom, r);
    box.right = Math.max(box.right, c);
  };
  for (const x of cells) take(x.r, x.c);
  for (const m of merges) {
    const r = parseRange(m);
    take(r.top, r.left);
    take(r.bottom, r.right);
  }
  if ((box.bottom - box.top + 1) * (box.right - box.left + 1) <= MAX_SNAPSHOT_CELLS) return { ...box, clipped: false };
  const dense = densestBox(cells, sheet);
  return dense ? { ...dense, clipped: true } : null;
}

/** The merges that touch the box, clipped to it (a merge A36:XFD1048576 becomes A36:…). */
export function clipMerges(merges: string[], box: Box): string[] {
  const out: string[] = [];
  for (const m of merges) {
    const r = parseRange(m);
    const top = Math.max(r.top, box.top);
    const left = Math.max(r.left, box.left);
    const bottom = Math.min(r.bottom, box.bottom);
    const right = Math.min(r.right, box.right);
    if (top > bottom || left > right || (top === bottom && left === right)) continue;
    out.push(rangeToA1({ top, left, bottom, right }));
  }
  return out;
}

