/** unparseable-actual (error, at the actual cell): neither a number nor a tier (RULES §3). */
import rule from "../../../src/core/rules/unparseable-actual";
import { ruleTester } from "./ruleTester";
import * as forms from "./support";
import { errorsOf, indicatorsWith, plainSpec, run, single, withCode } from "./support";

describe("triggers", () => {
  test("a qualitative row whose actual names no tier, and no score to go on", () => {
    const { built, result } = run(plainSpec({ indicators: indicatorsWith({ 3: { actual: "良好", score: null } }) }));
    const f = single(result, "unparseable-actual");
    expect(f.severity).toBe("error");
    expect(f.cell).toBe(built.cell(3, "actual"));
    expect(f.cell).toBe("E16");
    expect(f.message.zh).toContain("实际完成值“良好”无法计分");
    expect(f.message.zh).toContain("达成指标");
    expect(errorsOf(result)).toContain("unparseable-actual@E16");
    expect(withCode(result, "unscorable-actual")).toEqual([]);
  });

  test("a quantitative row whose actual is words", () => {
    const { result } = run(plainSpec({ indicators: indicatorsWith({ 0: { actual: "事项已陆续办结" } }) }));
    const f = single(result, "unparseable-actual");
    expect(f.cell).toBe("E13");
    expect(f.message.zh).toContain("“事项已陆续办结”");
    expect(f.message.zh).toContain("目标为定量（≥25.00(项)）");
  });

  // A tier word against a quantitative target is read as its tier with a warning (RULES-2 §9.2):
  // see tier-on-quantitative.test.ts. It is not unparseable.
});

describe("near misses", () => {
  test("words that settle no tier beside a stated score: a warning (unscorable-actual), not this error", () => {
    const { result } = run(plainSpec({ indicators: indicatorsWith({ 3: { actual: "良好" } }) }));
    expect(withCode(result, "unparseable-actual")).toEqual([]);
    expect(single(result, "unscorable-actual").severity).toBe("warning");
  });

  test.each(["达成指标", "达成年度指标", "已达成", "部分达成指标并具有一定效果", "部分达成年度指标并具有一定效果", "未达成指标且效果较差", "未完成"])(
    "the tier text %s",
    (actual) => {
      const { result } = run(plainSpec({ indicators: indicatorsWith({ 3: { actual, reason: "原因已说明" } }) }));
      expect(withCode(result, "unparseable-actual")).toEqual([]);
      expect(result.evaluations[3].mode).toBe("qualitative");
    },
  );

  test.each(["30.00(项)", "30项", "30", 30])("the quantity %s", (actual) => {
    const { result } = run(plainSpec({ indicators: indicatorsWith({ 0: { actual } }) }));
    expect(withCode(result, "unparseable-actual")).toEqual([]);
    expect(result.evaluations[0].actual).toBe(30);
  });
});

// The rule alone, over a table of small forms (test/core/rules/ruleTester.ts).
{
ruleTester.run(rule, {
  valid: [
    { name: "every actual readable", form: forms.formOf() },
    { name: "a tier word the rules know", form: forms.formWithRows({ 3: { actual: "部分达成指标并具有一定效果", score: 16, reason: "原因已说明" } }) },
  ],
  invalid: [
    { name: "words against a number", form: forms.formWithRows({ 0: { actual: "事项已陆续办结" } }), findings: [{ cell: "E13", messageId: "quantitative", data: { actual: "事项已陆续办结" } }] },
    { name: "an unknown word on a qualitative row, no score", form: forms.formWithRows({ 3: { actual: "良好", score: null } }), findings: [{ cell: "E16", messageId: "qualitative", data: { actual: "良好" } }] },
  ],
});
}
