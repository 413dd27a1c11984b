/**
 * tier-on-quantitative (warning, at the actual cell) — RULES-2 §9.2: a published Sichuan form answers
 * ≤ 30 万元 with 完成 and the full score. The tier word is read as its tier (达成 = met), never an error.
 */
import rule from "../../../src/core/rules/tier-on-quantitative";
import { ruleTester } from "./ruleTester";
import * as forms from "./support";
import { errorsOf, indicatorsWith, plainSpec, run, single, withCode } from "./support";

describe("triggers", () => {
  test("≥25.00(项) answered 达成指标 with the full score: scored as 达成, a warning, no error", () => {
    const { built, result } = run(plainSpec({ indicators: indicatorsWith({ 0: { actual: "达成指标" } }) }));
    const f = single(result, "tier-on-quantitative");
    expect(f.severity).toBe("warning");
    expect(f.cell).toBe(built.cell(0, "actual"));
    expect(f.message.zh).toContain("已按完成等级“达成”计分");
    expect(result.evaluations[0]).toMatchObject({ mode: "qualitative", tier: "达成", suggested: 20 });
    expect(errorsOf(result)).toEqual([]);
  });

  test("完成 (Sichuan's word) reads as 达成", () => {
    const { result } = run(plainSpec({ indicators: indicatorsWith({ 2: { actual: "完成" } }) }));
    expect(single(result, "tier-on-quantitative").cell).toBe("E15");
    expect(result.evaluations[2].tier).toBe("达成");
  });

  test("部分达成 against a number keeps its band: the full score is then too high", () => {
    const { result } = run(plainSpec({ indicators: indicatorsWith({ 0: { actual: "部分达成指标并具有一定效果", reason: "部分事项顺延。" } }) }));
    expect(withCode(result, "tier-on-quantitative")).toHaveLength(1);
    expect(withCode(result, "tier-band-violation")).toHaveLength(1);
  });
});

describe("near misses", () => {
  test("a number against a number", () => {
    expect(withCode(run(plainSpec()).result, "tier-on-quantitative")).toEqual([]);
  });

  test("a tier against a qualitative target", () => {
    const { result } = run(plainSpec({ indicators: indicatorsWith({ 3: { actual: "达成指标" } }) }));
    expect(withCode(result, "tier-on-quantitative")).toEqual([]);
  });

  test("完成20项 is a quantity gone wrong, not a tier", () => {
    const { result } = run(plainSpec({ indicators: indicatorsWith({ 0: { actual: "完成20项" } }) }));
    expect(withCode(result, "tier-on-quantitative")).toEqual([]);
  });
});

// The rule alone, over a table of small forms (test/core/rules/ruleTester.ts).
{
ruleTester.run(rule, {
  valid: [
    { name: "numbers against numbers", form: forms.formOf() },
    { name: "a tier against a qualitative target", form: forms.formWithRows({ 3: { actual: "部分达成指标并具有一定效果", score: 16, reason: "部分事项顺延。" } }) },
  ],
  invalid: [
    { name: "达成指标 against ≥25.00(项)", form: forms.formWithRows({ 0: { actual: "达成指标" } }), findings: [{ cell: "E13", messageId: "tierWritten", data: { target: "≥25.00(项)", actual: "达成指标" } }] },
  ],
});
}
