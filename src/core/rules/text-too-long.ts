import { REGIONS } from "../forms/regions";
import { budgetReasonText } from "./helpers";
import { defineRule } from "./types";

const SICHUAN = REGIONS.project.sichuan;

export default defineRule({
  code: "text-too-long",
  severity: "warning",
  title: { zh: "文字超过字数限制", en: "Text too long" },
  requires: ["limitedTexts"],
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
    if (cell) tooLong("原因", cell.address, budgetReasonText(cell.text), SICHUAN.fundsReasonLimit);
    for (const t of form.limitedTexts ?? []) {
      const limit = t.printedLimit ?? (sichuan ? (SICHUAN.textLimits.get(t.label) ?? null) : null);
      if (limit !== null) tooLong(t.label, t.cell.address, t.cell.text, limit);
    }
  },
});
