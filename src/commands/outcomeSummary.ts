// What the ribbon's outcome dialog says after a command: a title, a few lines, in Chinese and
// English. Pure, so the wording is tested without Office; the dialog page only displays it.
import { fmt2 } from "../core/numbers";
import type { Message } from "../core/rules/types";
import { KIND_LABEL, statusOf } from "../core/summary";
import type { ActionOutcome } from "../host/actions";

export interface OutcomeSummary {
  /** "ok": done; "warn": done with something left for the person; "error": not done. */
  tone: "ok" | "warn" | "error";
  title: Message;
  lines: Message[];
}

const TITLES: Record<ActionOutcome["action"], Message> = {
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
  const f = r.figures;
  if (f && f.total !== null) {
    lines.push({ zh: `总分 ${fmt2(f.total)}${f.grade ? `，等级 ${f.grade}` : ""}`, en: `Total ${fmt2(f.total)}${f.grade ? `, grade ${f.grade}` : ""}` });
  }
  if (outcome.action === "fill") {
    const n = sheet.written.length;
    lines.push(n > 0 ? { zh: `已填写 ${n} 个空白单元格。`, en: `${n} empty cell(s) filled.` } : { zh: "没有需要填写的空白单元格。", en: "No empty cells needed filling." });
  }
  if (outcome.action !== "clear") {
    if (sheet.marks.length > 0) lines.push({ zh: `已在表中标出 ${sheet.marks.length} 个单元格，批注中有说明。`, en: `${sheet.marks.length} cell(s) marked in the sheet, with notes.` });
    lines.push(statusOf(r).message);
  }
  if (outcome.error) lines.push(outcome.error);
  lines.push({ zh: "打开助手（开始 → 绩效自评 → 打开助手）可查看全部问题并逐一定位。", en: "Open Assistant (Home → Self-Evaluation) lists every finding and takes you to its cell." });
  const errors = r.findings.filter((x) => x.severity === "error").length;
  return { tone: outcome.error || errors > 0 ? "warn" : "ok", title: TITLES[outcome.action], lines };
}

/** The summary as the dialog page reads it from its URL's hash. */
export function encodeSummary(s: OutcomeSummary): string {
  return encodeURIComponent(JSON.stringify(s));
}
