/**
 * weight-sum (error, at the total weight cell) — RULES §4: self-evaluation 10 (budget) + indicator
 * weights = 100; legacy: each section's weights add up to the number in its label, the labels to 100.
 */
import rule from "../../../src/core/rules/weight-sum";
import { ruleTester } from "./ruleTester";
import * as forms from "./support";
import { errorsOf, indicatorsWith, legacySections, legacyWith, plainSpec, run, runLegacy, setCell, single, valueAt, withCode } from "./support";
import { analyzeSheet } from "../../../src/core/engine";

describe("self-evaluation", () => {
  test("indicator weights of 91 with the budget's 10 make 101", () => {
    // Row 13 weighs 21 (scored 20 with a reason for the missing point).
    const { built, result } = run(plainSpec({ indicators: indicatorsWith({ 0: { weight: 21, reason: "一项未验收" } }) }));
    const f = single(result, "weight-sum");
    expect(f.severity).toBe("error");
    expect(f.cell).toBe("F19");
    expect(built.totalCell).toBe("G19"); // the weight cell of the 总分 row is left of the total score
    expect(f.message.zh).toContain("合计为 101.00，应为 100");
    expect(errorsOf(result)).toEqual(["weight-sum@F19"]);
  });

  test("a budget weight of 5 with indicators of 90 make 95", () => {
    // 5 × 98.5% = 4.925 → 4.92 (cut); total 4.92 + 90 = 94.92.
    const { result } = run(plainSpec({ funds: { initial: 100, budget: 100, executed: 98.5, weight: 5, score: 4.92 }, total: 94.92 }));
    const f = single(result, "weight-sum");
    expect(f.cell).toBe("F19");
    expect(f.message.zh).toContain("合计为 95.00");
  });

  test("the 总分 row states a weight total other than 100", () => {
    const { snap } = run(plainSpec());
    const result = analyzeSheet(setCell(snap, "F19", 90));
    const f = single(result, "weight-sum");
    expect(f.cell).toBe("F19");
    expect(f.message.zh).toContain("分值合计栏为 90.00，应为 100");
  });
});

describe("self-evaluation near misses", () => {
  test("10 + 90 = 100", () => {
    const { result } = run(plainSpec());
    expect(withCode(result, "weight-sum")).toEqual([]);
    expect(result.figures?.weightSum).toBe(100);
  });

  test("budget weight 5 with indicators of 95", () => {
    // The builder works out the budget score itself: 5 × 98.5% = 4.925 → 4.92.
    const { built, snap, result } = run(
      plainSpec({ funds: { initial: 100, budget: 100, executed: 98.5, weight: 5 }, indicators: indicatorsWith({ 5: { weight: 15, score: 15 } }), total: 99.92 }),
    );
    expect(valueAt(snap, built.budgetScoreCell)).toBe(4.92);
    expect(withCode(result, "weight-sum")).toEqual([]);
    expect(errorsOf(result)).toEqual([]);
  });

  test("decimal weights adding up to 100 (0.1 + 0.2 style sums)", () => {
    const { result } = run(
      plainSpec({ indicators: indicatorsWith({ 0: { weight: 19.9, score: 19.9 }, 2: { weight: 10.1, score: 10.1 } }) }),
    );
    expect(withCode(result, "weight-sum")).toEqual([]);
  });
});

