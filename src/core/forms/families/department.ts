import { REGIONS } from "../regions";
import type { Grid } from "../../grid";
import { round2 } from "../../numbers";
import type { Evaluation } from "../../scoring/evaluation";
import type { Figures } from "../../scoring/figureTypes";
import { findCells, numCell, valueRightOf } from "../cells";
import type { DepartmentForm, Indicator, SelfEvaluationForm, TotalRow } from "../model";
import type { HeaderMatch } from "../columns";
import * as project from "./selfEvaluation";
import type { FormFamily } from "./types";
import { belowWeight, formulaAddresses, sumOf } from "./writes";
import { toA1 } from "../../address";

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

/** Chongqing prints its total at the top, right of 自评总分（分） (RULES-2 §8.3). */
function totalAtTop(grid: Grid, headerRow: number): TotalRow | null {
  const hit = findCells(grid, grid.top, headerRow - 1, (k) => REGIONS.department.chongqing.totalAtTopLabel.test(k))[0];
  if (!hit) return null;
  return { row: hit.row, labelCell: toA1(hit.row, hit.col), weight: null, score: numCell(grid, hit.row, valueRightOf(grid, hit.row, hit.col)) };
}

/**
 * 得分系数 as a share: the cell shows percent (100, or 100% formatted); a bare fraction (1, 0.8) under a
 * head without % is read as the share itself.
 */
function coefficientShare(ind: Indicator, headPercent: boolean): number | null {
  const v = ind.coefficient?.value ?? null;
  if (v === null) return null;
  return headPercent || v > 1.5 ? v / 100 : v;
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
  traits: ["scores", "weights", "actuals", "targets", "budget", "grade", "reasons", "limitedTexts", "coefficients"],
  matches: (header, grid) => {
    const cols = header.columns;
    const scorable = cols.actual !== undefined || cols.target !== undefined || (cols.score !== undefined && cols.weight !== undefined);
    return scorable && isDepartment(header, grid);
  },
  read(grid, base, header) {
    const cols = header.columns;
    const framework = cols.actual === undefined && cols.target === undefined;
    if (framework) return { kind: "department-self-evaluation", ...base, layout: "framework", funds: null };
    const funds = project.readFunds(grid, header.row);
    if (cols.coefficient === undefined) return { kind: "department-self-evaluation", ...base, layout: "funds", funds };
    const headPercent = /[%％]/.test(grid.key(header.row, cols.coefficient, false));
    return {
      kind: "department-self-evaluation",
      ...base,
      layout: "coefficient",
      coefficientPercentHead: headPercent,
      total: base.total ?? totalAtTop(grid, header.row),
      funds,
    };
  },
  evaluateRow(form, base, settings): Evaluation {
    if (form.layout === "funds") return project.evaluateRow(asProject(form), base, settings);
    if (form.layout === "coefficient") {
      // The rules for setting the 系数 of an unmet target are unconfirmed: the checker reads the
      // target and actual (for what is missing) but only verifies 得分 = 权重 × 系数.
      const read = project.evaluateRow(asProject(form), { ...base }, settings);
      const share = coefficientShare(base.indicator, form.coefficientPercentHead ?? false);
      const suggested = share === null || base.weight === null ? null : round2(base.weight * share, "half-up");
      const effective = base.score ?? (base.indicator.score?.empty ? suggested : null);
      return { ...base, problem: read.problem, mode: "unscored", suggested, effective, needsExplanation: false, overachieved: false };
    }
    return { ...base, needsExplanation: belowWeight(base) };
  },
  figures(form, evals, settings): Figures {
    if (form.layout === "funds") return project.figures(asProject(form), evals, settings);
    if (form.layout === "coefficient") return { ...project.figures(asProject(form), evals, settings), grade: null };
    const total = sumOf(evals.map((e) => e.score));
    return { budget: null, legacyRate: null, total, grade: total === null ? null : project.selfEvaluation.grades!.grade(total), weightSum: sumOf(evals.map((e) => e.weight)) };
  },
  grades: project.selfEvaluation.grades,
  fillWrites: (form, result, totalAndGrade) => (form.layout !== "framework" ? project.fillWrites(asProject(form), result, totalAndGrade) : totalAndGrade),
  formulaCells: (form) => (form.layout !== "framework" ? project.selfEvaluation.formulaCells(asProject(form)) : formulaAddresses([form.total?.score, form.grade])),
};
