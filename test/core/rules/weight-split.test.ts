/**
 * weight-split (info, at the header cell) — RULES §4: recommended first-level weights 产出 50, 效益 30,
 * 满意度 10, 执行率 10; other splits are allowed (seed 001 uses 55/30/5): at most a notice.
 */
import rule from "../../../src/core/rules/weight-split";
import { ruleTester } from "./ruleTester";
import * as forms from "./support";
import { errorsOf, indicatorsWith, plainSpec, run, runLegacy, single, withCode } from "./support";

test("55 / 30 / 5 (seed 001)", () => {
  // Row 13 weighs 25, the satisfaction row 5: 产出 25 + 20 + 10 = 55, 效益 30, 满意度 5; 10 + 90 = 100.
  const { result } = run(plainSpec({ indicators: indicatorsWith({ 0: { weight: 25, score: 25 }, 5: { weight: 5, score: 5 } }) }));
  const f = single(result, "weight-split");
  expect(f.severity).toBe("info");
  expect(f.cell).toBe("A12");
  expect(f.message.zh).toContain("产出 55、效益 30、满意度 5");
  expect(f.message.zh).toContain("50、30、10");
  // Allowed: not an error, not even a warning.
  expect(result.findings.filter((x) => x.severity !== "info")).toEqual([]);
  expect(errorsOf(result)).toEqual([]);
});

test("near miss: 50 / 30 / 10", () => {
  expect(withCode(run(plainSpec()).result, "weight-split")).toEqual([]);
});

test("near miss: legacy forms have other sections and get no such notice", () => {
  expect(withCode(runLegacy().result, "weight-split")).toEqual([]);
});

// The rule alone, over a table of small forms (test/core/rules/ruleTester.ts).
{
ruleTester.run(rule, {
  valid: [
    { name: "50 / 30 / 10", form: forms.formOf() },
  ],
  invalid: [
    { name: "60 / 30 / 10", form: forms.formWithRows({ 0: { weight: 30, score: 30 } }), findings: [{ cell: "A12", messageId: "split", data: { outputs: 60, outcomes: 30, satisfaction: 10 } }] },
  ],
});
}
