import { HALF_CENT, same2 } from "../numbers";
import { n2 } from "./format";
import { sameGrade } from "../scoring/grades";
import { defineRule } from "./types";

export const totalMismatch = defineRule({
  code: "total-mismatch",
  severity: "error",
  kinds: ["self-evaluation", "self-evaluation-legacy"],
  description: { zh: "总分应等于预算执行得分加各指标得分。", en: "The total must equal the budget score plus the indicator scores." },
  check({ form, figures }, report) {
    const cell = form.total?.score;
    if (!cell || figures.total === null) return;
    const how =
      form.kind === "self-evaluation"
        ? { zh: "预算执行得分加各指标得分", en: "the budget score plus the indicator scores" }
        : { zh: "各指标自评分之和", en: "the sum of the indicator scores" };
    if (cell.empty) {
      report(cell.address, {
        zh: `总分未填写：按${how.zh}应为 ${n2(figures.total)}，可用“填写得分”（命令行 --fix）自动填入。`,
        en: `The total is empty: ${how.en} make ${n2(figures.total)}; Fill (--fix) writes it.`,
      });
    } else if (cell.value === null) {
      report(cell.address, { zh: `总分不是数字：应为 ${n2(figures.total)}。`, en: `The total is not a number: it should be ${n2(figures.total)}.` });
    } else if (!same2(cell.value, figures.total)) {
      report(cell.address, {
        zh: `总分应为 ${n2(figures.total)}（${how.zh}），表中为 ${n2(cell.value)}。`,
        en: `The total should be ${n2(figures.total)} (${how.en}); the form has ${n2(cell.value)}.`,
      });
    }
  },
});

export const gradeMismatch = defineRule({
  code: "grade-mismatch",
  severity: "error",
  kinds: ["self-evaluation", "self-evaluation-legacy"],
  description: {
    zh: "评分等级须与总分相符：优≥90，良80–90，中60–80，差<60（旧表：优秀≥90，良好75–90，合格60–75，不合格<60）。",
    en: "The grade must match the total (优 ≥ 90, 良 80–90, 中 60–80, 差 < 60; legacy 优秀/良好/合格/不合格 at 90/75/60).",
  },
  check({ form, figures }, report) {
    const g = form.grade;
    if (!g || figures.grade === null || figures.total === null) return;
    if (g.text === "") {
      report(g.address, {
        zh: `评分等级未填写：总分 ${n2(figures.total)} 对应“${figures.grade}”，可用“填写得分”（命令行 --fix）自动填入。`,
        en: `The grade is empty: a total of ${n2(figures.total)} is "${figures.grade}"; Fill (--fix) writes it.`,
      });
    } else if (!sameGrade(form.kind, g.text, figures.grade)) {
      report(g.address, {
        zh: `评分等级应为“${figures.grade}”（总分 ${n2(figures.total)}），表中为“${g.text}”。`,
        en: `The grade should be "${figures.grade}" (total ${n2(figures.total)}); the form has "${g.text}".`,
      });
    }
  },
});

export const weightSum = defineRule({
  code: "weight-sum",
  severity: "error",
  kinds: ["self-evaluation", "self-evaluation-legacy"],
  description: {
    zh: "分值合计须为 100（自评表含预算执行 10 分；旧表各部分之和须等于标注的分数）。",
    en: "Weights must add up to 100 (self-evaluation: budget 10 + indicators; legacy: each section to its label).",
  },
  check({ form, evals, figures }, report) {
    const totalCell = form.total?.weight?.address ?? form.headerCell;
    if (figures.weightSum !== null && Math.abs(figures.weightSum - 100) >= HALF_CENT) {
      const what = form.kind === "self-evaluation" ? { zh: "预算执行分值与各指标分值", en: "the budget weight and the indicator weights" } : { zh: "各指标权重", en: "the indicator weights" };
      report(totalCell, {
        zh: `${what.zh}合计为 ${n2(figures.weightSum)}，应为 100。`,
        en: `${what.en} add up to ${n2(figures.weightSum)}, not 100.`,
      });
    }
    const stated = form.total?.weight;
    if (stated && stated.value !== null && Math.abs(stated.value - 100) >= HALF_CENT) {
      report(stated.address, { zh: `分值合计栏为 ${n2(stated.value)}，应为 100。`, en: `The weight total reads ${n2(stated.value)}, not 100.` });
    }
    if (form.kind !== "self-evaluation-legacy") return;
    const sections = new Map<string, { weight: number; cell: string; sum: number; label: string }>();
    for (const e of evals) {
      const ind = e.indicator;
      if (ind.sectionWeight === undefined || !ind.sectionCell) continue;
      const s = sections.get(ind.sectionCell) ?? { weight: ind.sectionWeight, cell: ind.sectionCell, sum: 0, label: ind.level1 };
      s.sum += e.weight ?? 0;
      sections.set(ind.sectionCell, s);
    }
    let labelled = 0;
    for (const s of sections.values()) {
      labelled += s.weight;
      if (Math.abs(s.sum - s.weight) >= HALF_CENT) {
        report(s.cell, {
          zh: `“${s.label}”标注 ${n2(s.weight)} 分，其下各指标权重合计为 ${n2(s.sum)}。`,
          en: `"${s.label}" is labelled ${n2(s.weight)} points but its weights add up to ${n2(s.sum)}.`,
        });
      }
    }
    if (sections.size > 0 && Math.abs(labelled - 100) >= HALF_CENT) {
      report(form.headerCell, {
        zh: `各一级指标标注的分数合计为 ${n2(labelled)}，应为 100。`,
        en: `The section labels add up to ${n2(labelled)}, not 100.`,
      });
    }
  },
});
