import { resolveSettings, type SettingsInput } from "../core/settings";
import { localTime, settingsWords } from "../core/settingsText";
import ExcelJS from "exceljs";
import { fitCell } from "../core/text";
import type { Finding } from "../core/rules/types";
import { codeTitle, SEVERITY_LABEL } from "../core/summary";
import { sheetShown, STATUS_LABEL, summaryRows, type CheckedFile, type SummaryRow } from "../core/summaryRows";

/**
 * The reviewer's summary workbook (`--summary 汇总.xlsx`): 汇总, one row per form sheet and per
 * unreadable file; 问题清单, one row per finding, errors first; 说明, when and how it was made.
 * Everything from the workbooks is written as text or a number, never as a formula.
 */

interface SummaryOptions {
  /** The link to a checked file from where the summary is saved (a relative path), or null for none. */
  linkOf: (file: string) => string | null;
  /** How the file is named in the summary (its path as given). */
  nameOf?: (file: string) => string;
  madeAt: Date;
  version: string;
  settings: Record<string, unknown>;
}

/** The form's own figures (表内) beside the computed ones (核算). */
const SUMMARY_HEADER = [
  "文件",
  "工作表",
  "表格类型",
  "项目名称",
  "主管部门 / 实施单位",
  "预算执行率%(核算)",
  "预算执行得分(表内)",
  "预算执行得分(核算)",
  "总分(表内)",
  "总分(核算)",
  "等级(表内)",
  "等级(核算)",
  "错误",
  "警告",
  "结论",
  "说明",
];
const STATUS_COLUMN = SUMMARY_HEADER.indexOf("结论") + 1;
const FINDINGS_HEADER = ["文件", "工作表", "单元格", "严重程度", "问题类型", "代码", "说明"];
const NEEDS_WORK = STATUS_LABEL["needs-work"].zh;
const NUMBER_COLUMNS = new Set([6, 7, 8, 9, 10]);

/** Columns wide enough for Chinese text: a CJK character takes two widths. */
function widthOf(v: unknown): number {
  const s = v === null || v === undefined ? "" : typeof v === "object" && "text" in (v as object) ? String((v as { text: string }).text) : String(v);
  let w = 0;
  for (const ch of s.split("\n")[0]) w += /[\u2e80-\uffff]/.test(ch) ? 2 : 1;
  return w;
}

/**
 * Each column as wide as its text, up to a cap; a long text (a file name, a message) wraps within its
 * column rather than widening the page: the sheet prints one page wide at a readable scale.
 */
function fitColumns(ws: ExcelJS.Worksheet, caps: Readonly<Record<number, number>> = {}): void {
  ws.columns.forEach((col, i) => {
    const cap = caps[i + 1] ?? 24;
    let max = 6;
    col.eachCell?.({ includeEmpty: false }, (cell) => {
      max = Math.max(max, widthOf(cell.value));
    });
    col.width = Math.min(cap, max + 2);
    if (max + 2 > cap) col.alignment = { wrapText: true, vertical: "top" };
  });
}

/**
 * On A4 landscape, one page wide (as many tall as it takes), the header row on every page, gridlines
 * printed, the page number and count at the foot: what a reviewer prints and files.
 */
function forPrint(ws: ExcelJS.Worksheet, title: string, orientation: "landscape" | "portrait" = "landscape", headerRow = true): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    ...(headerRow ? { printTitlesRow: "1:1" } : {}),
    showGridLines: true,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = { oddHeader: `&L&"-,Bold"${title}&R&D`, oddFooter: "&C第 &P 页，共 &N 页" };
}

function header(ws: ExcelJS.Worksheet, names: string[]): void {
  const row = ws.addRow(names);
  row.font = { bold: true };
  row.eachCell((c) => {
    c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
  });
  ws.views = [{ state: "frozen", ySplit: 1 }];
}

/** A text value as text (ExcelJS writes a string as a string, whatever it starts with), cut to fit a cell. */
const text = (s: string | null | undefined): string => fitCell(s ?? "");

