import { rangeToA1 } from "../core/address";
import { emptySnapshot, validLayout, validSnapshot, type CellValue, type SheetSnapshot } from "../core/snapshot";
import type { Capabilities } from "./capabilities";
import { EDIT_MODE_CODE, errorCode } from "./messages";
import { layoutFromRead, queueLayout, type LayoutRead } from "./readLayout";

/**
 * Cells read in one sync at most. Excel on the web refuses a response over 5 MB; one cell costs its
 * value, text, number format and formula, rarely over 200 bytes together even for long Chinese
 * reasons, so 20,000 cells stay well below the limit. A real form (a few hundred rows) is read in
 * one sync; only a sheet larger than this is read in row blocks.
 */
export const CELLS_PER_READ = 20_000;
const PAYLOAD_CODES = new Set(["ResponsePayloadSizeLimitExceeded", "RequestPayloadSizeLimitExceeded"]);

/** What the first sync learns of a sheet: its name, protection, extent, notes and comments. */
export interface Outline {
  sheet: Excel.Worksheet;
  used: Excel.Range;
  /** The sheet's notes with their content (ExcelApi 1.18 and a library that has them). */
  notes: Excel.NoteCollection | null;
  /** The sheet's threaded comments (ExcelApi 1.10). */
  comments: Excel.CommentCollection | null;
}

export function queueOutline(sheet: Excel.Worksheet, caps: Capabilities): Outline {
  sheet.load("name, id, visibility");
  sheet.protection.load("protected, options");
  // Values only: a sheet whose whole columns carry a format would otherwise read a million rows.
  const used = caps.usedRangeOrNull ? sheet.getUsedRangeOrNullObject(true) : sheet.getUsedRange(true);
  used.load("address, rowIndex, columnIndex, rowCount, columnCount");
  const notes = caps.notes ? sheet.notes : null;
  notes?.load("items/content");
  const comments = caps.comments ? sheet.comments : null;
  comments?.load("items/id");
  return { sheet, used, notes, comments };
}

interface Block {
  row0: number;
  rows: number;
  range: Excel.Range;
}

/** One sheet's contents as read: its row blocks, merged areas and commented cells. */
export interface SheetRead {
  outline: Outline;
  blocks: Block[];
  merged: Excel.RangeAreas | null;
  mergedItems: Excel.RangeCollection | null;
  commentCells: Excel.Range[];
  /**
   * The merged areas could not be read (more than 512, an error, or an Excel below ExcelApi 1.13,
   * which has no API for them): check only, write nothing.
   */
  mergesUnread: boolean;
  /** The paper layout (ExcelApi 1.9), for a sheet read whole; null otherwise (no print check then). */
  layout: LayoutRead | null;
}

function cellsOf(o: Outline): number {
  return o.used.isNullObject === true ? 0 : o.used.rowCount * o.used.columnCount;
}

/** Queue the merged areas and commented cells of a sheet (with its first block). */
function queueExtras(o: Outline, caps: Capabilities, withMerges: boolean, withLayout = false): Omit<SheetRead, "blocks"> {
  let merged: Excel.RangeAreas | null = null;
  let mergedItems: Excel.RangeCollection | null = null;
  if (caps.mergedAreas && withMerges) {
    // Asked of the whole sheet: only the areas whose top-left cell lies in the range asked about
    // come back. Their addresses from the areas themselves: RangeAreas.address has been seen to list
    // top-left cells only (office-js issue 1590).
    merged = o.sheet.getRange().getMergedAreasOrNullObject();
    merged.load("areaCount");
    mergedItems = merged.areas;
    mergedItems.load("items/address");
  }
  const commentCells = (o.comments?.items ?? []).map((c) => {
    const r = c.getLocation();
    r.load("address");
    return r;
  });
  // The layout travels with the cells of a sheet read whole in the first attempt: a large sheet's
  // cell properties alone could pass the payload limit, and a read that failed is not made heavier.
  const layout = withLayout && caps.pageLayout && o.used.isNullObject !== true ? queueLayout(o.sheet, o.used, true) : null;
  return { outline: o, merged, mergedItems, commentCells, mergesUnread: !caps.mergedAreas || !withMerges, layout };
}

