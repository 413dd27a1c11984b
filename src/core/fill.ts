import { parseA1, parseRange } from "./address";
import { analyzeSheet, withoutStaleFormulas, type SheetResult } from "./engine";
import { fmt2 } from "./numbers";
import type { NumCell } from "./forms/model";
import { marksFor, type CellWrite, type WritePlan } from "./plan";
import type { SettingsInput } from "./settings";
import { DRAFT_MARKER, type Evaluation } from "./scoring/evaluate";
import type { SheetSnapshot } from "./snapshot";

const SCORE_FORMAT = "0.00";

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

/** Truly empty: no value, no formula, not even a typed "-". */
function fillable(c: NumCell | null | undefined): c is NumCell {
  return !!c && c.empty && !c.typed && !c.formula;
}

/**
 * What filling writes: only empty cells, never a formula or a typed value (RULES §7), and never a
 * number that is not finite (a weight of 1e308 makes the total Infinity, which Excel must repair).
 */
export function fillWrites(result: SheetResult): CellWrite[] {
  return plannedWrites(result).filter((w) => typeof w.value !== "number" || Number.isFinite(w.value));
}

function plannedWrites(result: SheetResult): CellWrite[] {
  const { form, figures } = result;
  if (!form || !figures || form.kind === "targets") return [];
  const writes: CellWrite[] = [];
  if (form.kind === "self-evaluation") {
    for (const e of result.evaluations) {
      const s = e.indicator.score;
      if (!fillable(s) || e.suggested === null || e.placeholder) continue;
      writes.push({
        cell: s.address,
        value: e.suggested,
        numberFormat: SCORE_FORMAT,
        purpose: "score",
        message: { zh: `按评分规则填入建议得分 ${fmt2(e.suggested)}`, en: `Suggested score ${fmt2(e.suggested)} by the rules` },
      });
    }
    const funds = form.funds;
    if (funds && figures.budget) {
      const { rate, score } = figures.budget;
      if (fillable(funds.total.rate)) {
        writes.push({ cell: funds.total.rate.address, value: rate, numberFormat: SCORE_FORMAT, purpose: "budget-rate", message: { zh: `执行率 ${fmt2(rate)}`, en: `Execution rate ${fmt2(rate)}` } });
      }
      if (fillable(funds.total.score)) {
        writes.push({ cell: funds.total.score.address, value: score, numberFormat: SCORE_FORMAT, purpose: "budget-score", message: { zh: `预算执行得分 ${fmt2(score)}`, en: `Budget score ${fmt2(score)}` } });
      }
    }
  }
  if (figures.total !== null && form.total && fillable(form.total.score)) {
    writes.push({ cell: form.total.score!.address, value: figures.total, numberFormat: SCORE_FORMAT, purpose: "total", message: { zh: `总分 ${fmt2(figures.total)}`, en: `Total ${fmt2(figures.total)}` } });
  }
  if (figures.grade !== null && form.grade && form.grade.text === "" && !form.grade.formula) {
    writes.push({ cell: form.grade.address, value: figures.grade, purpose: "grade", message: { zh: `评分等级 ${figures.grade}`, en: `Grade ${figures.grade}` } });
  }
  if (form.kind === "self-evaluation") {
    for (const e of result.evaluations) {
      const r = e.indicator.reason;
      if (!e.needsExplanation || !r || r.text !== "" || r.formula) continue;
      writes.push({ cell: r.address, value: draftReason(e), purpose: "draft", message: { zh: "偏差原因分析草稿（待补充原因）", en: "Draft deviation note (cause to be completed)" } });
    }
  }
  return writes;
}

/** A copy of the snapshot with the writes applied, growing the grid where a write falls outside it. */
export function applyWrites(snapshot: SheetSnapshot, writes: CellWrite[]): SheetSnapshot {
  const s: SheetSnapshot = {
    ...snapshot,
    values: snapshot.values.map((r) => [...r]),
    text: snapshot.text.map((r) => [...r]),
    numberFormats: snapshot.numberFormats.map((r) => [...r]),
    formulas: snapshot.formulas.map((r) => [...r]),
  };
  for (const w of writes) {
    const { row, col } = parseA1(w.cell);
    const i = row - s.origin.row;
    const j = col - s.origin.col;
    if (i < 0 || j < 0) continue;
    while (s.values.length <= i) {
      s.values.push([]);
      s.text.push([]);
      s.numberFormats.push([]);
      s.formulas.push([]);
    }
    for (const grid of [s.values, s.text, s.numberFormats, s.formulas] as unknown[][][]) {
      const filler = grid === s.values || grid === s.formulas ? null : grid === s.text ? "" : "General";
      while (grid[i].length <= j) grid[i].push(filler);
    }
    s.values[i][j] = w.value;
    s.text[i][j] = typeof w.value === "number" ? fmt2(w.value) : w.value;
    if (w.numberFormat) s.numberFormats[i][j] = w.numberFormat;
  }
  return s;
}

/**
 * A cell inside a merged area other than its top-left: a write there would land in the anchor, in
 * another column (a reason cell under a merge F29:H30 would put the draft in F29). Never written.
 */
export function hiddenByMerge(snapshot: Pick<SheetSnapshot, "merges">, cell: string): boolean {
  const { row, col } = parseA1(cell);
  return snapshot.merges.some((m) => {
    const r = parseRange(m);
    return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right && (row !== r.top || col !== r.left);
  });
}

export interface FillResult {
  plan: WritePlan;
  before: SheetResult;
  /** The sheet as it reads once the writes are made. */
  after: SheetResult;
}

/** Plan the 填写 action: the writes, and the marks for what is still wrong after them. */
export function planFill(snapshot: SheetSnapshot, settings?: SettingsInput): FillResult {
  const before = analyzeSheet(snapshot, settings);
  // A protected sheet takes no writes and no marks; the hosts say so to the user.
  if (snapshot.protected) return { plan: { writes: [], marks: [] }, before, after: before };
  const writes = fillWrites(before).filter((w) => !hiddenByMerge(snapshot, w.cell));
  const after = writes.length > 0 ? withoutStaleFormulas(analyzeSheet(applyWrites(snapshot, writes), settings)) : before;
  return { plan: { writes, marks: marksFor(after.findings) }, before, after };
}

/** Plan the 检查 action: marks only. */
export function planCheck(snapshot: SheetSnapshot, settings?: SettingsInput): { plan: WritePlan; result: SheetResult } {
  const result = analyzeSheet(snapshot, settings);
  return { plan: { writes: [], marks: snapshot.protected ? [] : marksFor(result.findings) }, result };
}
