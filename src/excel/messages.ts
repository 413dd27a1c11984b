import type { Message } from "../core/rules/types";

/** What the add-in tells the user when an action could not do its job. */

const quoted = (names: string[], sep: string) => names.map((n) => `“${n}”`).join(sep);

/** A protected sheet: what was left alone there, and how to get it done. */
export function protectedSheet(name: string, lockedCells: string[], wrote: number): Message {
  const cells = lockedCells.slice(0, 12).join("、") + (lockedCells.length > 12 ? ` 等 ${lockedCells.length} 个单元格` : "");
  const cellsEn = lockedCells.slice(0, 12).join(", ") + (lockedCells.length > 12 ? ` and ${lockedCells.length - 12} more` : "");
  const zh = [`工作表“${name}”受保护：未添加标记、批注和下拉列表。`];
  const en = [`Sheet “${name}” is protected: no marks, notes or drop-downs were added.`];
  if (wrote > 0) {
    zh.push(`已在未锁定的单元格中填写 ${wrote} 处。`);
    en.push(`${wrote} unlocked cell(s) were filled.`);
  }
  if (lockedCells.length > 0) {
    zh.push(`以下单元格已锁定，未填写：${cells}。`);
    en.push(`These cells are locked and were not filled: ${cellsEn}.`);
  }
  zh.push("如需全部填写和标记，请先撤销工作表保护（审阅 → 撤销工作表保护），再重试。");
  en.push("To fill and mark everything, unprotect the sheet (Review → Unprotect Sheet) and try again.");
  return { zh: zh.join(""), en: en.join(" ") };
}

export function mergesUnread(names: string[], why: "limit" | "api" = "limit"): Message {
  if (why === "api") {
    return {
      zh: `此版本的 Excel 无法读取合并单元格（需要 ExcelApi 1.13，Office 2019 及更早版本没有）：为免写入被合并单元格遮住的位置，工作表${quoted(names, "、")}未填写任何单元格，只标出了问题。可用 jixiao 命令的 --fix 生成填好的副本。`,
      en: `This version of Excel cannot read merged cells (ExcelApi 1.13 is needed; Office 2019 and earlier lack it): lest a value land in a cell hidden by a merge, no cell of sheet ${quoted(names, ", ")} was filled; the findings were marked only. The jixiao command's --fix makes a filled copy.`,
    };
  }
  return {
    zh: `无法读取工作表${quoted(names, "、")}的合并单元格（Excel 一次最多返回 512 个合并区域），为免写入被合并单元格遮住的位置，未填写任何单元格，只标出了问题。`,
    en: `The merged cells of sheet ${quoted(names, ", ")} could not be read (Excel returns at most 512 merged areas), so no cell was filled, lest a value land in a cell hidden by a merge; the findings were marked only.`,
  };
}

export function marksUnreadable(names: string[]): Message {
  return {
    zh: `Excel 无法读取工作表${quoted(names, "、")}中已有的条件格式（同一单元格有重复的规则，这是 Excel 的已知问题），标记未做更改；得分等内容照常填写。可在“开始 → 条件格式 → 管理规则”中删除重复规则后重试。`,
    en: `Excel could not read the existing conditional formats of sheet ${quoted(names, ", ")} (a cell has duplicated rules, a known Excel issue), so the marks were left unchanged; values were filled as usual. Remove the duplicated rules under Home → Conditional Formatting → Manage Rules and try again.`,
  };
}

export function marksRemoveFailed(code: string): Message {
  return {
    zh: `删除本助手的旧标记时 Excel 报错（${code}），没有填写或标记任何内容。再运行一次同一操作是安全的。`,
    en: `Excel failed while removing the assistant's old marks (${code}); nothing was filled or marked. Running the same action again is safe.`,
  };
}

export function notesFailed(code: string): Message {
  return {
    zh: `得分和标记已写入，但批注未能添加（${code}）。`,
    en: `The values and marks were written, but the notes could not be added (${code}).`,
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
