import { budgetReasonText } from "./helpers";
import { defineRule } from "./types";

/** The limit Sichuan's form prints for its 原因 (RULES-2 §9.2: "需说明原因(100字以内)"). */
const REASON_LIMIT = 100;

export default defineRule({
  code: "text-too-long",
  severity: "warning",
  kinds: ["self-evaluation", "department-self-evaluation"],
  description: {
    zh: "说明超过表格印明的字数限制（如“原因（100字以内）”）。",
    en: "An explanation is longer than the form's printed limit (such as 原因, 100 characters).",
  },
  mark: "static",
  formulaFigure: false,
  check({ form }, report) {
    const cell = form.funds?.total.reason;
    if (!cell) return;
    const text = budgetReasonText(cell.text);
    const length = [...text].length;
    if (length <= REASON_LIMIT) return;
    report(cell.address, {
      zh: `“原因”共 ${length} 字，超过表格规定的 ${REASON_LIMIT} 字：请精简。`,
      en: `原因 has ${length} characters, more than the form's ${REASON_LIMIT}: shorten it.`,
    });
  },
});