describe("legacy", () => {
  test("the seed: 36 + 34 + 15 + 15, placeholders without weight", () => {
    const { result } = runLegacy();
    expect(withCode(result, "weight-sum")).toEqual([]);
    expect(result.figures?.weightSum).toBe(100);
  });

  test("a section whose weights fall short of its label: error at the section label, and the sum at 合计", () => {
    // 资金使用的合规性 6 → 5: 投入与管理 adds up to 35 of its 36, all weights to 99.
    const { built, result } = runLegacy({ sections: legacyWith({ 0: { weight: 5, score: 5 } }), totalScore: 90 });
    const fs = withCode(result, "weight-sum");
    expect(fs.map((f) => f.cell).sort()).toEqual([built.totalWeightCell, built.sectionCells[0]].sort());
    expect(built.sectionCells[0]).toBe("A14");
    expect(built.totalWeightCell).toBe("D29");
    const section = fs.find((f) => f.cell === "A14")!;
    expect(section.severity).toBe("error");
    expect(section.message.zh).toContain("“投入与管理”标注 36.00 分，其下各指标权重合计为 35.00");
    expect(fs.find((f) => f.cell === "D29")!.message.zh).toContain("合计为 99.00");
  });

  test("weights moved between sections: the total is 100 but two sections are off", () => {
    // 资金使用的合规性 6 → 7 (投入与管理 37 of 36), 及时性 7 → 6 (产出目标 33 of 34).
    const { result } = runLegacy({ sections: legacyWith({ 0: { weight: 7, score: 6 }, 9: { weight: 6 } }) });
    const fs = withCode(result, "weight-sum");
    expect(fs.map((f) => f.cell).sort()).toEqual(["A14", "A20"]);
    expect(fs.find((f) => f.cell === "A20")!.message.zh).toContain("标注 34.00 分，其下各指标权重合计为 33.00");
  });

  test("section labels that add up to 101", () => {
    const sections = legacySections();
    sections[3] = { label: "影响力目标 (16分)", rows: [...sections[3].rows, { name: "新增指标", weight: 1, score: 1 }] };
    const { result } = runLegacy({ sections, totalScore: 92, totalWeight: 101 });
    const fs = withCode(result, "weight-sum");
    const labels = fs.find((f) => f.cell === "A13");
    expect(labels?.message.zh).toContain("标注的分数合计为 101.00，应为 100");
  });

  test("full-width parentheses in the label: 产出目标（34分）", () => {
    const sections = legacySections();
    sections[1] = { ...sections[1], label: "产出目标（34分）" };
    const { result } = runLegacy({ sections });
    expect(withCode(result, "weight-sum")).toEqual([]);
    expect(result.evaluations.find((e) => e.indicator.row === 21)?.indicator.sectionWeight).toBe(34);
  });
});

// The rule alone, over a table of small forms (test/core/rules/ruleTester.ts).
{
const labelled = (output: string) =>
  forms.formOf({ indicators: forms.standardIndicators().map((i) => ({ ...i, l1: i.l1 === "产出指标" ? output : i.l1 === "效益指标" ? "效益指标（30分）" : "满意度指标（10分）" })) });

ruleTester.run(rule, {
  valid: [
    { name: "90 + 10 for the budget", form: forms.formOf() },
    { name: "the legacy sections and their labels", form: forms.legacyForm() },
    { name: "labelled first levels that add up", form: labelled("产出指标（50分）") },
  ],
  invalid: [
    { name: "105", form: forms.formWithRows({ 0: { weight: 25, score: 25 } }), findings: [{ cell: "F19", messageId: "sum", data: { sum: "105.00" } }] },
    { name: "the weight total cell reads 95", form: forms.legacyForm({ totalWeight: 95 }), findings: [{ cell: "D29", messageId: "statedTotal", data: { stated: "95.00" } }] },
    {
      name: "a legacy section short of its label",
      form: forms.legacyForm({ sections: forms.legacyWith({ 0: { weight: 5, score: 5 } }), totalScore: 90 }),
      findings: [{ cell: "D29", messageId: "sum", data: { sum: "99.00" } }, { cell: "A14", messageId: "section", data: { weight: "36.00", sum: "35.00" } }],
    },
    {
      name: "a label past its weights, the labels past 100 with the budget",
      form: labelled("产出指标（55分）"),
      findings: [{ cell: "A13", messageId: "section", data: { weight: "55.00", sum: "50.00" } }, { cell: "A12", messageId: "labelsWithBudget", data: { labelled: "95.00", budget: "10.00" } }],
    },
    {
      name: "legacy labels past 100",
      form: forms.legacyForm({ sections: forms.legacySections().map((s, i) => (i === 0 ? { ...s, label: "投入与管理 (40分)" } : s)) }),
      findings: [{ cell: "A14", messageId: "section", data: { weight: "40.00" } }, { cell: "A13", messageId: "labels", data: { labelled: "104.00" } }],
    },
  ],
});
}
