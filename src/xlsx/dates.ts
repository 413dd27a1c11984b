/** Dates as Office.js gives them, shared by the .xlsx readers (no ExcelJS here). */
import { HASH_MARKS, dateShown, isDateFormat } from "../core/numberFormat";

/** Day 0 of Excel's 1900 date system (serial 1 is 1900-01-01, counting Excel's 1900-02-29). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** Office.js gives a date as its serial number (formatted by the cell's number format). */
function dateSerial(d: Date): number {
  return (d.getTime() - EXCEL_EPOCH) / 86_400_000;
}

/**
 * A date as a snapshot holds it: its serial and the text a zh-CN Excel shows in the cell's format
 * (2023年12月31日, 2023/12/31), HASH_MARKS for one Excel cannot show. A date given without a date format
 * (an ISO date typed `t="d"` in a General cell) shows as its ISO date.
 */
export function dateCell(d: Date, format: string | undefined): { value: number | string; text: string } {
  if (Number.isNaN(d.getTime())) return { value: HASH_MARKS, text: HASH_MARKS };
  const serial = dateSerial(d);
  return { value: serial, text: dateShown(serial, format !== undefined && isDateFormat(format) ? format : "yyyy-mm-dd") };
}

/**
 * The built-in short date and date-time (ids 14 and 22) as a Chinese Excel shows them, where ExcelJS
 * or SheetJS give their English codes (mm-dd-yy, m/d/yy): 2023/12/31, as the package reader reads them.
 */
const ZH_CN_DATES: Record<string, string> = { "mm-dd-yy": "yyyy/m/d", "m/d/yy": "yyyy/m/d", 'm/d/yy "h":mm': "yyyy/m/d h:mm", "m/d/yy h:mm": "yyyy/m/d h:mm" };

/** A format code a library gave for a built-in date, as a Chinese Excel shows it; any other as it is. */
export function zhCnDate(format: string): string {
  return ZH_CN_DATES[format] ?? format;
}
