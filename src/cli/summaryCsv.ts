import { fitCell } from "../core/text";
import { STATUS_LABEL, summaryRows, type CheckedFile } from "../core/summaryRows";

export const CSV_HEADER = ["文件", "工作表", "表格类型", "预算执行率(%)", "预算执行得分", "总分", "评分等级", "错误", "警告", "结论", "说明"];

/**
 * A text field that a spreadsheet would run as a formula (it starts with = + - @, a tab or a CR) is
 * neutralised with a leading apostrophe, as the OWASP guidance on CSV injection says; file and sheet
 * names come from the people who send the workbooks.
 */
export function neutralise(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

function cell(v: string | number | null | undefined): string {
  const s = v === null || v === undefined ? "" : typeof v === "number" ? v.toFixed(2) : neutralise(fitCell(v));
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * One row per sheet, for the reviewer with a hundred workbooks: a CSV that Excel opens in Chinese
 * (UTF-8 with a byte-order mark) and can sort and filter.
 */
export function summaryCsv(files: readonly CheckedFile[]): string {
  const rows: Array<Array<string | number | null>> = [CSV_HEADER];
  for (const r of summaryRows(files)) {
    const count = (n: number | null) => (n === null ? "" : String(n));
    rows.push([r.file, r.sheet, r.kind.zh, r.rate, r.budgetScore, r.total, r.grade, count(r.errors), count(r.warnings), STATUS_LABEL[r.status].zh, r.message.zh]);
  }
  return `\ufeff${rows.map((r) => r.map(cell).join(",")).join("\r\n")}\r\n`;
}
