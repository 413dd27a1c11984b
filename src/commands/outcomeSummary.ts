// What the ribbon's outcome dialog says after a command: a title, a few lines, in Chinese and
// English. Pure, so the wording is tested without Office; the dialog page only displays it.
import { figureLines } from "../core/shownFigures";
import type { Message } from "../core/rules/types";
import { KIND_LABEL, statusOf } from "../core/summary";
import type { ActionOutcome, SheetOutcome } from "../host/actions";

export interface OutcomeSummary {
  /** "ok": done; "warn": done with something left for the person; "error": not done. */
  tone: "ok" | "warn" | "error";
  title: Message;
  lines: Message[];
}

const TITLES: Record<ActionOutcome["action"], Message> = {
  inspect: { zh: "检查完成（未改动表格）", en: "Checked (sheet unchanged)" },
  check: { zh: "检查完成", en: "Check done" },
  fill: { zh: "填写完成", en: "Fill done" },
  clear: { zh: "已清除标记", en: "Marks cleared" },
};

export function summarize(outcome: ActionOutcome): OutcomeSummary {
  const sheet = outcome.sheets[0];
  if (!sheet) {
    return {
      tone: "error",
      title: { zh: "未能完成", en: "Not done" },
      lines: outcome.error ? [outcome.error] : [{ zh: "Excel 没有返回结果。", en: "Excel returned no result." }],
    };
  }
  const r = sheet.result;
  const lines: Message[] = [];
  if (r.kind === "none") {
    lines.push({
      zh: "当前工作表不是可识别的绩效自评表或绩效目标表：请切换到表格所在的工作表后再试。",
      en: "The active sheet is not a performance form this assistant knows: switch to the sheet holding the form and try again.",
    });
    if (outcome.error) lines.push(outcome.error);
    return { tone: "warn", title: TITLES[outcome.action], lines };
  }
  lines.push({ zh: `工作表“${r.sheet}”：${KIND_LABEL[r.kind].zh}`, en: `Sheet “${r.sheet}”: ${KIND_LABEL[r.kind].en}` });
  lines.push(...figureLines(r));
  if (outcome.action === "fill") {
    const n = sheet.written.length;
    lines.push(n > 0 ? { zh: `已填写 ${n} 个空白单元格。`, en: `${n} empty cell(s) filled.` } : { zh: "没有需要填写的空白单元格。", en: "No empty cells needed filling." });
  }
  const marked = marksLine(outcome.action, sheet);
  if (marked) lines.push(marked);
  if (outcome.action !== "clear") lines.push(statusOf(r).message);
  if (outcome.error) lines.push(outcome.error);
  lines.push({ zh: "打开助手（开始 → 绩效自评 → 打开助手）可查看全部问题并逐一定位。", en: "Open Assistant (Home → Self-Evaluation) lists every finding and takes you to its cell." });
  const errors = r.findings.filter((x) => x.severity === "error").length;
  return { tone: outcome.error || errors > 0 ? "warn" : "ok", title: TITLES[outcome.action], lines };
}

/** What the action did to the marks, and only that: notes are named only where notes were written. */
function marksLine(action: ActionOutcome["action"], sheet: SheetOutcome): Message | null {
  const c = sheet.changes;
  if (!c) return null;
  if (action === "clear") {
    return c.removed > 0 ? { zh: `已移除 ${c.removed} 个标记。`, en: `${c.removed} mark(s) removed.` } : { zh: "表中没有本助手的标记。", en: "The sheet had no marks of the assistant's." };
  }
  const n = sheet.marks.length;
  if (c.added === 0 && c.removed === 0) {
    return n > 0 ? { zh: `表中 ${n} 个标记已是最新，未写入任何内容。`, en: `The ${n} mark(s) in the sheet were up to date; nothing was written.` } : null;
  }
  const parts = { zh: [] as string[], en: [] as string[] };
  if (c.added > 0) {
    parts.zh.push(`新增 ${c.added} 个`);
    parts.en.push(`${c.added} added`);
  }
  if (c.removed > 0) {
    parts.zh.push(`移除 ${c.removed} 个`);
    parts.en.push(`${c.removed} removed`);
  }
  const notes = c.notes > 0 ? { zh: `，其中 ${c.notes} 个附有批注说明`, en: `; ${c.notes} carry a note` } : { zh: "", en: "" };
  return {
    zh: `表中标出 ${n} 个单元格（${parts.zh.join("，")}）${notes.zh}。`,
    en: `${n} cell(s) marked in the sheet (${parts.en.join(", ")})${notes.en}.`,
  };
}

/** The summary as the dialog page reads it from its URL's hash. */
export function encodeSummary(s: OutcomeSummary): string {
  return encodeURIComponent(JSON.stringify(s));
}
