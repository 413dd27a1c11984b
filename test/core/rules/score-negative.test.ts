/** score-negative (error, at the score cell) — RULES §6. */
import rule from "../../../src/core/rules/score-negative";
import { ruleTester } from "./ruleTester";
import * as forms from "./support";
import { indicatorsWith, legacyWith, plainSpec, run, runLegacy, single, withCode } from "./support";

describe("triggers", () => {
  test("a score of -1", () => {
    const { built, result } = run(plainSpec({ indicators: indicatorsWith({ 0: { score: -1, reason: "未完成" } }), total: 78.85, grade: "中" }));
    const f = single(result, "score-negative");
    expect(f.severity).toBe("error");
    expect(f.cell).toBe(built.cell(0, "score"));
    expect(f.cell).toBe("G13");
    expect(f.message.zh).toContain("得分 -1.00 为负数");
  });

  test("a negative score typed as text", () => {
    const { result } = run(plainSpec({ indicators: indicatorsWith({ 2: { score: "-0.5", reason: "超时" } }), total: 89.35, grade: "良" }));
    expect(single(result, "score-negative").cell).toBe("G15");
  });

  test("legacy", () => {
    const { result } = runLegacy({ sections: legacyWith({ 13: { score: -2 } }), totalScore: 84 });
    const f = single(result, "score-negative");
    expect(f.cell).toBe("E27");
    expect(f.message.zh).toContain("-2.00");
  });
});

describe("near misses", () => {
  test("a score of 0 (with a reason) is allowed", () => {
    const { result } = run(plainSpec({ indicators: indicatorsWith({ 0: { score: 0, reason: "未完成" } }), total: 79.85, grade: "中" }));
    expect(withCode(result, "score-negative")).toEqual([]);
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  test("legacy placeholders scored 0", () => {
    expect(withCode(runLegacy().result, "score-negative")).toEqual([]);
  });
});

// The rule alone, over a table of small forms (test/core/rules/ruleTester.ts).
{
ruleTester.run(rule, {
  valid: [
    { name: "a score of 0", form: forms.formWithRows({ 0: { score: 0, reason: "未完成" } }) },
  ],
  invalid: [
    { name: "−1", form: forms.formWithRows({ 0: { score: -1, reason: "未完成" } }), findings: [{ cell: "G13", messageId: "negative", data: { score: "-1.00" } }] },
    { name: "\"-0.5\" as text", form: forms.formWithRows({ 2: { score: "-0.5", reason: "超时" } }), findings: [{ cell: "G15", messageId: "negative" }] },
  ],
});
}
