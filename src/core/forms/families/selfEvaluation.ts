import { REGIONS } from "../regions";
import { toA1 } from "../../address";
import type { SheetResult } from "../../result";
import type { Grid } from "../../grid";
import { fmt2, HALF_CENT, round2 } from "../../numbers";
import type { CellWrite } from "../../planTypes";
import { budgetFigures, DEFAULT_BUDGET_WEIGHT, scoredFundsRow } from "../../scoring/budget";
import type { Evaluation } from "../../scoring/evaluation";
import type { Figures } from "../../scoring/figureTypes";
import { completionPercent, earnedShare, higherIsBetter, isMet } from "../../scoring/quantitative";
import { TIER_BANDS } from "../../scoring/tiers";
import type { Settings } from "../../settings";
import { judgeActual } from "../../values/qualitative";
import type { ParsedValue } from "../../values/types";
import { convertUnit } from "../../values/units";
import { findCells, numCell, textCell } from "../cells";
import type { FundsBlock, FundsRow, SelfEvaluationForm } from "../model";
import type { FormFamily } from "./types";
import { blankText, draftReason, fillable, formulaAddresses, SCORE_FORMAT, sumOf } from "./writes";

/**
 * 财政项目支出绩效自评表 (财预〔2020〕10号 and the regional forms after it): 年度指标值 and 实际完成值
 * columns, a 项目资金 block whose execution rate gives 10 points, grades 优/良/中/差.
 */
export const selfEvaluation: FormFamily<"self-evaluation"> = {
  kind: "self-evaluation",
  label: { zh: "财政项目支出绩效自评表", en: "project performance self-evaluation" },
  traits: ["scores", "weights", "actuals", "targets", "budget", "grade", "reasons", "limitedTexts", "weightSplit"],
  matches: ({ columns: cols }) => cols.actual !== undefined || (cols.target !== undefined && cols.score !== undefined),
  read: (grid, base, header) => ({ kind: "self-evaluation", ...base, funds: readFunds(grid, header.row) }),
  evaluateRow,
  figures,
  grades: {
    grade(total) {
      const t = total + 1e-9;
      if (t >= 90) return "优";
      if (t >= 80) return "良";
      if (t >= 60) return "中";
      return "差";
    },
    // Longer spellings of the grades; 合格 / 不合格 belong to the legacy scale only.
    same: (stated, computed) => stated === computed || ({ 优秀: "优", 良好: "良", 中等: "中", 较差: "差" } as Record<string, string>)[stated] === computed,
  },
  fillWrites,
  formulaCells: (form) => formulaAddresses([form.total?.score, form.grade, form.funds?.total.rate, form.funds?.total.score]),
};

