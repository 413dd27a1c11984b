import type { SheetResult } from "./result";
import type { NumCell } from "./forms/model";
import { fmt2 } from "./numbers";
import type { Message } from "./rules/types";

/**
 * A figure as the form states it and as the checker computes it. Every host shows both apart: a
 * computed total beside an empty total cell is a suggestion, not what the form says, and a stated
 * total that disagrees with the computation is shown with the computation beside it.
 */
export interface Figure<T> {
  stated: T | null;
  computed: T | null;
}

interface ShownFigures {
  total: Figure<number>;
  grade: Figure<string>;
  /** 预算执行率 in percent. */
  rate: Figure<number>;
  /** 预算执行得分. */
  budgetScore: Figure<number>;
}

const num = (c: NumCell | null | undefined): number | null => (c && typeof c.value === "number" && Number.isFinite(c.value) ? c.value : null);

export function shownFigures(r: SheetResult): ShownFigures {
  const f = r.figures;
  const form = r.form;
  const grade = form?.grade?.text.trim() ? form.grade.text.trim() : null;
  let statedRate: number | null = null;
  let statedScore: number | null = null;
  if (form && "funds" in form) {
    const total = form.funds?.total;
    statedRate = num(total?.rate);
    statedScore = num(total?.score);
  } else if (form && "statedRate" in form) {
    statedRate = num(form.statedRate);
  }
  return {
    total: { stated: num(form?.total?.score), computed: f?.total ?? null },
    grade: { stated: grade, computed: f?.grade ?? null },
    rate: { stated: statedRate, computed: f?.budget?.rate ?? f?.legacyRate ?? null },
    budgetScore: { stated: statedScore, computed: f?.budget?.score ?? null },
  };
}

const same = <T>(a: T, b: T) => (typeof a === "number" && typeof b === "number" ? Math.abs(a - b) < 0.005 : a === b);

/**
 * `总分 92.61（表内）· 核算 91.61` when the two differ, `总分 92.61` when they agree,
 * `总分（建议）94.33` when the form states none, `总分 92.61（表内）` when nothing was computed;
 * null when there is neither.
 */
export function figureText<T extends number | string>(label: Message, fig: Figure<T>, show: (v: T) => string = (v) => (typeof v === "number" ? fmt2(v) : String(v))): Message | null {
  const { stated, computed } = fig;
  if (stated === null && computed === null) return null;
  if (stated === null) return { zh: `${label.zh}（建议）${show(computed!)}`, en: `${label.en} (suggested) ${show(computed!)}` };
  if (computed === null) return { zh: `${label.zh} ${show(stated)}（表内）`, en: `${label.en} ${show(stated)} (on the form)` };
  if (same(stated, computed)) return { zh: `${label.zh} ${show(stated)}`, en: `${label.en} ${show(stated)}` };
  return { zh: `${label.zh} ${show(stated)}（表内）· 核算 ${show(computed)}`, en: `${label.en} ${show(stated)} (on the form) · computed ${show(computed)}` };
}

const FIGURE_LABEL = {
  total: { zh: "总分", en: "Total" },
  grade: { zh: "等级", en: "Grade" },
  rate: { zh: "预算执行率", en: "Execution rate" },
  budgetScore: { zh: "预算执行得分", en: "Budget score" },
} as const;

const pct = (v: number) => `${fmt2(v)}%`;

/** The figures of a result, each told as stated and computed, in the order a reader looks for them. */
export function figureLines(r: SheetResult): Message[] {
  const s = shownFigures(r);
  return [
    figureText(FIGURE_LABEL.rate, s.rate, pct),
    figureText(FIGURE_LABEL.budgetScore, s.budgetScore),
    figureText(FIGURE_LABEL.total, s.total),
    figureText(FIGURE_LABEL.grade, s.grade),
  ].filter((m): m is Message => m !== null);
}
