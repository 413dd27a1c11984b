/**
 * formula-unchecked (notice, at the figure's cell) — issue 15 §3: formula cells are checked unless
 * their result is genuinely unknown. A stored result is checked as written; a missing or stale one
 * (a workbook that asks to be recalculated, as a filled copy does) is computed by the engine for the
 * formulas forms use; only what it cannot compute is passed over, and said so.
 */
import rule from "../../../src/core/rules/formula-unchecked";
import { ruleTester } from "./ruleTester";
import * as forms from "./support";
import { analyzeSheet } from "../../../src/core/engine";
import { planFill } from "../../../src/core/fill";
import type { SheetSnapshot } from "../../../src/core/snapshot";
import { buildSelfEval, plainSpec, setCell, withCode } from "./support";

function form(opts: { formula: string; stored: number | null; stale?: boolean }): { snap: SheetSnapshot; totalCell: string } {
  const built = buildSelfEval(plainSpec());
  let snap = built.builder.toSnapshot();
  snap = setCell(snap, built.totalCell, opts.stored, { formula: opts.formula, format: "0.00" });
  return { snap: opts.stale ? { ...snap, recalculatesOnLoad: true } : snap, totalCell: built.totalCell };
}

describe("triggers", () => {
  test("a formula on another sheet with no stored result: a notice, and no verdict on the total", () => {
    const { snap, totalCell } = form({ formula: "=汇总!B2", stored: null });
    const r = analyzeSheet(snap);
    const f = withCode(r, "formula-unchecked");
    expect(f.map((x) => [x.severity, x.cell])).toEqual([["info", totalCell]]);
    expect(f[0].message.zh).toContain("公式结果未知");
    expect(withCode(r, "total-mismatch")).toEqual([]);
  });

  test("a function the engine does not know, in a workbook asking to be recalculated", () => {
    const { snap, totalCell } = form({ formula: "=SUMPRODUCT(F13:F18,G13:G18)/100", stored: 1, stale: true });
    const r = analyzeSheet(snap);
    expect(withCode(r, "formula-unchecked").map((x) => x.cell)).toEqual([totalCell]);
    expect(withCode(r, "total-mismatch")).toEqual([]);
  });
});

describe("near misses: formulas the engine computes are checked", () => {
  test("a stale stored result (fullCalcOnLoad) of a wrong formula: computed, and the total is wrong", () => {
    // =SUM(...)+7 stored as the right total: the workbook says it will recalculate, so the stored 99.85 is not believed.
    const { snap, totalCell } = form({ formula: "=H6+SUM(G13:G18)+7", stored: 99.85, stale: true });
    const r = analyzeSheet(snap);
    expect(withCode(r, "formula-unchecked")).toEqual([]);
    expect(withCode(r, "total-mismatch").map((f) => f.cell)).toEqual([totalCell]);
    expect(r.form!.total!.score!.value).toBeCloseTo(106.85, 10);
  });

  test("no stored result, a right formula: computed and right", () => {
    const { snap } = form({ formula: "=ROUND(H6+SUM(G13:G18),2)", stored: null });
    const r = analyzeSheet(snap);
    expect(r.findings.filter((f) => f.severity !== "info")).toEqual([]);
    expect(r.form!.total!.score!.value).toBeCloseTo(99.85, 10);
  });

  test("a stored result is checked as written, even where the formula would give another", () => {
    const { snap, totalCell } = form({ formula: "=H6+SUM(G13:G18)", stored: 98 });
    expect(withCode(analyzeSheet(snap), "total-mismatch").map((f) => f.cell)).toEqual([totalCell]);
  });

  test("the filled copy of a form with a wrong formula total still reports it", () => {
    const built = buildSelfEval(plainSpec({ indicators: plainSpec().indicators.map((x, i) => (i === 0 ? { ...x, score: null } : x)) }));
    const snap = setCell(built.builder.toSnapshot(), built.totalCell, 86.85, { formula: "=H6+SUM(G13:G18)+7", format: "0.00" });
    const { plan, after } = planFill(snap);
    expect(plan.writes.map((w) => w.cell)).toContain(built.cell(0, "score"));
    expect(withCode(after, "total-mismatch").map((f) => f.cell)).toEqual([built.totalCell]);
    expect(withCode(after, "formula-unchecked")).toEqual([]);
  });
});

// The rule alone, over a table of small forms (test/core/rules/ruleTester.ts).
{
const totalBy = (formula: string, stored: number | null, stale = false) => {
  const built = forms.buildSelfEval(forms.plainSpec());
  const snap = forms.setCell(built.builder.toSnapshot(), built.totalCell, stored, { formula, format: "0.00" });
  return stale ? { ...snap, recalculatesOnLoad: true } : snap;
};

ruleTester.run(rule, {
  valid: [
    { name: "no formula", form: forms.formOf() },
    { name: "a formula with its stored result", form: totalBy("=汇总!B2", 99.85) },
    { name: "a stale formula the engine computes", form: totalBy("=H6+SUM(G13:G18)", 99.85, true) },
  ],
  invalid: [
    { name: "another sheet's cell, no stored result", form: totalBy("=汇总!B2", null), findings: [{ cell: "G19", messageId: "unknown", data: { cell: "G19" } }] },
    { name: "an unknown function, stale", form: totalBy("=SUMPRODUCT(F13:F18,G13:G18)/100", 1, true), findings: [{ cell: "G19", messageId: "unknown" }] },
  ],
});
}
