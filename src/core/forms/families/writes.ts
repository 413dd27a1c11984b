import { fmt2, HALF_CENT, round2 } from "../../numbers";
import type { CellWrite } from "../../planTypes";
import { DRAFT_MARKER, type Evaluation } from "../../scoring/evaluation";
import type { Figures } from "../../scoring/figureTypes";
import type { Form, NumCell, TextCell } from "../model";

/** Scores, rates and totals are written with two decimals. */
export const SCORE_FORMAT = "0.00";

/** The draft deviation note: the facts after the marker, for a person to complete (RULES §5). */
export function draftReason(e: Evaluation): string {
  const ind = e.indicator;
  const facts: string[] = [];
  if (e.mode === "quantitative") {
    facts.push(`目标 ${ind.targetText}，实际 ${ind.actualText}`);
    if (e.completion !== null && e.completion !== undefined) facts.push(`完成率 ${fmt2(e.completion)}%`);
  } else if (e.mode === "qualitative") {
    facts.push(`完成等级“${ind.actualText}”`);
  }
  if (e.weight !== null && e.effective !== null) {
    const lost = Math.max(0, e.weight - e.effective);
    facts.push(`得分 ${fmt2(e.effective)}（分值 ${fmt2(e.weight)}，扣 ${fmt2(lost)} 分）`);
  }
  return `${DRAFT_MARKER}${facts.join("，")}。请说明偏差原因和改进措施。`;
}

/** Truly empty: no value, no formula, not even a typed "-" or a space. */
export function fillable(c: NumCell | null | undefined): c is NumCell {
  return !!c && c.empty && !c.typed && !c.formula;
}

/** A text cell with nothing in it at all: no text, no formula, no space a person typed. */
export function blankText(c: TextCell | null | undefined): c is TextCell {
  return !!c && c.text === "" && !c.formula && !c.typed;
}

/** The total and the grade, where their cells are empty: what filling writes on every family that has them. */
export function totalAndGradeWrites(form: Form, figures: Figures): CellWrite[] {
  const writes: CellWrite[] = [];
  if (figures.total !== null && form.total && fillable(form.total.score)) {
    writes.push({ cell: form.total.score!.address, value: figures.total, numberFormat: SCORE_FORMAT, purpose: "total", message: { zh: `总分 ${fmt2(figures.total)}`, en: `Total ${fmt2(figures.total)}` } });
  }
  if (figures.grade !== null && blankText(form.grade)) {
    writes.push({ cell: form.grade.address, value: figures.grade, purpose: "grade", message: { zh: `评分等级 ${figures.grade}`, en: `Grade ${figures.grade}` } });
  }
  return writes;
}

/** A sum in two decimals, or null when any term is unknown. */
export function sumOf(xs: Array<number | null>): number | null {
  return xs.some((x) => x === null) ? null : round2(xs.reduce<number>((s, x) => s + (x as number), 0), "half-up");
}

/** The addresses of the cells that hold a formula. */
export function formulaAddresses(cells: Array<{ address: string; formula: string | null } | null | undefined>): string[] {
  return cells.filter((c): c is { address: string; formula: string } => !!c?.formula).map((c) => c.address);
}

/** A row scored below its weight needs an explanation (RULES §5): the rule of the families without targets' arithmetic. */
export function belowWeight(e: Evaluation): boolean {
  return e.weight !== null && e.score !== null && e.score < e.weight - HALF_CENT;
}
