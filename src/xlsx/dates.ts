/** Dates as Office.js gives them, shared by the .xlsx readers (no ExcelJS here). */

/** Day 0 of Excel's 1900 date system (serial 1 is 1900-01-01, counting Excel's 1900-02-29). */
export const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** Office.js gives a date as its serial number (formatted by the cell's number format). */
function dateSerial(d: Date): number {
  return (d.getTime() - EXCEL_EPOCH) / 86_400_000;
}

/**
 * What Excel shows for a date it cannot display: a number of 1e8 or more in a date-formatted cell is
 * beyond 9999-12-31 (ExcelJS makes an Invalid Date of it).
 */
export const BAD_DATE = "########";

/** A date as a snapshot holds it: its serial and the text shown (BAD_DATE for one Excel cannot show). */
export function dateCell(d: Date): { value: number | string; text: string } {
  if (Number.isNaN(d.getTime())) return { value: BAD_DATE, text: BAD_DATE };
  return { value: dateSerial(d), text: d.toISOString().slice(0, 10) };
}
