import { hasTrait } from "../forms/traits";
import { HALF_CENT } from "../numbers";
import { DRAFT_MARKER, hasReason } from "../scoring/evaluation";
import type { Evaluation } from "../scoring/evaluation";
import { budgetReasonText, n2, rowName } from "./helpers";
import { defineRule, type Message } from "./types";

function deviationFacts(e: Evaluation): Message {
  const parts: Message[] = [];
  if (e.mode === "quantitative" && e.met === false) {
    parts.push({
      zh: `目标 ${e.indicator.targetText}，实际 ${e.indicator.actualText}`,
      en: `target ${e.indicator.targetText}, actual ${e.indicator.actualText}`,
    });
  }
  if (e.mode === "qualitative" && e.tier && e.tier !== "达成") {
    parts.push({ zh: `完成等级为“${e.tier}”`, en: `tier "${e.indicator.actualText}"` });
  }
  if (e.weight !== null && e.effective !== null && e.effective < e.weight - HALF_CENT) {
    parts.push({
      zh: `得分 ${n2(e.effective)} 低于分值 ${n2(e.weight)}`,
      en: `score ${n2(e.effective)} below the weight ${n2(e.weight)}`,
    });
  }
  return { zh: parts.map((p) => p.zh).join("，"), en: parts.map((p) => p.en).join("; ") };
}

export default defineRule({
  code: "missing-explanation",
  severity: "error",
  title: { zh: "缺少偏差原因", en: "Deviation not explained" },
  requires: ["scores", "reasons"],
  description: {
    zh: "扣分、未完成目标或定性指标未达成时，必须填写偏差原因分析。",
    en: "A deduction, a missed target or a tier below 达成 needs a deviation explanation.",
  },
  mark: "blank-or-draft",
  formulaFigure: false,
  messages: {
    budgetReason: {
      zh: "预算执行率为 {rate}%，未达到 {line}%，未在“原因”中说明：请说明执行率偏低的原因。",
      en: "The execution rate is {rate}%, below {line}%, and 原因 gives no reason: explain why.",
    },
    formReason: {
      zh: "{rows}未完成目标，“偏差大或目标未完成原因分析”{state}：请说明原因和改进措施。",
      en: "{rows} missed the target and the form's reason row is {state}: state the cause and the remedy.",
    },
    legacy: {
      zh: "{who}{facts}，备注和“主要问题”均为空：请在备注或主要问题中说明扣分原因。",
      en: "{who}: {facts}, and both 备注 and 主要问题 are empty: explain the deduction in one of them.",
    },
    draft: {
      zh: "{who}{facts}，偏差原因仍是草稿：请把“{marker}”换成实际原因和改进措施。",
      en: "{who}: {facts}; the explanation is still a draft: replace {marker} with the actual cause and remedy.",
    },
    missing: {
      zh: "{who}{facts}，未填写偏差原因分析：请说明原因和改进措施。",
      en: "{who}: {facts}, and no deviation explanation is given: state the cause and the remedy.",
    },
  },
  check({ form, evals, figures, settings }, report) {
    // Sichuan: an execution rate below the line needs its 原因 (RULES-2 §9.2); the instruction the
    // form prints in that cell is no reason, so its mark shows until the marks are cleared.
    const funds = "funds" in form ? form.funds : null;
    const reasonCell = funds?.total.reason;
    const line = settings.budgetReasonBelow;
    if (reasonCell && line !== null && figures.budget && figures.budget.rate < line - 1e-9 && budgetReasonText(reasonCell.text) === "") {
      report({ cell: reasonCell.address, messageId: "budgetReason", data: { rate: n2(figures.budget.rate), line: n2(line) }, row: funds!.total.row, mark: "static" });
    }
    // Hubei: one reason row for the form; it is required when any row misses its target (RULES-2 §9.3).
    const one = form.formReason;
    if (one && !form.indicators.some((i) => i.reason)) {
      const rows = evals.filter((e) => e.needsExplanation && !e.placeholder);
      if (rows.length > 0 && !hasReason(one.text)) {
        const drafted = one.text.includes(DRAFT_MARKER);
        report({
          cell: one.address,
          messageId: "formReason",
          data: {
            rows: { zh: rows.map((e) => `第${e.indicator.row}行“${e.indicator.name}”`).join("、"), en: rows.map((e) => `row ${e.indicator.row}`).join(", ") },
            state: drafted ? { zh: "仍是草稿", en: "still a draft" } : { zh: "未填写", en: "empty" },
          },
          row: rows[0].indicator.row,
          fix: "fill",
        });
      }
      return;
    }
    for (const e of evals) {
      if (!e.needsExplanation || e.placeholder) continue;
      const ind = e.indicator;
      if (hasReason(ind.reason?.text)) continue;
      // The legacy form's 主要问题 explains every row's deduction (RULES §5).
      const legacy = hasTrait(form, "legacyRate") && "problems" in form;
      if (legacy && hasReason(form.problems?.text)) continue;
      const data = { who: rowName(ind), facts: deviationFacts(e) };
      const cell = ind.reason?.address ?? ind.score?.address ?? ind.nameCell;
      if (legacy) {
        report({ cell, messageId: "legacy", data, row: ind.row });
        continue;
      }
      const drafted = (ind.reason?.text ?? "").includes(DRAFT_MARKER);
      report(drafted ? { cell, messageId: "draft", data: { ...data, marker: DRAFT_MARKER }, row: ind.row } : { cell, messageId: "missing", data, row: ind.row });
    }
  },
});
