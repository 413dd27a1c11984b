import { n2 } from "./helpers";
import { sameGrade } from "../scoring/grades";
import { defineRule } from "./types";

export default defineRule({
  code: "grade-mismatch",
  severity: "error",
  kinds: ["self-evaluation", "self-evaluation-legacy", "department-self-evaluation"],
  description: {
    zh: "评分等级须与总分相符：优≥90，良80–90，中60–80，差<60（旧表：优秀≥90，良好75–90，合格60–75，不合格<60）。",
    en: "The grade must match the total (优 ≥ 90, 良 80–90, 中 60–80, 差 < 60; legacy 优秀/良好/合格/不合格 at 90/75/60).",
  },
  mark: "static",
  formulaFigure: true,
  check({ form, figures }, report) {
    const g = form.grade;
    if (!g || figures.grade === null || figures.total === null) return;
    if (g.text === "") {
      report(g.address, {
        zh: `评分等级未填写：总分 ${n2(figures.total)} 对应“${figures.grade}”。`,
        en: `The grade is empty: a total of ${n2(figures.total)} is "${figures.grade}".`,
      }, undefined, "fill");
    } else if (!sameGrade(form.kind, g.text, figures.grade)) {
      report(g.address, {
        zh: `评分等级应为“${figures.grade}”（总分 ${n2(figures.total)}），表中为“${g.text}”。`,
        en: `The grade should be "${figures.grade}" (total ${n2(figures.total)}); the form has "${g.text}".`,
      });
    }
  },
});
