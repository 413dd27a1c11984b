/**
 * unscorable-actual (warning, at the actual cell) — RULES-3 §16: a qualitative actual whose words
 * settle no tier, beside a score the form states, is left to a person; never an error, never full
 * marks unasked.
 */
import rule from "../../../src/core/rules/unscorable-actual";
import { ruleTester } from "./ruleTester";
import * as forms from "./support";
import { errorsOf, indicatorsWith, plainSpec, run, single, withCode } from "./support";

describe("triggers", () => {
  test.each(["良好", "效果明显", "稳步推进", "持续优化中"])("%s beside a stated score", (actual) => {
    const { built, result } = run(plainSpec({ indicators: indicatorsWith({ 3: { actual } }) }));
    const f = single(result, "unscorable-actual");
    expect(f.severity).toBe("warning");
    expect(f.cell).toBe(built.cell(3, "actual"));
    expect(f.message.zh).toContain(`“${actual}”无法自动计分`);
    expect(f.message.zh).toContain("表中得分 20");
    expect(errorsOf(result)).toEqual([]);
    expect(result.evaluations[3].mode).toBe("unscored");
  });
});

describe("near misses", () => {
  test("the same words with no score: unparseable-actual (an error), not this warning", () => {
    const { result } = run(plainSpec({ indicators: indicatorsWith({ 3: { actual: "良好", score: null } }) }));
    expect(withCode(result, "unscorable-actual")).toEqual([]);
    expect(withCode(result, "unparseable-actual")).toHaveLength(1);
  });

  test.each([
    ["the target's own word", "健全", "健全"],
    ["a word that says done", "有效提升", "已完成"],
    ["a partial word", "健全", "基本健全"],
    ["a negative word", "健全", "未健全"],
    ["a tier word", "有效提升", "达成指标"],
  ])("%s is scored as a tier", (_, target, actual) => {
    const { result } = run(plainSpec({ indicators: indicatorsWith({ 3: { target, actual, reason: "已说明原因" } }) }));
    expect(withCode(result, "unscorable-actual")).toEqual([]);
    expect(result.evaluations[3].mode).toBe("qualitative");
  });
});

// The rule alone, over a table of small forms (test/core/rules/ruleTester.ts).
{
ruleTester.run(rule, {
  valid: [
    { name: "a tier word", form: forms.formOf() },
    { name: "no score stated: unparseable-actual's", form: forms.formWithRows({ 3: { actual: "良好", score: null } }) },
  ],
  invalid: [
    { name: "良好 with a score stated", form: forms.formWithRows({ 3: { actual: "良好" } }), findings: [{ cell: "E16", messageId: "unchecked", data: { actual: "良好", score: "20" } }] },
  ],
});
}
