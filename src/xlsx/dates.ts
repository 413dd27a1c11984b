/** Dates as Office.js gives them, shared by the .xlsx readers (no ExcelJS here). */

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
