import type { Message } from "../core/rules/types";

/** What the add-in tells the user when an action could not do its job. */

export function protectedSheets(names: string[]): Message {
  const zh = names.map((n) => `“${n}”`).join("、");
  const en = names.map((n) => `“${n}”`).join(", ");
  return {
    zh: `工作表${zh}受保护，未在其中做任何修改。请先撤销工作表保护（审阅 → 撤销工作表保护），再重试。`,
    en: `Sheet ${en} is protected; nothing was changed on it. Unprotect it (Review → Unprotect Sheet) and try again.`,
  };
}

export const MARKS_UNSUPPORTED: Message = {
  zh: "此版本的 Excel 不支持条件格式（需要 ExcelApi 1.6），无法在表中标记或清除标记；检查结果见任务窗格。",
  en: "This version of Excel has no conditional formats (ExcelApi 1.6 is needed), so marks cannot be added or cleared; see the findings in the task pane.",
};

/** Several messages as one. */
export function joinMessages(list: Message[]): Message | undefined {
  if (list.length === 0) return undefined;
  return { zh: list.map((m) => m.zh).join("\n"), en: list.map((m) => m.en).join("\n") };
}

export const CELL_EDITING: Message = {
  zh: "Excel 正在编辑单元格，未做任何修改。请先按 Enter 或 Esc 结束编辑，再重试。",
  en: "Excel is editing a cell; nothing was changed. Press Enter or Esc to finish editing, then try again.",
};

export function readFailed(code: string): Message {
  return {
    zh: `读取工作表失败（${code}），未做任何修改。`,
    en: `Reading the sheet failed (${code}); nothing was changed.`,
  };
}

export function writeFailed(code: string): Message {
  return {
    zh: `写入工作簿失败（${code}）。Excel 按顺序执行写入，出错之前的修改可能已经生效；再运行一次同一操作是安全的，它只补上缺少的部分。`,
    en: `Writing to the workbook failed (${code}). Excel applies a batch in order, so changes made before the error may be in place; running the same action again is safe and only completes what is missing.`,
  };
}

/** The error code of an Office.js error (OfficeExtension.Error), or a short description. */
export function errorCode(e: unknown): string {
  if (e && typeof e === "object" && typeof (e as { code?: unknown }).code === "string") return (e as { code: string }).code;
  return e instanceof Error ? e.name : "UnknownError";
}

export const EDIT_MODE_CODE = "InvalidOperationInCellEditMode";
