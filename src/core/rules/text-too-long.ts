import { budgetReasonText } from "./helpers";
import { defineRule } from "./types";

/** The limit Sichuan's form prints for its 原因 (RULES-2 §9.2: "需说明原因(100字以内)"). */
const REASON_LIMIT = 100;
/** Sichuan's printed limits for its other texts (RULES-2 §9.2), applied on its layout when a label prints none. */
const SICHUAN_LIMITS: Record<string, number> = { 年度目标完成情况: 100, 年度总体目标完成情况: 100, 评价结论: 200, 存在问题: 200, 存在的问题: 200, 改进措施: 200 };

export default defineRule({
  code: "text-too-long",
  severity: "warning",
  kinds: ["self-evaluation", "department-self-evaluation"],
  description: {
    zh: "说明超过表格印明的字数限制（如“原因（100字以内）”“评价结论（200字以内）”）。",
    en: "An explanation is longer than the form's printed limit (原因 100 characters; 评价结论, 存在问题, 改进措施 200).",
  },
  mark: "static",
  formulaFigure: false,
  messages: {
    tooLong: {
      zh: "“{label}”共 {length} 字，超过表格规定的 {limit} 字：请精简。",
      en: "{label} has {length} characters, more than the form's {limit}: shorten it.",
    },
  },
  check({ form }, report) {
    const tooLong = (label: string, address: string, text: string, limit: number) => {
      const length = [...text.trim()].length;
      if (length > limit) report({ cell: address, messageId: "tooLong", data: { label, length, limit } });
    };
    const cell = form.funds?.total.reason;
    // Sichuan's layout (its funds 原因) prints the limits; elsewhere only a limit the label prints counts.
    const sichuan = !!cell;
    if (cell) tooLong("原因", cell.address, budgetReasonText(cell.text), REASON_LIMIT);
    for (const t of form.limitedTexts ?? []) {
      const limit = t.printedLimit ?? (sichuan ? (SICHUAN_LIMITS[t.label] ?? null) : null);
      if (limit !== null) tooLong(t.label, t.cell.address, t.cell.text, limit);
    }
  },
});
