// Every text the task pane shows, in both languages. Same keys in both tables (a test checks it);
// `{name}` placeholders are filled by `format`. Messages that come from the engine (findings, form
// kinds, the submit status) carry their own zh/en and are picked with `pick`.
import type { Message } from "../core/rules/types";

export type Locale = "zh-CN" | "en-US";

const zhCN = {
  appTitle: "绩效自评助手",
  appIntro: "检查绩效自评表，按规则填写得分并标出需要修改的单元格。",

  actionsLabel: "操作",
  check: "检查",
  fill: "填写得分与说明草稿",
  clear: "清除标记",
  fillHint: "填写只写入空白单元格，不改动已填的内容和公式；说明草稿以【待补充原因】开头，请补上真实原因。",
  scopeLabel: "范围",
  scopeActive: "当前工作表",
  scopeAll: "全部工作表",
  busyCheck: "正在检查…",
  busyFill: "正在填写…",
  busyClear: "正在清除标记…",

  errorTitle: "操作未完成",
  actionFailed: "操作未完成：{detail}",
  selectFailed: "无法选中单元格 {cell}：{detail}",
  unknownError: "未知错误",

  checkDone: "检查完成：{sheets} 个绩效表，错误 {errors} 个，警告 {warnings} 个。",
  recheckDone: "已重新检查：错误 {errors} 个，警告 {warnings} 个。",
  readDone: "已读取：{sheets} 个绩效表，错误 {errors} 个，警告 {warnings} 个。表格未作改动；点「检查」在表中标出。",
  rereadDone: "已重新读取：错误 {errors} 个，警告 {warnings} 个（表格未作改动）。",
  checkUnchanged: "检查完成：{sheets} 个绩效表，错误 {errors} 个，警告 {warnings} 个；表中标记无需改动，未写入任何内容。",
  liveLabel: "边改边查（只读取，不改动表格）",
  liveHintKeeps: "修改表格后自动重新检查，结果只显示在此处。",
  liveHintClears: "此版本的 Excel（ExcelApi 1.20 以下）中，开启后 Excel 会清空撤销记录（Ctrl+Z 无法撤销之前的编辑），因此默认关闭。",
  fillDone: "已填写 {n} 个单元格；填写后还有错误 {errors} 个，警告 {warnings} 个。",
  fillNothing: "没有需要填写的空白单元格。",
  clearDone: "已清除本助手添加的标记和批注。",
  selected: "已选中单元格 {cell}。",
  notChecked: "尚未检查。点「检查」开始。",
  noForm: "没有找到绩效表。请切换到绩效自评表或绩效目标表所在的工作表，再点「检查」。",
  skipped: "不是绩效表，已跳过：{names}",
  listSeparator: "、",

  resultsLabel: "检查结果",
  crossCheckTitle: "与绩效目标表对照",
  crossCheckSheet: "工作表「{name}」：{n} 处差异",
  sheetTitle: "工作表「{name}」",
  hiddenSheet: "（隐藏）",
  formKind: "表格类型",
  budgetRate: "预算执行率",
  budgetScore: "预算执行得分",
  total: "总分",
  grade: "评分等级",
  notComputed: "无法计算",
  countsLabel: "问题数量",
  countError: "错误 {n}",
  countWarning: "警告 {n}",
  countInfo: "提示 {n}",

  findingsLabel: "「{name}」的问题清单",
  groupError: "错误（{n}）",
  groupWarning: "警告（{n}）",
  groupInfo: "提示（{n}）",
  groupPrint: "打印检查（盖章前，{n}）",
  rowLabel: "第 {row} 行",
  rowLabelNamed: "第 {row} 行 · {name}",
  findingAria: "{severity}，单元格 {cell}：{message} 按回车键在表格中选中该单元格。",
  findingFillHint: "可用“填写得分与说明草稿”自动填入。",
  noFindings: "未发现问题。",

  writtenTitle: "已填写 {n} 个单元格",
  writtenNone: "没有需要填写的空白单元格。",

  settingsTitle: "规则设置",
  settingsNote: "设置保存在本机；修改后会自动重新检查。",
  roundingLabel: "取舍方式",
  roundingHint: "预算执行率和得分保留两位小数时如何处理第三位。",
  roundingTruncate: "截位（默认，与 2023 年上海市大数据中心自评表一致）",
  roundingHalfUp: "四舍五入",
  roundingUp: "向上进位",
  reverseLabel: "反向指标计分",
  reverseHint: "越低越好的指标（≤、<）没有完成时的得分公式。",
  reverseRatio: "分值×指标值/实际值（默认）",
  reverseDeviation: "分值×(1−偏离度)",
  thresholdLabel: "超额完成需说明的幅度",
  thresholdHint: "实际值超过“≥”目标达到这个幅度时，需要在偏差原因分析中说明。默认 50%。",
  thresholdInvalid: "请输入 0 或更大的数字。",
  crossLabel: "与绩效目标表的差异",
  crossHint: "同时检查同一项目的绩效目标表和自评表时，指标值改动、指标增减按此严重程度报告。",
  crossWarning: "警告（默认）",
  crossError: "错误",
  printCheckLabel: "打印检查（盖章前）",
  printCheckHint: "打印区域、横向分页、表头重复、文字截断、隐藏的行列、残留的草稿标记。",
  printCheckNotice: "提示（默认）",
  printCheckWarning: "警告",
  printCheckOff: "不检查",
  plausibilityLabel: "合理性提示（阈值未经确认，默认不做）",
  plausibilityHint: "预算执行率低于 60% 而指标得分率达 95% 以上、执行率低于 80% 却评为“优”时提示。",
  settingsReset: "恢复默认设置",
};