export function evaluateRow(form: SelfEvaluationForm, base: Evaluation, settings: Settings): Evaluation {
  const ind = base.indicator;
  const weight = base.weight;
  const score = base.score;
  const t = ind.target;
  let a: ParsedValue = ind.actual ?? { kind: "empty" as const };
  // Words other than a tier word (健全 → 健全, 已完成, 基本完成, 未健全) settle a tier where they can.
  if (a.kind === "qualitative" && (t.kind === "qualitative" || t.kind === "quantity")) {
    const j = judgeActual(t.kind === "qualitative" ? t.text : null, a.text);
    if (j) {
      a = { kind: "tier", tier: j.tier, text: a.text };
      base.judged = j.how;
    }
  }
  if (t.kind === "empty") base.problem = "missing-target";
  else if (t.kind === "unparseable") base.problem = "unparseable-target";
  else if (a.kind === "empty") base.problem = "missing-actual";

  // A tier scores a qualitative target. Against a quantitative one it is read as its tier too (达成 =
  // met), as published Sichuan forms do, and the rule tier-on-quantitative warns (RULES-2 §9.2).
  if (!base.problem && a.kind === "tier" && (t.kind === "qualitative" || t.kind === "quantity")) {
    base.mode = "qualitative";
    base.tier = a.tier;
    if (t.kind === "quantity") base.tierOnQuantitative = true;
    // Bands the form prints take precedence over 财预〔2020〕10号's (RULES-2 §9.3).
    const b = (form.tierBands ?? TIER_BANDS)[a.tier];
    if (weight !== null) {
      base.band = { lo: weight * b.lo, hi: weight * b.hi };
      // Rounding up must not lift the suggestion out of its own band (3.34 × 60% = 2.004 → 2.00).
      const s = round2(weight * b.suggest, settings.rounding);
      base.suggested = s > base.band.hi + 1e-9 ? round2(weight * b.suggest, "truncate") : s;
    }
  } else if (!base.problem && t.kind === "quantity") {
    if (a.kind !== "quantity") base.problem = "unparseable-actual";
    else {
      const conv = convertUnit(a.value, a.unit, t.unit);
      if (!conv) base.problem = "unit-mismatch";
      else {
        base.mode = "quantitative";
        base.op = t.op;
        base.target = t.value;
        base.unit = t.unit || a.unit;
        base.actual = conv.value;
        if (conv.converted) base.converted = { from: a.unit, to: t.unit, original: a.value };
        base.met = isMet(t.op, t.value, conv.value);
        base.completion = completionPercent(t.op, t.value, conv.value);
        if (weight !== null) {
          base.suggested = round2(weight * earnedShare(t.op, t.value, conv.value, settings.reverseFormula), settings.rounding);
        }
        if (base.met && higherIsBetter(t.op, t.value)) {
          const over = t.op === "=" ? conv.value > t.value + 1e-9 : t.value > 0 && conv.value >= t.value * (1 + settings.overachievementThreshold) - 1e-9;
          base.overachieved = over;
        }
      }
    }
  } else if (!base.problem) {
    // A qualitative target needs a tier as its actual. Words that do not settle one are left to a
    // person where the form states a score (a warning), and an error where there is nothing to go on.
    base.problem = a.kind === "qualitative" && score !== null ? "unscorable-actual" : "unparseable-actual";
  }

  if (score === null && ind.score?.empty) base.effective = base.suggested;
  const eff = base.effective;
  base.needsExplanation =
    (weight !== null && eff !== null && eff < weight - HALF_CENT) ||
    (base.mode === "quantitative" && base.met === false) ||
    (base.mode === "qualitative" && base.tier !== "达成");
  return base;
}


export function figures(form: SelfEvaluationForm, evals: Evaluation[], settings: Settings): Figures {
  const active = evals.filter((e) => !e.placeholder);
  const defaultWeight = form.funds?.labelWeight ?? DEFAULT_BUDGET_WEIGHT;
  const budget = form.funds ? budgetFigures(scoredFundsRow(form.funds).row, settings, defaultWeight) : null;
  const budgetScore = budget?.score ?? form.funds?.total.score?.value ?? null;
  const budgetWeight = budget?.weight ?? form.funds?.total.weight?.value ?? defaultWeight;
  const indicatorSum = sumOf(active.map((e) => e.effective));
  const total = budgetScore === null || indicatorSum === null ? null : round2(budgetScore + indicatorSum, "half-up");
  // Hubei's blocks state their rows' points in their titles; the rows have no weight (RULES-2 §9.3).
  const blocks = new Map(active.filter((e) => e.indicator.block && e.weight === null).map((e) => [e.indicator.block!.cell, e.indicator.block!.weight]));
  const weights = blocks.size > 0 && active.every((e) => e.indicator.block) ? sumOf([...blocks.values()]) : sumOf(active.map((e) => e.weight));
  return {
    budget,
    legacyRate: null,
    total,
    grade: total === null ? null : selfEvaluation.grades!.grade(total),
    weightSum: weights === null ? null : round2(weights + budgetWeight, "half-up"),
  };
}

