/**
 * Chongqing's 部门整体绩效自评表 (RULES-2 §8.3): 执行率权重 / 执行率得分, an indicator table with no level
 * columns (指标名称 … 年初指标值 | 调整指标值 | 全年完成值 | 得分系数（%） | 指标权重（分） | 指标得分（分）),
 * 自评总分 at the top, no reasons, no grade. Built as the published form is laid out.
 */
import { analyzeSheet } from "../../../src/core/engine";
import { planFill } from "../../../src/core/fill";
import { chongqing, ROWS } from "../../builders/chongqing";

const codes = (r: ReturnType<typeof analyzeSheet>) => r.findings.map((f) => `${f.code}@${f.cell}`);

describe("Chongqing's layout", () => {
  test("is a department-wide form: 执行率得分 = 权重 × 执行率, 自评总分 = 7.6 + Σ 指标得分, no grade, nothing wrong", () => {
    const r = analyzeSheet(chongqing().toSnapshot());
    expect(r.kind).toBe("department-self-evaluation");
    expect(r.form).toMatchObject({ layout: "coefficient", total: { labelCell: "H2", score: { address: "I2", value: 97.6 } } });
    expect(r.figures).toMatchObject({ budget: { rate: 76, score: 7.6, weight: 10 }, total: 97.6, grade: null, weightSum: 100 });
    expect(r.findings.filter((f) => f.severity !== "info")).toEqual([]);
  });

  test("the target is 调整指标值 where filled, else 年初指标值; 定量指标 is the nature, not a comparator", () => {
    const r = analyzeSheet(chongqing().toSnapshot());
    const [first, adjusted] = r.form!.indicators;
    expect(first).toMatchObject({ targetCell: "D9", targetText: "≥95(%)", target: { kind: "quantity", op: ">=", value: 95 } });
    expect(first.initialTarget).toBeUndefined();
    expect(adjusted).toMatchObject({ targetCell: "E10", target: { kind: "quantity", op: ">=", value: 85 }, initialTarget: { cell: "D10", text: "≥90(%)" } });
  });

  test("a score that is not 权重 × 系数 is coefficient-mismatch (a warning) at the score", () => {
    const rows = ROWS.map((r, i) => (i === 1 ? { ...r, coef: 80, score: 20 } : r));
    const r = analyzeSheet(chongqing({ rows, total: 97.6 }).toSnapshot());
    const f = r.findings.filter((x) => x.code === "coefficient-mismatch");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "warning", cell: "I10" });
    expect(f[0].message.zh).toContain("指标权重 20.00 × 得分系数 80% = 16.00");
    expect(r.findings.filter((x) => x.severity === "error")).toEqual([]);
  });

  test("near miss: 系数 80 with 得分 16 agrees; a fraction under a head without % reads as the share", () => {
    const rows = ROWS.map((r, i) => (i === 1 ? { ...r, coef: 80, score: 16 } : r));
    expect(analyzeSheet(chongqing({ rows, total: 93.6 }).toSnapshot()).findings.filter((f) => f.severity !== "info")).toEqual([]);
    const fractions = ROWS.map((r, i) => (i === 1 ? { ...r, coef: 0.8, score: 16 } : { ...r, coef: 1 }));
    const r = analyzeSheet(chongqing({ rows: fractions, total: 93.6, coefHead: "得分系数" }).toSnapshot());
    expect(r.findings.filter((f) => f.severity !== "info")).toEqual([]);
  });

  test("自评总分 ≠ 执行率得分 + Σ 指标得分 is total-mismatch at the top", () => {
    const r = analyzeSheet(chongqing({ total: 98 }).toSnapshot());
    expect(codes(r)).toContain("total-mismatch@I2");
  });

  test("执行率得分 must be 执行率权重 × 执行率: 8 for 76 % is budget-score-mismatch; the total counts the computed 7.6", () => {
    const r = analyzeSheet(chongqing({ rateScore: 8, total: 97.6 }).toSnapshot());
    expect(codes(r)).toContain("budget-score-mismatch@G5");
    expect(codes(r)).not.toContain("total-mismatch@I2");
  });

  test("weights: 执行率权重 + Σ 指标权重 must be 100", () => {
    const rows = ROWS.map((r, i) => (i === 0 ? { ...r, weight: 35, score: 35 } : r));
    const r = analyzeSheet(chongqing({ rows, total: 102.6 }).toSnapshot());
    expect(r.findings.find((f) => f.code === "weight-sum")?.message.zh).toContain("合计为 105.00");
  });

  test("no level columns: the project form's categories are not asked; no reason column: no missing-explanation", () => {
    // No 产出 / 效益 levels and no 满意度 indicator: a project form would have all three asked.
    const rows = ROWS.map((r, i) => (i === 2 ? { ...r, actual: "600", coef: 50, score: 10 } : i === 3 ? { ...r, name: "廉政建设达标率" } : r));
    const r = analyzeSheet(chongqing({ rows, total: 87.6 }).toSnapshot());
    expect(r.form!.indicators.some((i) => i.name.includes("满意"))).toBe(false);
    expect(codes(r).filter((c) => /missing-(category|satisfaction|explanation)/.test(c))).toEqual([]);
  });

  test("filling writes the empty scores (权重 × 系数), the budget score and the total, and nothing else", () => {
    const rows = ROWS.map((r, i) => (i === 3 ? { ...r, coef: 90, score: null } : r));
    const { plan, after } = planFill(chongqing({ rows, total: null, rateScore: null }).toSnapshot());
    expect(plan.writes.map((w) => [w.cell, w.value])).toEqual([
      ["I12", 18],
      ["G5", 7.6],
      ["I2", 95.6],
    ]);
    expect(after.findings.filter((f) => f.severity !== "info")).toEqual([]);
  });

  test("near miss: the same table under a project title without 得分系数 is not this layout", () => {
    const b = chongqing();
    b.set(1, 1, "项目支出绩效自评表");
    b.set(8, 7, "备注");
    expect(analyzeSheet(b.toSnapshot()).form).not.toMatchObject({ layout: "coefficient" });
  });
});
