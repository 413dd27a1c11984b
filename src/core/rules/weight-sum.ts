import { HALF_CENT } from "../numbers";
import { hasBudgetScore, n2 } from "./helpers";
import { defineRule } from "./types";

export default defineRule({
  code: "weight-sum",
  severity: "error",
  title: { zh: "分值合计不为 100", en: "Weights do not add up to 100" },
  requires: ["weights"],
  description: {
    zh: "分值合计须为 100（自评表含预算执行 10 分；旧表各部分之和须等于标注的分数）。",
    en: "Weights must add up to 100 (self-evaluation: budget 10 + indicators; legacy: each section to its label).",
  },
  mark: "static",
  formulaFigure: false,
  messages: {
    sum: {
      zh: "{what}合计为 {sum}，应为 100。",
      en: "{what} add up to {sum}, not 100.",
    },
    statedTotal: {
      zh: "分值合计栏为 {stated}，应为 100。",
      en: "The weight total reads {stated}, not 100.",
    },
    section: {
      zh: "“{label}”标注 {weight} 分，其下各指标权重合计为 {sum}。",
      en: "\"{label}\" is labelled {weight} points but its weights add up to {sum}.",
    },
    labelsWithBudget: {
      zh: "各一级指标标注的分数合计为 {labelled}，加预算执行 {budget} 分应为 100。",
      en: "The section labels add up to {labelled}; with the budget's {budget} they should make 100.",
    },
    labels: {
      zh: "各一级指标标注的分数合计为 {labelled}，应为 100。",
      en: "The section labels add up to {labelled}, not 100.",
    },
  },
  check({ form, evals, figures }, report) {
    const totalCell = form.total?.weight?.address ?? form.headerCell;
    if (figures.weightSum !== null && Math.abs(figures.weightSum - 100) >= HALF_CENT) {
      const what = hasBudgetScore(form) ? { zh: "预算执行分值与各指标分值", en: "the budget weight and the indicator weights" } : { zh: "各指标权重", en: "the indicator weights" };
      report({ cell: totalCell, messageId: "sum", data: { what, sum: n2(figures.weightSum) } });
    }
    const stated = form.total?.weight;
    if (stated && stated.value !== null && Math.abs(stated.value - 100) >= HALF_CENT) {
      report({ cell: stated.address, messageId: "statedTotal", data: { stated: n2(stated.value) } });
    }
    // First levels labelled with their points (the legacy form, the framework table, Anhui's 产出指标（50分）):
    // each label is the sum of its weights, and the labels with the budget weight make 100.
    const sections = new Map<string, { weight: number; cell: string; sum: number; label: string }>();
    for (const e of evals) {
      const ind = e.indicator;
      if (ind.sectionWeight === undefined || !ind.sectionCell) continue;
      const s = sections.get(ind.sectionCell) ?? { weight: ind.sectionWeight, cell: ind.sectionCell, sum: 0, label: ind.level1 };
      s.sum += e.weight ?? 0;
      sections.set(ind.sectionCell, s);
    }
    // Rows outside a labelled first level count with their own weights: labels need not be on every level.
    let labelled = evals.reduce((a, e) => a + (e.indicator.sectionWeight === undefined || !e.indicator.sectionCell ? (e.weight ?? 0) : 0), 0);
    for (const s of sections.values()) {
      labelled += s.weight;
      if (Math.abs(s.sum - s.weight) >= HALF_CENT) {
        report({ cell: s.cell, messageId: "section", data: { label: s.label, weight: n2(s.weight), sum: n2(s.sum) } });
      }
    }
    const budgetWeight = hasBudgetScore(form) ? (figures.budget?.weight ?? 0) : 0;
    if (sections.size > 0 && Math.abs(labelled + budgetWeight - 100) >= HALF_CENT) {
      report(
        budgetWeight > 0
          ? { cell: form.headerCell, messageId: "labelsWithBudget", data: { labelled: n2(labelled), budget: n2(budgetWeight) } }
          : { cell: form.headerCell, messageId: "labels", data: { labelled: n2(labelled) } },
      );
    }
  },
});
