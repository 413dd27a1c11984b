/** missing-weight (error, at the weight cell): an indicator without a numeric 分值 / 权重 (RULES §6). */
import rule from "../../../src/core/rules/missing-weight";
import { ruleTester } from "./ruleTester";
import * as forms from "./support";
import { errorsOf, indicatorsWith, legacyWith, plainSpec, run, runLegacy, single, withCode } from "./support";

describe("triggers", () => {
  test("self-evaluation: an empty 分值", () => {
    const { built, result } = run(plainSpec({ indicators: indicatorsWith({ 0: { weight: null } }) }));
    const f = single(result, "missing-weight");
    expect(f.severity).toBe("error");
    expect(f.cell).toBe(built.cell(0, "weight"));
    expect(f.cell).toBe("F13");
    expect(f.message.zh).toContain("第13行“完成事项数”未填写分值");
  });

  test("self-evaluation: a 分值 that is not a number", () => {
    const { result } = run(plainSpec({ indicators: indicatorsWith({ 2: { weight: "十分" } }) }));
    const f = single(result, "missing-weight");
    expect(f.cell).toBe("F15");
    expect(f.message.zh).toContain("分值不是数字");
  });

  test("legacy: an empty 权重 on a row that was scored is not a placeholder", () => {
    // Row 14 資金使用的合规性: 权重 empty, 自评分 6.
    const { built, result } = runLegacy({ sections: legacyWith({ 0: { weight: null } }) });
    const f = single(result, "missing-weight");
    expect(f.cell).toBe(built.weightCell(0));
    expect(f.cell).toBe("D14");
    expect(f.message.zh).toContain("资金使用的合规性");
  });
});

describe("near misses", () => {
  test("weights stored as text (\"20\", \"２０\") are weights", () => {
    const { result } = run(plainSpec({ indicators: indicatorsWith({ 0: { weight: "20" }, 1: { weight: "２０" } }) }));
    expect(withCode(result, "missing-weight")).toEqual([]);
    expect(errorsOf(result)).toEqual([]);
  });

  test("legacy placeholders (empty 权重, 自评分 0) are not missing weights", () => {
    const { result } = runLegacy();
    expect(result.evaluations.filter((e) => e.placeholder).map((e) => e.indicator.row)).toEqual([20, 25]);
    expect(withCode(result, "missing-weight")).toEqual([]);
  });

  test("legacy placeholder with an empty 自评分 too", () => {
    const { result } = runLegacy({ sections: legacyWith({ 6: { score: null } }) });
    expect(withCode(result, "missing-weight")).toEqual([]);
    expect(errorsOf(result)).toEqual([]);
  });
});

// The rule alone, over a table of small forms (test/core/rules/ruleTester.ts).
{
ruleTester.run(rule, {
  valid: [
    { name: "every weight given", form: forms.formOf() },
    { name: "weights stored as text, full-width too", form: forms.formWithRows({ 0: { weight: "20" }, 1: { weight: "２０" } }) },
  ],
  invalid: [
    { name: "a row without its weight", form: forms.formWithRows({ 0: { weight: null } }), findings: [{ cell: "F13", messageId: "missing" }] },
    { name: "a weight in words", form: forms.formWithRows({ 2: { weight: "十分" } }), findings: [{ cell: "F15", messageId: "notNumber" }] },
  ],
});
}
