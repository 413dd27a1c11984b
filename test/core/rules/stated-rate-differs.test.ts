/**
 * stated-rate-differs (warning, at the legacy 预算执行率 cell) — seed 004 states 98.00% for
 * 30,243,000 / 30,750,000 = 98.35%.
 */
import rule from "../../../src/core/rules/stated-rate-differs";
import { ruleTester } from "./ruleTester";
import * as forms from "./support";
import { errorsOf, plainSpec, run, runLegacy, single, withCode } from "./support";

test("the seed: 98.00% stated, 98.35% computed", () => {
  const { built, result } = runLegacy();
  const f = single(result, "stated-rate-differs");
  expect(f.severity).toBe("warning");
  expect(f.cell).toBe(built.rateCell);
  expect(f.cell).toBe("E5");
  expect(f.message.zh).toContain("计算为 98.35%");
  expect(f.message.zh).toContain("表中为 98.00%");
  expect(errorsOf(result)).toEqual([]);
});

test("the second seed: 29,135,800 / 29,138,800 = 99.989…% is 99.98 (cut), stated 100.00%", () => {
  const { result } = runLegacy({ budget: 29138800, executed: 29135800, rate: "100.00%" });
  expect(single(result, "stated-rate-differs").message.zh).toContain("计算为 99.98%");
});

test("an empty stated rate", () => {
  const { result } = runLegacy({ rate: null });
  expect(single(result, "stated-rate-differs").message.zh).toContain("98.35%");
});

test.each<[string, unknown, string | undefined]>([
  ["the text 98.35%", "98.35%", undefined],
  ["the number 0.9835 with a % format", 0.9835, "0.00%"],
  ["the number 98.35", 98.35, undefined],
  ["full-width text ９８.３５％", "９８.３５％", undefined],
])("near miss: %s", (_label, rate, rateFormat) => {
  const { result } = runLegacy({ rate: rate as string, rateFormat });
  expect(withCode(result, "stated-rate-differs")).toEqual([]);
});

test("a legacy form gets the warning, never the self-evaluation error budget-rate-mismatch", () => {
  expect(withCode(runLegacy().result, "budget-rate-mismatch")).toEqual([]);
});

test("a self-evaluation form's wrong rate is budget-rate-mismatch, not this legacy warning", () => {
  const { result } = run(plainSpec({ funds: { initial: 100, budget: 100, executed: 98.5, rate: 98 } }));
  expect(withCode(result, "stated-rate-differs")).toEqual([]);
  expect(withCode(result, "budget-rate-mismatch")).toHaveLength(1);
});

// The rule alone, over a table of small forms (test/core/rules/ruleTester.ts).
{
ruleTester.run(rule, {
  valid: [
    { name: "98.35 % stated as computed", form: forms.legacyForm({ rate: "98.35%" }) },
    { name: "the project form has no stated legacy rate", form: forms.formOf() },
  ],
  invalid: [
    { name: "98.00 % where 98.35 % is computed", form: forms.legacyForm(), findings: [{ cell: "E5", messageId: "differs", data: { rate: "98.35", stated: "98.00%" } }] },
    { name: "no rate stated", form: forms.legacyForm({ rate: null }), findings: [{ cell: "E5", messageId: "differs", data: { stated: { zh: "空", en: "nothing" } } }] },
  ],
});
}