/** The row blocks of a sheet, each of at most `budget` cells. */
function blockRows(o: Outline, budget: number): Array<{ row0: number; rows: number }> {
  if (o.used.isNullObject === true) return [];
  const step = Math.max(1, Math.floor(budget / Math.max(1, o.used.columnCount)));
  const out: Array<{ row0: number; rows: number }> = [];
  for (let r = 0; r < o.used.rowCount; r += step) out.push({ row0: r, rows: Math.min(step, o.used.rowCount - r) });
  return out;
}

function queueBlock(o: Outline, row0: number, rows: number): Block {
  const { rowIndex, columnIndex, columnCount } = o.used;
  const ref = { top: rowIndex + row0 + 1, left: columnIndex + 1, bottom: rowIndex + row0 + rows, right: columnIndex + columnCount };
  const range = o.sheet.getRange(rangeToA1(ref));
  range.load("values, text, numberFormat, formulas");
  return { row0, rows, range };
}

/** A sheet of at most `budget` cells, queued whole (it shares a sync with other small sheets). */
function queueWhole(o: Outline, caps: Capabilities, withMerges: boolean): SheetRead {
  const extras = queueExtras(o, caps, withMerges, true);
  const blocks = o.used.isNullObject === true ? [] : [queueBlock(o, 0, o.used.rowCount)];
  return { ...extras, blocks };
}

/** One sheet in row blocks of at most `budget` cells, one sync each. */
async function readInBlocks(o: Outline, caps: Capabilities, sync: () => Promise<void>, budget: number, withMerges: boolean): Promise<SheetRead> {
  const extras = queueExtras(o, caps, withMerges);
  const blocks: Block[] = [];
  const parts = blockRows(o, budget);
  if (parts.length === 0) await sync();
  for (const p of parts) {
    blocks.push(queueBlock(o, p.row0, p.rows));
    await sync();
  }
  return { ...extras, blocks };
}

/**
 * Read the sheets' contents so that no response exceeds Excel's payload limit: small sheets share a
 * sync, a sheet past `budget` cells is read in row blocks, a sync each. A sync Excel refuses for its
 * size is read again in smaller blocks; a sheet whose merged areas fail to read (more than 512 of
 * them) is read again without them and marked mergesUnread.
 */
export async function readSheets(
  outlines: Outline[],
  caps: Capabilities,
  sync: () => Promise<void>,
  /** Queues other loads to travel with the first read that succeeds (called before each attempt). */
  rider?: () => void,
  budget = CELLS_PER_READ,
): Promise<SheetRead[]> {
  let riding = !!rider;
  const plainSync = sync;
  sync = async () => {
    if (riding) rider!();
    await plainSync();
    riding = false;
  };
  const out = new Map<Outline, SheetRead>();
  const groups: Outline[][] = [];
  let current: Outline[] = [];
  let size = 0;
  for (const o of outlines) {
    const n = cellsOf(o);
    if (n > budget) {
      out.set(o, await readWithFallback(o, caps, sync, budget, null));
      continue;
    }
    if (current.length > 0 && size + n > budget) {
      groups.push(current);
      current = [];
      size = 0;
    }
    current.push(o);
    size += n;
  }
  if (current.length > 0) groups.push(current);
  if (groups.length === 0 && out.size === 0 && riding) await sync();

  for (const group of groups) {
    try {
      const reads = group.map((o) => queueWhole(o, caps, true));
      await sync();
      reads.forEach((r) => out.set(r.outline, r));
    } catch (e) {
      const code = errorCode(e);
      if (code === EDIT_MODE_CODE) throw e;
      // One sheet at a time, with the fallbacks for the payload limit and for merged areas.
      for (const o of group) out.set(o, await readWithFallback(o, caps, sync, budget, group.length > 1 ? null : code));
    }
  }
  return outlines.map((o) => out.get(o)!);
}

