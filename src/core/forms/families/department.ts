import type { Grid } from "../../grid";
import type { Evaluation } from "../../scoring/evaluation";
import type { Figures } from "../../scoring/figures";
import type { DepartmentForm, SelfEvaluationForm } from "../model";
import type { HeaderMatch } from "../columns";
import * as project from "./selfEvaluation";
import type { FormFamily } from "./types";
import { belowWeight, formulaAddresses, sumOf } from "./writes";

/** The words that make a form department-wide (RULES-2 §8.1), above the indicator table or in its header. */
const TITLE = (k: string) => /部门整体/.test(k) && /(自评|评价)/.test(k);
const HEADER_WORDS = (k: string) => /^部门(\(单位\))?名称/.test(k) || /^按(收入|支出)性质/.test(k) || /^执行率(权重|得分)/.test(k) || /^得分系数/.test(k);

function isDepartment(header: HeaderMatch, grid: Grid): boolean {
  for (let r = grid.top; r <= header.lastRow; r++) {
    for (let c = grid.left; c <= grid.right; c++) {
      const k = grid.key(r, c, false);
      if (k !== "" && (TITLE(k) || HEADER_WORDS(k))) return true;
    }
  }
  return false;
}

/** The MOF-style layout is scored as the project form is: the same view of the same cells. */
const asProject = (form: DepartmentForm): SelfEvaluationForm => ({ ...form, kind: "self-evaluation" });

/**
 * 部门整体支出绩效自评表 (RULES-2 §8), tried before the project form, whose words it shares. Two of its
 * layouts: `funds` (MOF-style: a funds block broken down by source and by use, then the project
 * form's indicator table, scored as that form) and `framework` (the scoring-framework table: sections
 * labelled with their points, 分值 | 自评得分 | 扣分原因; the total is the sum of the scores, no budget
 * score). Grades are the project form's 优/良/中/差.
 */
export const department: FormFamily<"department-self-evaluation"> = {
  kind: "department-self-evaluation",
  label: { zh: "部门整体支出绩效自评表", en: "department-wide performance self-evaluation" },
  matches: (header, grid) => {
    const cols = header.columns;
    const scorable = cols.actual !== undefined || cols.target !== undefined || (cols.score !== undefined && cols.weight !== undefined);
    return scorable && isDepartment(header, grid);
  },
  read(grid, base, header) {
    const cols = header.columns;
    const framework = cols.actual === undefined && cols.target === undefined;
    return framework
      ? { kind: "department-self-evaluation", ...base, layout: "framework", funds: null }
      : { kind: "department-self-evaluation", ...base, layout: "funds", funds: project.readFunds(grid, header.row) };
  },
  evaluateRow(form, base, settings): Evaluation {
    if (form.layout === "funds") return project.evaluateRow(asProject(form), base, settings);
    return { ...base, needsExplanation: belowWeight(base) };
  },
  figures(form, evals, settings): Figures {
    if (form.layout === "funds") return project.figures(asProject(form), evals, settings);
    const total = sumOf(evals.map((e) => e.score));
    return { budget: null, legacyRate: null, total, grade: total === null ? null : project.selfEvaluation.grades!.grade(total), weightSum: sumOf(evals.map((e) => e.weight)) };
  },
  grades: project.selfEvaluation.grades,
  fillWrites: (form, result, totalAndGrade) => (form.layout === "funds" ? project.fillWrites(asProject(form), result, totalAndGrade) : totalAndGrade),
  formulaCells: (form) => (form.layout === "funds" ? project.selfEvaluation.formulaCells(asProject(form)) : formulaAddresses([form.total?.score, form.grade])),
};
