import { rangeToA1 } from "../core/address";
import { emptySnapshot, type CellValue, type SheetSnapshot } from "../core/snapshot";
import type { Capabilities } from "./capabilities";
import { EDIT_MODE_CODE, errorCode } from "./messages";

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
  sheet.load("name, id");
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
  /** The merged areas could not be read (more than 512, or an error): check only, write nothing. */
  mergesUnread: boolean;
}

function cellsOf(o: Outline): number {
  return o.used.isNullObject === true ? 0 : o.used.rowCount * o.used.columnCount;
}

/** Queue the loads of one sheet, in row blocks of at most `budget` cells. */
function queueSheet(o: Outline, caps: Capabilities, budget: number, withMerges: boolean): SheetRead {
  const blocks: Block[] = [];
  if (o.used.isNullObject !== true) {
    const { rowIndex, columnIndex, rowCount, columnCount } = o.used;
    const step = Math.max(1, Math.floor(budget / Math.max(1, columnCount)));
    for (let r = 0; r < rowCount; r += step) {
      const rows = Math.min(step, rowCount - r);
      const ref = { top: rowIndex + r + 1, left: columnIndex + 1, bottom: rowIndex + r + rows, right: columnIndex + columnCount };
      const range = o.sheet.getRange(rangeToA1(ref));
      range.load("values, text, numberFormat, formulas");
      blocks.push({ row0: r, rows, range });
    }
  }
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
  return { outline: o, blocks, merged, mergedItems, commentCells, mergesUnread: caps.mergedAreas && !withMerges };
}

/**
 * Read the sheets' contents so that no response exceeds Excel's payload limit: small sheets share a
 * sync, a sheet past `budget` cells gets its row blocks in syncs of their own. A sheet whose merged
 * areas fail to read (more than 512 of them) is read again without them and marked mergesUnread.
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
  const groups: Outline[][] = [];
  let current: Outline[] = [];
  let size = 0;
  for (const o of outlines) {
    const n = cellsOf(o);
    if (current.length > 0 && size + n > budget) {
      groups.push(current);
      current = [];
      size = 0;
    }
    current.push(o);
    size += n;
  }
  if (current.length > 0) groups.push(current);
  if (groups.length === 0 && riding) await sync();

  const out = new Map<Outline, SheetRead>();
  for (const group of groups) {
    try {
      const reads = group.map((o) => queueSheet(o, caps, budget, true));
      await sync();
      reads.forEach((r) => out.set(r.outline, r));
    } catch (e) {
      const code = errorCode(e);
      if (code === EDIT_MODE_CODE) throw e;
      // One sheet at a time, with the fallbacks for the payload limit and for merged areas.
      for (const o of group) out.set(o, await readOne(o, caps, sync, budget, code, group.length > 1));
    }
  }
  return outlines.map((o) => out.get(o)!);
}

async function readOne(o: Outline, caps: Capabilities, sync: () => Promise<void>, budget: number, firstCode: string, sharedSync: boolean): Promise<SheetRead> {
  const payload = PAYLOAD_CODES.has(firstCode);
  let b = payload ? Math.floor(budget / 4) : budget;
  // Read alone, the same failure would come again: go straight to the fallback.
  let withMerges = caps.mergedAreas && (payload || sharedSync);
  for (let attempt = 0; attempt < 6; attempt++) {
    const read = queueSheet(o, caps, b, withMerges);
    try {
      await sync();
      return read;
    } catch (e) {
      const code = errorCode(e);
      if (code === EDIT_MODE_CODE) throw e;
      if (PAYLOAD_CODES.has(code) && b > 100) b = Math.floor(b / 4);
      else if (withMerges) withMerges = false;
      else throw e;
    }
  }
  throw new Error("readOne: no attempt succeeded");
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
export function mergesOf(read: SheetRead): string[] {
  if (!read.merged || read.merged.isNullObject === true || !read.mergedItems) return [];
  return read.mergedItems.items.flatMap((r) => areasOf(r.address));
}

/** The cells that carry a threaded comment (bare A1 addresses). */
export function commentedCells(read: SheetRead): Set<string> {
  return new Set(read.commentCells.flatMap((r) => areasOf(r.address)).map((a) => a.toUpperCase()));
}

/** The snapshot the engine takes, from a read that has been synced. */
export function snapshotFromRead(read: SheetRead): SheetSnapshot {
  const { sheet, used } = read.outline;
  const name = sheet.name;
  const protectedSheet = sheet.protection.protected === true;
  const merges = mergesOf(read);
  if (used.isNullObject === true || read.blocks.length === 0) return { ...emptySnapshot(name), merges, protected: protectedSheet };
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
  return { name, origin: { row: used.rowIndex + 1, col: used.columnIndex + 1 }, values, text, numberFormats, formulas, merges, protected: protectedSheet };
}
