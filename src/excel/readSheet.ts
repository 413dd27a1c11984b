import { emptySnapshot, type CellValue, type SheetSnapshot } from "../core/snapshot";
import type { Capabilities } from "./capabilities";

/** The proxies one sheet's read loads; nothing here is synced. */
export interface SheetRead {
  sheet: Excel.Worksheet;
  used: Excel.Range;
  merged: Excel.RangeAreas | null;
}

/**
 * Queue the loads for one sheet: its used range (values, text, number formats, formulas, where it
 * starts), its merged areas (ExcelApi 1.13) and its protection. Call it for every sheet, then sync
 * once: reading any number of sheets costs one round trip.
 */
export function queueSheetRead(sheet: Excel.Worksheet, caps: Pick<Capabilities, "usedRangeOrNull" | "mergedAreas">): SheetRead {
  sheet.load("name, id");
  sheet.protection.load("protected");
  // Values only: a sheet whose whole columns carry a format would otherwise read a million rows.
  // Merged areas are asked of the whole sheet below, so blank merged cells are not lost.
  const used = caps.usedRangeOrNull ? sheet.getUsedRangeOrNullObject(true) : sheet.getUsedRange(true);
  used.load("address, rowIndex, columnIndex, values, text, numberFormat, formulas");
  // Asked of the whole sheet, not of the used range: that range may be a null object, and only the
  // areas whose top-left cell lies in the range asked about come back.
  const merged = caps.mergedAreas ? sheet.getRange().getMergedAreasOrNullObject() : null;
  merged?.load("address");
  return { sheet, used, merged };
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

/** The snapshot the engine takes, from a read that has been synced. */
export function snapshotFromRead(read: SheetRead): SheetSnapshot {
  const name = read.sheet.name;
  const protectedSheet = read.sheet.protection.protected === true;
  const merges = read.merged && read.merged.isNullObject !== true ? areasOf(read.merged.address) : [];
  const used = read.used;
  if (used.isNullObject === true) return { ...emptySnapshot(name), merges, protected: protectedSheet };
  return {
    name,
    origin: { row: used.rowIndex + 1, col: used.columnIndex + 1 },
    values: used.values.map((row) => row.map(cellValue)),
    text: used.text.map((row) => row.map((t) => (typeof t === "string" ? t : String(t ?? "")))),
    numberFormats: used.numberFormat.map((row) => row.map((f) => (typeof f === "string" && f !== "" ? f : "General"))),
    // Range.formulas gives the value where a cell has no formula, so a text that starts with "="
    // shows there too; a formula's value is its result, never its own text.
    formulas: used.formulas.map((row, i) => row.map((f, j) => (typeof f === "string" && f.startsWith("=") && f !== used.values[i]?.[j] ? f : null))),
    merges,
    protected: protectedSheet,
  };
}
