import { createActions } from "../../src/excel/actions";
import { fromXlsx } from "../../src/emulator";
import { expandSums } from "../../src/emulator/recalc";
import { buildSelfEval, standardIndicators } from "../builders/selfEval";

describe("recalculation, as Excel in automatic mode", () => {
  test("SUM over ranges becomes terms the small evaluator knows", () => {
    expect(expandSums("=H6+SUM(G13:G14)")).toBe("=H6+(N(G13)+N(G14))");
    expect(expandSums("=SUM(A1,B2:B3)")).toBe("=(N(A1)+N(B2)+N(B3))");
    expect(expandSums("=SUM(A1:A2*2)")).toBe("=SUM(A1:A2*2)");
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