/** Suggested scores, the budget rate and score, then the total and grade, then the draft reasons. */
export function fillWrites(form: SelfEvaluationForm, result: SheetResult, totalAndGrade: CellWrite[]): CellWrite[] {
  const writes: CellWrite[] = [];
  for (const e of result.evaluations) {
    const s = e.indicator.score;
    if (!fillable(s) || e.suggested === null || e.placeholder) continue;
    const shown = fmt2(e.suggested);
    writes.push({
      cell: s.address,
      value: e.suggested,
      numberFormat: SCORE_FORMAT,
      purpose: "score",
      message: { zh: `按评分规则填入建议得分 ${shown}`, en: `Suggested score ${shown} by the rules` },
    });
  }
  const funds = form.funds;
  if (funds && result.figures?.budget) {
    const { rate, score } = result.figures.budget;
    if (fillable(funds.total.rate)) {
      writes.push({ cell: funds.total.rate.address, value: rate, numberFormat: SCORE_FORMAT, purpose: "budget-rate", message: { zh: `执行率 ${fmt2(rate)}`, en: `Execution rate ${fmt2(rate)}` } });
    }
    if (fillable(funds.total.score)) {
      writes.push({ cell: funds.total.score.address, value: score, numberFormat: SCORE_FORMAT, purpose: "budget-score", message: { zh: `预算执行得分 ${fmt2(score)}`, en: `Budget score ${fmt2(score)}` } });
    }
  }
  writes.push(...totalAndGrade);
  const one = form.formReason;
  const missing = result.evaluations.filter((e) => e.needsExplanation && !e.placeholder);
  if (blankText(one) && missing.length > 0 && !form.indicators.some((i) => i.reason)) {
    // Hubei's one reason row: a draft line per row that missed its target.
    const value = missing.map((e) => `第${e.indicator.row}行“${e.indicator.name}”：${draftReason(e)}`).join("\n");
    writes.push({ cell: one.address, value, purpose: "draft", message: { zh: "偏差原因分析草稿（待补充原因）", en: "Draft deviation note (cause to be completed)" } });
  }
  for (const e of result.evaluations) {
    const r = e.indicator.reason;
    if (!e.needsExplanation || !blankText(r)) continue;
    writes.push({ cell: r.address, value: draftReason(e), purpose: "draft", message: { zh: "偏差原因分析草稿（待补充原因）", en: "Draft deviation note (cause to be completed)" } });
  }
  return writes;
}

type FundsRole = "initial" | "budget" | "executed" | "weight" | "rate" | "score" | "reason";
function fundsRole(k: string): FundsRole | null {
  if (/年初预算/.test(k)) return "initial";
  if (/^原因/.test(k) || /原因(说明|分析)$/.test(k)) return "reason";
  // 执行率权重 (Chongqing) is the weight, not the rate.
  if (/权重$/.test(k) || k === "分值" || k === "分数" || /^(分值|权重)\(分\)$/.test(k)) return "weight";
  // 得分（20分*执行率） and 执行率得分（分） are the score, though they name the rate.
  if (/^得分/.test(k) || /得分(\(分\))?$/.test(k)) return "score";
  if (/执行率/.test(k)) return "rate";
  if (/执行数/.test(k)) return "executed";
  if (/预算数/.test(k)) return "budget";
  return null;
}

