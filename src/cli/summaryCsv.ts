import { countBySeverity } from "../core/engine";
import { KIND_LABEL, statusOf } from "../core/summary";
import type { FileResult } from "../xlsx/checkWorkbook";

const HEADER = ["文件", "工作表", "表格类型", "预算执行率(%)", "预算执行得分", "总分", "评分等级", "错误", "警告", "结论", "说明"];

/**
 * A text field that a spreadsheet would run as a formula (it starts with = + - @, a tab or a CR) is
 * neutralised with a leading apostrophe, as the OWASP guidance on CSV injection says; file and sheet
 * names come from the people who send the workbooks.
 */
export function neutralise(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

function cell(v: string | number | null | undefined): string {
  const s = v === null || v === undefined ? "" : typeof v === "number" ? v.toFixed(2) : neutralise(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * One row per sheet, for the reviewer with a hundred workbooks: a CSV that Excel opens in Chinese
 * (UTF-8 with a byte-order mark) and can sort and filter.
 */
export function summaryCsv(files: FileResult[]): string {
  const rows: Array<Array<string | number | null>> = [HEADER];
  for (const f of files) {
    if (f.error) {
      rows.push([f.file, "", "", null, null, null, "", "", "", "无法读取", f.error.zh]);
      continue;
    }
    if (!f.sheets.some((s) => s.kind !== "none")) {
      // Every input has its row: a workbook with no form says so.
      rows.push([f.file, f.sheets.map((s) => s.sheet).join("、"), "无绩效表", null, null, null, "", "", "", "无绩效表", "未找到绩效自评表或绩效目标表。"]);
      continue;
    }
    for (const s of f.sheets) {
      if (s.kind === "none") continue;
      const c = countBySeverity(s.findings);
      const st = statusOf(s);
      rows.push([
        f.file,
        s.sheet,
        KIND_LABEL[s.kind].zh,
        s.figures?.budget?.rate ?? s.figures?.legacyRate ?? null,
        s.figures?.budget?.score ?? null,
        s.figures?.total ?? null,
        s.figures?.grade ?? "",
        String(c.error),
        String(c.warning),
        st.ready ? "可以提交" : "需修改",
        st.message.zh,
      ]);
    }
  }
  return `\ufeff${rows.map((r) => r.map(cell).join(",")).join("\r\n")}\r\n`;
}
