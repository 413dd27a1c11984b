// Every text the web checker shows, in both languages (same keys in both tables; a test checks it).
// Messages from the engine (findings, form kinds, the status) carry their own zh/en.
import type { Message } from "../core/rules/types";
import { format, pick, type Locale, type Vars } from "../taskpane/strings";

export type { Locale } from "../taskpane/strings";

const zhCN = {
  appTitle: "绩效自评表在线检查（离线版）",
  appIntro: "在浏览器中检查绩效自评表和绩效目标表：文件不上传，不离开本机。检查规则与 Excel 加载项、jixiao 命令相同。",
  language: "English",
  languageLabel: "切换为英文界面",
  pickFiles: "选择文件",
  pickFolder: "选择文件夹",
  dropHere: "把工作簿或文件夹拖到这里，或",
  accepted: "支持 .xlsx、.xlsm、.xls、.ods、.et；可一次选择多个文件。",
  checking: "正在检查：{done} / {total}",
  checked: "已检查 {files} 个文件：{sheets} 个绩效表，{ready} 个可以提交，{work} 个需修改。",
  skipped: "不是工作簿，已跳过：{names}",
  nothingYet: "尚未选择文件。",
  resultsCaption: "检查结果（每个绩效表一行）",
  colFile: "文件",
  colSheet: "工作表",
  colKind: "表格类型",
  colProject: "项目名称",
  colWho: "主管部门 / 实施单位",
  colRate: "预算执行率(%)",
  colBudgetScore: "预算执行得分",
  colTotal: "总分",
  colGrade: "等级",
  colErrors: "错误",
  colWarnings: "警告",
  colStatus: "结论",
  colActions: "操作",
  showFindings: "查看问题（{n}）",
  hideFindings: "收起问题",
  noFindings: "未发现问题",
  findingsOf: "{file}「{sheet}」的问题",
  cell: "单元格",
  severity: "严重程度",
  code: "代码",
  description: "说明",
  downloadFilled: "下载已填写副本",
  downloadFilledLabel: "下载 {file} 的已填写副本",
  downloadSummary: "下载汇总表",
  filling: "正在生成副本…",
  filledNote: "已生成 {name}：写入 {n} 个单元格。",
  fillNothing: "{file} 没有需要填写的空白单元格；副本只带检查标记。",
  summaryDone: "已生成汇总表 {name}。",
  clearList: "清空列表",
  failed: "未完成：{detail}",
  privacy: "本页面不联网：所有检查在本机浏览器中完成，文件不会发送到任何服务器。",
  fillHint: "可用“下载已填写副本”自动填入。",
};

type StringKey = keyof typeof zhCN;

const enUS: Record<StringKey, string> = {
  appTitle: "Performance form checker (offline)",
  appIntro: "Checks performance self-evaluations and target forms in the browser: files are not uploaded and never leave this computer. Same rules as the Excel add-in and the jixiao command.",
  language: "中文",
  languageLabel: "Switch to Chinese",
  pickFiles: "Choose files",
  pickFolder: "Choose a folder",
  dropHere: "Drop workbooks or a folder here, or",
  accepted: ".xlsx, .xlsm, .xls, .ods and .et; several files at once.",
  checking: "Checking: {done} / {total}",
  checked: "{files} file(s) checked: {sheets} form(s), {ready} ready to submit, {work} needing work.",
  skipped: "Not workbooks, skipped: {names}",
  nothingYet: "No files chosen yet.",
  resultsCaption: "Results (one row per form sheet)",
  colFile: "File",
  colSheet: "Sheet",
  colKind: "Form",
  colProject: "Project",
  colWho: "Department / unit",
  colRate: "Execution rate (%)",
  colBudgetScore: "Budget score",
  colTotal: "Total",
  colGrade: "Grade",
  colErrors: "Errors",
  colWarnings: "Warnings",
  colStatus: "Status",
  colActions: "Actions",
  showFindings: "Show findings ({n})",
  hideFindings: "Hide findings",
  noFindings: "No problems found",
  findingsOf: "Findings of {file}, sheet {sheet}",
  cell: "Cell",
  severity: "Severity",
  code: "Code",
  description: "Description",
  downloadFilled: "Download filled copy",
  downloadFilledLabel: "Download the filled copy of {file}",
  downloadSummary: "Download summary workbook",
  filling: "Making the copy…",
  filledNote: "{name} made: {n} cell(s) written.",
  fillNothing: "{file} has no blank cell to fill; the copy carries the marks only.",
  summaryDone: "Summary workbook {name} made.",
  clearList: "Clear the list",
  failed: "Not done: {detail}",
  privacy: "This page works offline: everything is checked in this browser, and no file is sent to any server.",
  fillHint: " “Download filled copy” fills it in.",
};

export const WEB_STRINGS: Record<Locale, Record<StringKey, string>> = { "zh-CN": zhCN, "en-US": enUS };

export interface WebTranslator {
  locale: Locale;
  t(key: StringKey, vars?: Vars): string;
  m(msg: Message): string;
}

export function webTranslator(locale: Locale): WebTranslator {
  const table = WEB_STRINGS[locale];
  return { locale, t: (key, vars) => format(table[key], vars), m: (msg) => pick(locale, msg) };
}
