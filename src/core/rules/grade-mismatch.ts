import { n2 } from "./helpers";
import { sameGrade } from "../scoring/grades";
import { defineRule } from "./types";

export default defineRule({
  code: "grade-mismatch",
  severity: "error",
  title: { zh: "等级不符", en: "Grade wrong" },
  requires: ["grade"],
  description: {
    zh: "评分等级须与总分相符：优≥90，良80–90，中60–80，差<60（旧表：优秀≥90，良好75–90，合格60–75，不合格<60）。",
    en: "The grade must match the total (优 ≥ 90, 良 80–90, 中 60–80, 差 < 60; legacy 优秀/良好/合格/不合格 at 90/75/60).",
  },
  mark: "static",
  formulaFigure: true,
  messages: {
    empty: {
      zh: "评分等级未填写：总分 {total} 对应“{grade}”。",
      en: "The grade is empty: a total of {total} is \"{grade}\".",
    },
    differs: {
      zh: "评分等级应为“{grade}”（总分 {total}），表中为“{stated}”。",
      en: "The grade should be \"{grade}\" (total {total}); the form has \"{stated}\".",
    },
  },
  check({ form, figures }, report) {
    const g = form.grade;
    if (!g || figures.grade === null || figures.total === null) return;
    if (g.text === "") {
      report({ cell: g.address, messageId: "empty", data: { total: n2(figures.total), grade: figures.grade }, fix: "fill" });
    } else if (!sameGrade(form.kind, g.text, figures.grade)) {
      report({ cell: g.address, messageId: "differs", data: { grade: figures.grade, total: n2(figures.total), stated: g.text } });
    }
  },
});