export async function summaryWorkbook(files: readonly CheckedFile[], opts: SummaryOptions): Promise<Uint8Array> {
  return summaryWorkbookOf(summaryRows(files), opts);
}

/** The same from the rows (a batch keeps its rows, not its files' forms). */
export async function summaryWorkbookOf(rows: readonly SummaryRow[], opts: SummaryOptions): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "绩效自评助手 jixiao";
  wb.created = opts.madeAt;
  const name = opts.nameOf ?? ((f: string) => f);
  const fileCell = (file: string) => {
    const link = opts.linkOf(file);
    return link ? { text: fitCell(name(file)), hyperlink: link } : fitCell(name(file));
  };

  const sum = wb.addWorksheet("汇总");
  header(sum, SUMMARY_HEADER);
  const findings: Array<{ file: string; sheet: string; f: Finding }> = [];
  for (const r of rows) {
    sum.addRow([
      fileCell(r.file),
      text(sheetShown(r)),
      r.kind.zh,
      text(r.projectName),
      text(r.who),
      r.rate,
      r.budgetScore.stated,
      r.budgetScore.computed,
      r.total.stated,
      r.total.computed,
      text(r.grade.stated),
      text(r.grade.computed),
      r.errors,
      r.warnings,
      STATUS_LABEL[r.status].zh,
      text(r.message.zh),
    ]);
    for (const x of r.findings) findings.push({ file: r.file, sheet: sheetShown(r), f: x });
  }
  sum.eachRow((row, i) => {
    if (i === 1) return;
    for (const col of NUMBER_COLUMNS) row.getCell(col).numFmt = "0.00";
    const link = row.getCell(1);
    if (typeof link.value === "object" && link.value && "hyperlink" in link.value) link.font = { color: { argb: "FF0563C1" }, underline: true };
    if (row.getCell(STATUS_COLUMN).value === NEEDS_WORK || row.getCell(STATUS_COLUMN).value === STATUS_LABEL.unreadable.zh) {
      row.eachCell({ includeEmpty: true }, (c, n) => {
        if (n <= SUMMARY_HEADER.length) c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } };
      });
    }
  });
  sum.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, sum.rowCount), column: SUMMARY_HEADER.length } };
  fitColumns(sum, { 1: 30, 4: 28, 5: 20, 16: 40 });
  forPrint(sum, "绩效表检查汇总");

  const list = wb.addWorksheet("问题清单");
  header(list, FINDINGS_HEADER);
  const order = { error: 0, warning: 1, info: 2 } as const;
  findings.sort((a, b) => order[a.f.severity] - order[b.f.severity]);
  for (const x of findings) list.addRow([fileCell(x.file), text(x.sheet), x.f.cell, SEVERITY_LABEL[x.f.severity].zh, codeTitle(x.f.code).zh, x.f.code, text(x.f.message.zh)]);
  list.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, list.rowCount), column: FINDINGS_HEADER.length } };
  fitColumns(list, { 1: 30, 7: 60 });
  forPrint(list, "问题清单");

  const about = wb.addWorksheet("说明");
  about.addRow(["生成时间", localTime(opts.madeAt)]);
  about.addRow(["程序版本", `绩效自评助手 jixiao ${opts.version}`]);
  about.addRow(["文件数", new Set(rows.map((r) => r.file)).size]);
  about.addRow(["设置", settingsWords(resolveSettings(opts.settings as SettingsInput)).zh]);
  about.addRow(["说明", "“汇总”每个绩效表一行，无法读取的文件也各占一行；“问题清单”每个问题一行，错误在前。"]);
  // The same options for a program that reads this workbook back.
  about.addRow(["设置（机读）", JSON.stringify(opts.settings)]);
  about.getColumn(1).font = { bold: true };
  fitColumns(about, { 2: 70 });
  forPrint(about, "说明", "portrait", false);

  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
