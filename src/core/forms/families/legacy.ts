import type { Grid } from "../../grid";
import { round2 } from "../../numbers";
import type { Evaluation } from "../../scoring/evaluation";
import type { Figures } from "../../scoring/figureTypes";
import type { Settings } from "../../settings";
import { findCells, labelKey, numCell, textCell, valueRightOf } from "../cells";
import type { FormBase, LegacyForm } from "../model";
import type { FormFamily } from "./types";
import { belowWeight, formulaAddresses, sumOf } from "./writes";

/**
 * Shanghai's older 项目绩效自我评价 form (2019): 分值 and 得分 columns without targets' completion,
 * sections adding up to their labels, 当年预算数 / 执行数 as labelled cells, grades 优秀/良好/合格/不合格.
 */
export const legacy: FormFamily<"self-evaluation-legacy"> = {
  kind: "self-evaluation-legacy",
  label: { zh: "项目绩效自我评价（旧表）", en: "project self-evaluation (legacy form)" },
  traits: ["scores", "weights", "grade", "reasons", "legacyRate"],
  matches: ({ columns: cols }) => cols.score !== undefined && cols.weight !== undefined,
  read: (grid, base, header) => readLegacy(grid, base, header.row),
  evaluateRow(_form, base) {
    // Rows with no weight and no (or a zero) score are the template's unused placeholders.
    const placeholder = base.indicator.weight?.empty === true && (base.score === null || base.score === 0);
    return { ...base, placeholder, needsExplanation: belowWeight(base) };
  },
  figures(form: LegacyForm, evals: Evaluation[], settings: Settings): Figures {
    const active = evals.filter((e) => !e.placeholder);
    const b = form.budget?.value ?? null;
    const x = form.executed?.value ?? null;
    const legacyRate = b !== null && x !== null && b > 0 ? round2((x / b) * 100, settings.rounding) : null;
    const total = sumOf(active.map((e) => e.score));
    return { budget: null, legacyRate, total, grade: total === null ? null : legacy.grades!.grade(total), weightSum: sumOf(active.map((e) => e.weight)) };
  },
  grades: {
    grade(total) {
      const t = total + 1e-9;
      if (t >= 90) return "优秀";
      if (t >= 75) return "良好";
      if (t >= 60) return "合格";
      return "不合格";
    },
    same: (stated, computed) => stated === computed || ({ 优: "优秀", 良: "良好", 中: "合格", 差: "不合格" } as Record<string, string>)[stated] === computed,
  },
  fillWrites: (_form, _result, totalAndGrade) => totalAndGrade,
  formulaCells: (form) => formulaAddresses([form.total?.score, form.grade]),
};

function readLegacy(grid: Grid, base: FormBase, headerRow: number): LegacyForm {
  const find = (test: (k: string) => boolean) => {
    const hit = findCells(grid, grid.top, headerRow - 1, (k) => test(labelKey(k)))[0];
    return hit ? { row: hit.row, col: valueRightOf(grid, hit.row, hit.col) } : null;
  };
  const budget = find((k) => /^当年预算(数|金额)/.test(k));
  const executed = find((k) => /^预算执行数/.test(k) || /^(全年)?执行数/.test(k));
  const rate = find((k) => /^预算执行率/.test(k));
  const grade = find((k) => /^(绩效等级|自评等级|评价等级)/.test(k));
  const problems = find((k) => /^主要问题/.test(k));
  return {
    kind: "self-evaluation-legacy",
    ...base,
    grade: grade
      ? textCell(grid, grade.row, grade.col)
      : base.grade,
    budget: budget ? numCell(grid, budget.row, budget.col) : null,
    executed: executed ? numCell(grid, executed.row, executed.col) : null,
    statedRate: rate ? numCell(grid, rate.row, rate.col) : null,
    problems: problems ? textCell(grid, problems.row, problems.col) : null,
  };
}