/** Read one sheet, in smaller blocks after a payload refusal, without merged areas after another error. */
async function readWithFallback(o: Outline, caps: Capabilities, sync: () => Promise<void>, budget: number, failedAlone: string | null): Promise<SheetRead> {
  let b = budget;
  let withMerges = caps.mergedAreas;
  if (failedAlone !== null) {
    // Read alone, the same failure would come again: go straight to its fallback.
    if (PAYLOAD_CODES.has(failedAlone)) b = Math.floor(budget / 4);
    else withMerges = false;
  }
  for (let attempt = 0; attempt < 8; attempt++) {
    try {
      return await readInBlocks(o, caps, sync, b, withMerges);
    } catch (e) {
      const code = errorCode(e);
      if (code === EDIT_MODE_CODE) throw e;
      if (PAYLOAD_CODES.has(code) && b > 100) b = Math.floor(b / 4);
      else if (withMerges) withMerges = false;
      else throw e;
    }
  }
  throw new Error("readWithFallback: no attempt succeeded");
}

/** Split a RangeAreas address ("S!A1:B2, 'x, y'!C3") into its A1 ranges, minding quoted sheet names. */
export function areasOf(address: string | undefined | null): string[] {
  if (!address) return [];
  const parts: string[] = [];
  let quoted = false;
  let current = "";
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === "," && !quoted) {
      parts.push(current);
      current = "";
    } else current += ch;
  }
  parts.push(current);
  return parts
    .map((p) => p.slice(p.lastIndexOf("!") + 1).replace(/\$/g, "").trim())
    .filter((p) => /^[A-Z]+\d+(:[A-Z]+\d+)?$/i.test(p));
}

function cellValue(v: unknown): CellValue {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "string") return v;
  return String(v);
}

/** The merged areas as read: the areas' own addresses (never RangeAreas.address, see above). */
function mergesOf(read: SheetRead): string[] {
  if (!read.merged || read.merged.isNullObject === true || !read.mergedItems) return [];
  return read.mergedItems.items.flatMap((r) => areasOf(r.address));
}

/** The cells that carry a threaded comment (bare A1 addresses). */
export function commentedCells(read: SheetRead): Set<string> {
  return new Set(read.commentCells.flatMap((r) => areasOf(r.address)).map((a) => a.toUpperCase()));
}

/** The snapshot the engine takes, from a read that has been synced (validated here, once). */
export function snapshotFromRead(read: SheetRead): SheetSnapshot {
  return validSnapshot(unvalidatedSnapshot(read));
}

function unvalidatedSnapshot(read: SheetRead): SheetSnapshot {
  const { sheet, used } = read.outline;
  const name = sheet.name;
  const protectedSheet = sheet.protection.protected === true;
  // Hidden or very hidden (a sheet the workbook hides is checked, and said to be hidden).
  const hidden = sheet.visibility !== undefined && sheet.visibility !== "Visible" ? { hidden: true } : {};
  const merges = mergesOf(read);
  if (used.isNullObject === true || read.blocks.length === 0) return { ...emptySnapshot(name), merges, protected: protectedSheet, ...hidden };
  const values: CellValue[][] = [];
  const text: string[][] = [];
  const numberFormats: string[][] = [];
  const formulas: Array<Array<string | null>> = [];
  for (const { range } of read.blocks) {
    const v = range.values;
    for (let i = 0; i < v.length; i++) {
      values.push(v[i].map(cellValue));
      text.push(range.text[i].map((t) => (typeof t === "string" ? t : String(t ?? ""))));
      numberFormats.push((range.numberFormat[i] as unknown[]).map((f) => (typeof f === "string" && f !== "" ? f : "General")));
      // Range.formulas gives the value where a cell has no formula, so a text that starts with "="
      // shows there too; a formula's value is its result, never its own text.
      formulas.push((range.formulas[i] as unknown[]).map((f, j) => (typeof f === "string" && f.startsWith("=") && f !== v[i]?.[j] ? f : null)));
    }
  }
  // A layout that does not hold together (a host's odd answer) is left out: the cells are read all the same.
  const read1 = read.layout ? layoutFromRead(read.layout, values) : undefined;
  const layout = read1 && validLayout(read1) ? read1 : undefined;
  return { name, origin: { row: used.rowIndex + 1, col: used.columnIndex + 1 }, values, text, numberFormats, formulas, merges, protected: protectedSheet, ...hidden, ...(layout ? { layout } : {}) };
}