export type StringKey = keyof typeof zhCN;

const enUS: Record<StringKey, string> = {
  appTitle: "Performance self-evaluation helper",
  appIntro: "Checks the performance self-evaluation form, fills in scores by the rules and marks the cells to correct.",

  actionsLabel: "Actions",
  check: "Check",
  fill: "Fill scores and draft notes",
  clear: "Clear marks",
  fillHint: "Filling writes only into empty cells and never changes a typed value or a formula; draft notes start with 【待补充原因】 — replace them with the real cause.",
  scopeLabel: "Scope",
  scopeActive: "Active sheet",
  scopeAll: "All sheets",
  busyCheck: "Checking…",
  busyFill: "Filling…",
  busyClear: "Clearing marks…",

  errorTitle: "Not done",
  actionFailed: "The action did not complete: {detail}",
  selectFailed: "Cannot select cell {cell}: {detail}",
  unknownError: "unknown error",

  checkDone: "Checked: {sheets} performance form(s), {errors} error(s), {warnings} warning(s).",
  recheckDone: "Checked again: {errors} error(s), {warnings} warning(s).",
  readDone: "Read: {sheets} performance form(s), {errors} error(s), {warnings} warning(s). Nothing in the sheet was changed; Check marks them in the sheet.",
  rereadDone: "Read again: {errors} error(s), {warnings} warning(s) (nothing in the sheet changed).",
  checkUnchanged: "Checked: {sheets} performance form(s), {errors} error(s), {warnings} warning(s); the marks in the sheet were up to date, nothing was written.",
  liveLabel: "Check as I edit (reads only, never changes the sheet)",
  liveHintKeeps: "Checks again after each edit; the results show here only.",
  liveHintClears: "In this version of Excel (below ExcelApi 1.20) turning this on makes Excel clear its undo history (Ctrl+Z can no longer undo earlier edits), so it is off by default.",
  fillDone: "Filled {n} cell(s); {errors} error(s) and {warnings} warning(s) remain.",
  fillNothing: "No empty cells needed filling.",
  clearDone: "The marks and notes added by this helper were cleared.",
  selected: "Cell {cell} selected.",
  notChecked: "Not checked yet. Click Check to start.",
  noForm: "No performance form found. Switch to the sheet holding the self-evaluation or target form and click Check.",
  skipped: "Not a performance form, skipped: {names}",
  listSeparator: ", ",

  resultsLabel: "Results",
  crossCheckTitle: "Against the declared targets",
  crossCheckSheet: "Sheet \"{name}\": {n} difference(s)",
  sheetTitle: "Sheet \"{name}\"",
  hiddenSheet: " (hidden)",
  formKind: "Form",
  budgetRate: "Budget execution rate",
  budgetScore: "Budget execution score",
  total: "Total",
  grade: "Grade",
  notComputed: "cannot be computed",
  countsLabel: "Number of findings",
  countError: "{n} error(s)",
  countWarning: "{n} warning(s)",
  countInfo: "{n} notice(s)",

  findingsLabel: "Findings on \"{name}\"",
  groupError: "Errors ({n})",
  groupWarning: "Warnings ({n})",
  groupInfo: "Notices ({n})",
  groupPrint: "Print check before stamping ({n})",
  rowLabel: "Row {row}",
  rowLabelNamed: "Row {row} · {name}",
  findingAria: "{severity} at cell {cell}: {message} Press Enter to select the cell in the sheet.",
  findingFillHint: " “Fill scores and draft notes” writes it.",
  noFindings: "No problems found.",

  writtenTitle: "Filled {n} cell(s)",
  writtenNone: "No empty cells needed filling.",

  settingsTitle: "Rule settings",
  settingsNote: "Settings are saved on this computer; changing one checks again.",
  roundingLabel: "Rounding",
  roundingHint: "How rates and scores are cut to two decimals.",
  roundingTruncate: "Truncate (default, as the 2023 Shanghai Big Data Center forms)",
  roundingHalfUp: "Round half up",
  roundingUp: "Round up",
  reverseLabel: "Lower-is-better indicators",
  reverseHint: "The score of a lower-is-better indicator (≤, <) that was not met.",
  reverseRatio: "weight × target / actual (default)",
  reverseDeviation: "weight × (1 − deviation)",
  thresholdLabel: "Over-achievement needing an explanation",
  thresholdHint: "An actual this far or more above a “≥” target needs an explanation. Default 50%.",
  thresholdInvalid: "Enter a number of 0 or more.",
  crossLabel: "Differences from the target declaration",
  crossHint: "When a target declaration and the self-evaluation of the same project are checked together, changed targets and added or removed indicators are reported at this severity.",
  crossWarning: "Warning (default)",
  crossError: "Error",
  printCheckLabel: "Print check before stamping",
  printCheckHint: "Print area, pages across, repeated header, text cut, hidden rows and columns, draft markers left.",
  printCheckNotice: "Notices (default)",
  printCheckWarning: "Warnings",
  printCheckOff: "Off",
  plausibilityLabel: "Plausibility warnings (unconfirmed thresholds, off by default)",
  plausibilityHint: "Warns when indicators score 95% or more while the execution rate is below 60%, and when the top grade goes with a rate below 80%.",
  settingsReset: "Restore defaults",
};

export const STRINGS: Record<Locale, Record<StringKey, string>> = { "zh-CN": zhCN, "en-US": enUS };

type Vars = Record<string, string | number>;

/** Fill `{name}` placeholders; a missing variable is left visible rather than printing "undefined". */
export function format(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function pick(locale: Locale, m: Message): string {
  return locale === "zh-CN" ? m.zh : m.en;
}

/** The same text in both languages, e.g. for an error kept across a language switch. */
export function message(key: StringKey, vars?: Vars): Message {
  return { zh: format(STRINGS["zh-CN"][key], vars), en: format(STRINGS["en-US"][key], vars) };
}

export interface Translator {
  locale: Locale;
  t(key: StringKey, vars?: Vars): string;
  m(msg: Message): string;
}

/** A translator over any pair of tables with the same keys (the pane's, the web checker's). */
export function tablesTranslator<K extends string>(tables: Record<Locale, Record<K, string>>, locale: Locale) {
  const table = tables[locale];
  return {
    locale,
    t: (key: K, vars?: Vars) => format(table[key], vars),
    m: (msg: Message) => pick(locale, msg),
  };
}

export function translator(locale: Locale): Translator {
  return tablesTranslator(STRINGS, locale);
}
