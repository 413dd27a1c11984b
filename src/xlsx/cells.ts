import ExcelJS from "exceljs";
import { dateCell, zhCnDate } from "./dates";

/** One ExcelJS cell as Office.js would report it. Shared by the .xlsx adapter and the emulator. */
export type Scalar = string | number | boolean | null;

function scalarOf(v: unknown): Scalar {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return dateCell(v, undefined).value;
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
  /** Set for dates: the text a zh-CN Excel shows for them in their format (dateShown). */
  dateText?: string;
}

/** A merged cell other than the top-left reads empty, as in Excel; a formula gives its cached result. */
export function readCell(cell: ExcelJS.Cell): CellRead {
  const numberFormat = (cell.numFmt && zhCnDate(cell.numFmt)) || "General";
  if (cell.type === ExcelJS.ValueType.Merge) return { value: null, formula: null, numberFormat };
  const raw = cell.type === ExcelJS.ValueType.Formula ? (cell.value as { result?: unknown }).result : cell.value;
  const formula = cell.type === ExcelJS.ValueType.Formula && cell.formula ? `=${cell.formula}` : null;
  const value = scalarOf(raw);
  return {
    value: value === "" ? null : value,
    formula,
    numberFormat,
    ...(raw instanceof Date ? { dateText: dateCell(raw, numberFormat).text } : {}),
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
