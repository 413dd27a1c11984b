/**
 * overachievement-unexplained (warning, at the reason cell) — RULES §4: an actual above an `=` target,
 * or 50% or more above a `>=`/`>` target (the `overachievementThreshold` setting), with no explanation.
 */
import rule from "../../../src/core/rules/overachievement-unexplained";
import { ruleTester } from "./ruleTester";
import * as forms from "./support";
import { errorsOf, indicatorsWith, plainSpec, run, single, withCode } from "./support";

describe("triggers", () => {
  test("exactly 50% above a ≥ target: 37.50 against ≥25.00 项", () => {
    const { built, result } = run(plainSpec({ indicators: indicatorsWith({ 0: { actual: "37.50(项)" } }) }));
    const f = single(result, "overachievement-unexplained");
    expect(f.severity).toBe("warning");
    expect(f.cell).toBe(built.cell(0, "reason"));
    expect(f.cell).toBe("H13");
    expect(f.message.zh).toContain("实际 37.50(项)超出指标值 50% 以上（≥25.00(项)）");
    expect(errorsOf(result)).toEqual([]);
  });

  test("an exceeded `=` target, however little: 13 次 against =12 次", () => {
    const { result } = run(plainSpec({ indicators: indicatorsWith({ 0: { target: "=12.00(次)", actual: "13.00(次)" } }) }));
    const f = single(result, "overachievement-unexplained");
    expect(f.message.zh).toContain("超过了指标值");
    expect(f.message.zh).toContain("=12.00(次)");
  });

  test("a > target: 40 against >25", () => {
    const { result } = run(plainSpec({ indicators: indicatorsWith({ 0: { target: ">25(项)", actual: "40(项)" } }) }));
    expect(single(result, "overachievement-unexplained").cell).toBe("H13");
  });

  test("a reason still holding the draft marker does not explain it", () => {
    const { result } = run(plainSpec({ indicators: indicatorsWith({ 0: { actual: "60.00(项)", reason: "【待补充原因】目标 ≥25.00(项)，实际 60.00(项)" } }) }));
    expect(single(result, "overachievement-unexplained").cell).toBe("H13");
  });

  test("a lower threshold (20%): 30 against ≥25 is now overachieved", () => {
    const { result } = run(plainSpec(), { overachievementThreshold: 0.2 });
    const f = single(result, "overachievement-unexplained");
    expect(f.cell).toBe("H13");
    expect(f.message.zh).toContain("超出指标值 20% 以上");
  });

  test("a converted unit: 40000 万条 against ≥1.50 亿条 (4 亿 = 267%)", () => {
    const { result } = run(plainSpec({ indicators: indicatorsWith({ 0: { target: "≥1.50(亿条)", actual: "40000(万条)" } }) }));
    expect(single(result, "overachievement-unexplained").cell).toBe("H13");
  });
});

describe("near misses", () => {
  test("37.49 against ≥25 is just under 50% above", () => {
    const { result } = run(plainSpec({ indicators: indicatorsWith({ 0: { actual: "37.49(项)" } }) }));
    expect(withCode(result, "overachievement-unexplained")).toEqual([]);
  });

  test("the same overachievement with a reason written", () => {
    const { result } = run(plainSpec({ indicators: indicatorsWith({ 0: { actual: "60.00(项)", reason: "新增专项任务" } }) }));
    expect(withCode(result, "overachievement-unexplained")).toEqual([]);
  });

  test("an `=` target met exactly", () => {
    const { result } = run(plainSpec());
    expect(result.evaluations[1].op).toBe("=");
    expect(withCode(result, "overachievement-unexplained")).toEqual([]);
  });

  test("a lower-is-better target beaten by far (0.10 against ≤2.00 小时) is not an overachievement to explain", () => {
    const { result } = run(plainSpec({ indicators: indicatorsWith({ 2: { actual: "0.10(小时)" } }) }));
    expect(withCode(result, "overachievement-unexplained")).toEqual([]);
  });

  test("=0 targets met (故障率 0)", () => {
    const { result } = run(plainSpec({ indicators: indicatorsWith({ 2: { name: "系统故障率", target: "=0", actual: "0" } }) }));
    expect(withCode(result, "overachievement-unexplained")).toEqual([]);
  });

  test("a higher threshold (100%): 37.50 against ≥25 is fine", () => {
    const { result } = run(plainSpec({ indicators: indicatorsWith({ 0: { actual: "37.50(项)" } }) }), { overachievementThreshold: 1 });
    expect(withCode(result, "overachievement-unexplained")).toEqual([]);
  });

  test("29.99 against ≥25 at a 20% threshold", () => {
    const { result } = run(plainSpec({ indicators: indicatorsWith({ 0: { actual: "29.99(项)" } }) }), { overachievementThreshold: 0.2 });
    expect(withCode(result, "overachievement-unexplained")).toEqual([]);
  });
});

// The rule alone, over a table of small forms (test/core/rules/ruleTester.ts).
{
ruleTester.run(rule, {
  valid: [
    { name: "30 against ≥25: within the threshold", form: forms.formOf() },
    { name: "far over, with its reason", form: forms.formWithRows({ 0: { actual: "60.00(项)", reason: "新增任务较多，目标设定偏保守。" } }) },
  ],
  invalid: [
    { name: "37.5 against ≥25", form: forms.formWithRows({ 0: { actual: "37.50(项)" } }), findings: [{ cell: "H13", messageId: "unexplained", data: { actual: "37.50(项)", target: "≥25.00(项)" } }] },
    { name: "13 against =12", form: forms.formWithRows({ 0: { target: "=12.00(次)", actual: "13.00(次)" } }), findings: [{ cell: "H13", messageId: "unexplained", data: { how: { zh: "超过了指标值", en: "exceeds the target" } } }] },
  ],
});
}
