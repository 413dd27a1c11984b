import ExcelJS from "exceljs";

/** One ExcelJS cell as Office.js would report it. Shared by the .xlsx adapter and the emulator. */
export type Scalar = string | number | boolean | null;

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** Office.js gives a date as its serial number (formatted by the cell's number format). */
export function dateSerial(d: Date): number {
  return (d.getTime() - EXCEL_EPOCH) / 86_400_000;
}

/**
 * What Excel shows for a date it cannot display: a number of 1e8 or more in a date-formatted cell is
 * beyond 9999-12-31 (ExcelJS makes an Invalid Date of it).
 */
export const BAD_DATE = "########";

const validDate = (d: Date) => !Number.isNaN(d.getTime());

export function scalarOf(v: unknown): Scalar {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return validDate(v) ? dateSerial(v) : BAD_DATE;
  const o = v as Record<string, unknown>;
  if (Array.isArray(o.richText)) return (o.richText as Array<{ text: string }>).map((r) => r.text).join("");
  if ("error" in o) return String(o.error);
  if ("text" in o) return String(o.text);
  if ("result" in o) return scalarOf(o.result);
  return null;
}

export interface CellRead {
  value: Scalar;
  formula: string | null;
  numberFormat: string;
  /** Set for dates: the text Excel would show for them, which formatNumber does not render. */
  dateText?: string;
}

/** A merged cell other than the top-left reads empty, as in Excel; a formula gives its cached result. */
export function readCell(cell: ExcelJS.Cell): CellRead {
  const numberFormat = cell.numFmt || "General";
  if (cell.type === ExcelJS.ValueType.Merge) return { value: null, formula: null, numberFormat };
  const raw = cell.type === ExcelJS.ValueType.Formula ? (cell.value as { result?: unknown }).result : cell.value;
  const formula = cell.type === ExcelJS.ValueType.Formula && cell.formula ? `=${cell.formula}` : null;
  const value = scalarOf(raw);
  return {
    value: value === "" ? null : value,
    formula,
    numberFormat,
    ...(raw instanceof Date ? { dateText: validDate(raw) ? raw.toISOString().slice(0, 10) : BAD_DATE } : {}),
  };
}

export function noteText(cell: ExcelJS.Cell): string {
  const n = cell.note as unknown;
  if (!n) return "";
  if (typeof n === "string") return n;
  const texts = (n as { texts?: Array<{ text: string }> }).texts;
  return texts ? texts.map((t) => t.text).join("") : "";
}

/**
 * The merged areas of a sheet ("A1:H1"). Read from ExcelJS's own map: `worksheet.model` would build
 * a model of every cell of the sheet just to hand back this list.
 */
export function mergedRanges(ws: ExcelJS.Worksheet): string[] {
  const merges = (ws as unknown as { _merges?: Record<string, { range: string } | undefined> })._merges;
  if (merges) return Object.values(merges).flatMap((m) => (m ? [m.range] : []));
  return [...((ws.model as unknown as { merges?: string[] }).merges ?? [])];
}
