import { createActions } from "../../src/excel/actions";
import { fromXlsx } from "../../src/emulator";
import { evaluate } from "../../src/emulator/recalc";
import { buildSelfEval, standardIndicators } from "../builders/selfEval";
import { cellKey } from "../../src/emulator/state";

describe("recalculation, as Excel in automatic mode", () => {
  test("SUM over ranges, as the core's evaluator computes it", () => {
    const sheet = { cells: new Map([[cellKey(6, 8), { value: 9.85, formula: null }], [cellKey(13, 7), { value: 20, formula: null }], [cellKey(14, 7), { value: "达成", formula: null }]]) };
    expect(evaluate(sheet as never, "=H6+SUM(G13:G14)")).toBeCloseTo(29.85, 10);
    expect(evaluate(sheet as never, "=SUM(G13:G14*2)")).toBe("#NAME?");
  });

  test("a =SUM total follows the scores the add-in fills, so the next check finds it right", async () => {
    const inds = standardIndicators();
    inds[0] = { ...inds[0], score: null };
    inds[2] = { ...inds[2], score: null };
    // The cached total is what the sheet showed with two scores blank: 9.85 + 60.
    const built = buildSelfEval({ indicators: inds, total: 69.85, totalFormula: true, grade: "中" });
    const host = await fromXlsx(await built.builder.toBuffer());
    const actions = createActions(host.run, { isSetSupported: host.isSetSupported, library: host.library });
    const before = await actions.check();
    expect(before.sheets[0].result.findings.map((f) => f.code)).toContain("total-mismatch");
    await actions.fill();
    const after = await actions.check();
    const codes = after.sheets[0].result.findings.filter((f) => f.severity === "error").map((f) => `${f.code}@${f.cell}`);
    // The formula was kept and recalculated to 99.85; only the stated grade (中) is now wrong.
    expect(codes).toEqual([`grade-mismatch@${built.gradeCell}`]);
    expect(after.sheets[0].result.figures?.total).toBeCloseTo(99.85, 10);
  });

  test("a person's edit recalculates the sheet too", async () => {
    const built = buildSelfEval({ indicators: standardIndicators(), total: 99.85, totalFormula: true, grade: "优" });
    const host = await fromXlsx(await built.builder.toBuffer());
    host.userEdit(built.builder.name, built.cell(0, "score"), 10);
    const actions = createActions(host.run, { isSetSupported: host.isSetSupported, library: host.library });
    const r = await actions.check();
    const total = r.sheets[0].result.form!.total!.score!;
    expect(total.formula).toMatch(/SUM/);
    expect(total.value).toBeCloseTo(89.85, 10);
  });
});
