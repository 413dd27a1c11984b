import { fitCell } from "../core/text";
import { sheetShown, STATUS_LABEL, summaryRows, type CheckedFile, type SummaryRow } from "../core/summaryRows";

/** The form's own figures (表内) beside the computed ones (核算): a blank 表内 cell is a blank on the form. */
export const CSV_HEADER = ["文件", "工作表", "表格类型", "项目名称", "主管部门 / 实施单位", "预算执行率%(核算)", "预算执行得分(表内)", "预算执行得分(核算)", "总分(表内)", "总分(核算)", "等级(表内)", "等级(核算)", "错误", "警告", "结论", "说明"];

/** The header of the summaries earlier versions wrote (one figure each): still this command's own. */
export const EARLIER_CSV_HEADERS = [
  ["文件", "工作表", "表格类型", "预算执行率(%)", "预算执行得分", "总分", "评分等级", "错误", "警告", "结论", "说明"],
  ["文件", "工作表", "表格类型", "预算执行率%(核算)", "预算执行得分(表内)", "预算执行得分(核算)", "总分(表内)", "总分(核算)", "等级(表内)", "等级(核算)", "错误", "警告", "结论", "说明"],
];

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
  return summaryCsvOf(summaryRows(files));
}

/** The same from the rows (a batch keeps its rows, not its files' forms). */
export function summaryCsvOf(summary: readonly SummaryRow[]): string {
  const rows: Array<Array<string | number | null>> = [CSV_HEADER];
  for (const r of summary) {
    const count = (n: number | null) => (n === null ? "" : String(n));
    rows.push([
      r.file,
      sheetShown(r),
      r.kind.zh,
      r.projectName,
      r.who,
      r.rate,
      r.budgetScore.stated,
      r.budgetScore.computed,
      r.total.stated,
      r.total.computed,
      r.grade.stated,
      r.grade.computed,
      count(r.errors),
      count(r.warnings),
      STATUS_LABEL[r.status].zh,
      r.message.zh,
    ]);
  }
  return `\ufeff${rows.map((r) => r.map(cell).join(",")).join("\r\n")}\r\n`;
}