/** The rows of the funds block below its total (RULES-2 §9.1): the sources of the money. */
const FUNDS_PART = /(当年财政拨款|本年财政拨款|财政拨款|上年结转|其他资金|财政资金|财政专户|单位资金|中央补助|基本支出|项目支出)/;
/** A department-wide form breaks the total down twice (RULES-2 §8.2): by source and by use. */
const GROUP_START = /^按(收入|支出)性质/;
/** The total row's label: 年度资金总额, 年度财政资金总额, 总额. */
const FUNDS_TOTAL = (k: string) => /^(年度)?(财政)?资金总额/.test(k) || /^总额[:：]?$/.test(k);
/** A weight in a label: （10分）, （20分*执行率）. */
const LABEL_WEIGHT = /\((\d+(?:\.\d+)?)分/;

/** Chongqing's 部门预算执行情况（万元）: a titled block whose one figures row has no label of its own (RULES-2 §8.3). */
const FUNDS_TITLE = (k: string) => REGIONS.department.chongqing.fundsTitle.test(k);

function fundsRolesIn(grid: Grid, row: number, fromCol: number): Partial<Record<FundsRole, number>> {
  const cols: Partial<Record<FundsRole, number>> = {};
  for (let c = fromCol; c <= grid.right; c++) {
    if (grid.isCovered(row, c)) continue;
    const role = fundsRole(grid.key(row, c, false));
    if (role && cols[role] === undefined) cols[role] = c;
  }
  return cols;
}

type FundsCols = Partial<Record<FundsRole, number>>;

/** Where a funds block's figures are: the row scored, its label's cell, the columns, and a title that stands for the label. */
interface FundsAt {
  row: number;
  col: number;
  cols: FundsCols;
  /** Chongqing's titled block: one figures row, no parts, the title as its label. */
  title?: { row: number; col: number };
}

/** The 2020 template's block: the 年度资金总额 row, its column heads in the (up to three) rows above. */
function labelledFunds(grid: Grid, headerRow: number): FundsAt | null {
  const hit = findCells(grid, grid.top, headerRow - 1, FUNDS_TOTAL)[0];
  if (!hit) return null;
  const cols: FundsCols = {};
  for (let r = hit.row - 1; r >= Math.max(grid.top, hit.row - 3) && Object.keys(cols).length < 3; r--) {
    for (const [role, c] of Object.entries(fundsRolesIn(grid, r, hit.col + 1)) as Array<[FundsRole, number]>) if (cols[role] === undefined) cols[role] = c;
  }
  return { row: hit.row, col: hit.col, cols };
}

/**
 * The titled block: the column heads in the title's row or the row below, the figures in the row
 * under the heads. Its "total row" is that figures row, labelled by the title's cell.
 */
function headedFunds(grid: Grid, headerRow: number): FundsAt | null {
  const title = findCells(grid, grid.top, headerRow - 1, FUNDS_TITLE)[0];
  if (!title) return null;
  for (let r = title.row; r <= Math.min(title.row + 1, headerRow - 2); r++) {
    const cols = fundsRolesIn(grid, r, title.col + 1);
    if (cols.budget !== undefined && cols.executed !== undefined) return { row: r + 1, col: title.col, cols, title };
  }
  return null;
}

/** The 项目资金 block of the 2020 template (年度资金总额 and its parts, RULES §2), or Chongqing's titled one. */
export function readFunds(grid: Grid, headerRow: number): FundsBlock | null {
  const at = labelledFunds(grid, headerRow) ?? headedFunds(grid, headerRow);
  if (!at) return null;
  const { row: totalRow, col: labelCol, cols } = at;
  if (cols.budget === undefined || cols.executed === undefined) return null;
  const rowAt = (r: number, c: number): FundsRow => ({
    label: grid.str(r, c).replace(/^按(收入|支出)性质分?[:：]?/, ""),
    row: r,
    labelCell: toA1(r, c),
    initial: numCell(grid, r, cols.initial),
    budget: numCell(grid, r, cols.budget),
    executed: numCell(grid, r, cols.executed),
    weight: numCell(grid, r, cols.weight),
    rate: numCell(grid, r, cols.rate),
    score: numCell(grid, r, cols.score),
    ...(cols.reason !== undefined ? { reason: textCell(grid, r, cols.reason) } : {}),
  });
  const parts: FundsRow[] = [];
  const groups: FundsRow[][] = [[]];
  for (let r = totalRow + 1; !at.title && r < headerRow && r <= totalRow + 8; r++) {
    let starts = false;
    for (let c = grid.left; c <= labelCol; c++) if (!grid.isCovered(r, c) && GROUP_START.test(grid.key(r, c, false))) starts = true;
    if (starts && groups[groups.length - 1].length > 0) groups.push([]);
    const k = grid.key(r, labelCol).replace(GROUP_START, "").replace(/^分[:：]?/, "");
    if (FUNDS_PART.test(k)) {
      const row = rowAt(r, labelCol);
      parts.push(row);
      groups[groups.length - 1].push(row);
    }
  }
  let unit: FundsBlock["unit"] = "";
  for (let r = Math.max(grid.top, totalRow - 3); r <= totalRow && unit === ""; r++) {
    for (let c = grid.left; c <= grid.right; c++) {
      const k = grid.key(r, c, false);
      if (/万元/.test(k)) unit = "万元";
      else if (/[(（]元[)）]/.test(k) || /单位[:：]元/.test(k)) unit = "元";
      if (unit) break;
    }
  }
  let labelWeight: number | null = null;
  for (let r = Math.max(grid.top, totalRow - 3); r < totalRow && labelWeight === null; r++) {
    for (let c = grid.left; c <= grid.right && labelWeight === null; c++) {
      const m = LABEL_WEIGHT.exec(grid.key(r, c, false));
      if (m) labelWeight = Number(m[1]);
    }
  }
  const total = rowAt(totalRow, labelCol);
  if (at.title) {
    total.label = grid.str(at.title.row, at.title.col).replace(/[(（].*$/, "");
    total.labelCell = toA1(at.title.row, at.title.col);
  }
  return { unit, total, parts, labelWeight, groups: groups.filter((g) => g.length > 0) };
}
