/** budget-overspent (warning, at the 全年执行数 cell): 执行数 > 预算数 (RULES §6). */
import rule from "../../../src/core/rules/budget-overspent";
import { ruleTester } from "./ruleTester";
import * as forms from "./support";
import { errorsOf, plainSpec, run, single, withCode } from "./support";

test("100.01 spent of 100.00", () => {
  const { result } = run(plainSpec({ funds: { initial: 100, budget: 100, executed: 100.01 }, total: 100 }));
  const f = single(result, "budget-overspent");
  expect(f.severity).toBe("warning");
  expect(f.cell).toBe("E6");
  expect(f.message.zh).toContain("全年执行数 100.01 超过全年预算数 100.00");
  // The rate is 100.01, the score capped at 10: a warning, no error.
  expect(result.figures?.budget).toMatchObject({ rate: 100.01, score: 10 });
  expect(errorsOf(result)).toEqual([]);
});

test("over the 全年预算数 though under the 年初预算数 still counts", () => {
  const { result } = run(plainSpec({ funds: { initial: 120, budget: 100, executed: 110 }, total: 100 }));
  expect(single(result, "budget-overspent").message.zh).toContain("110.00 超过全年预算数 100.00");
});

test.each<[string, number, number]>([
  ["all spent", 100, 100],
  ["under budget", 100, 98.5],
  ["seed 001, 政务云", 24600.36, 22643.67],
])("near miss: %s", (_label, budget, executed) => {
  const { result } = run(plainSpec({ funds: { initial: budget, budget, executed } }));
  expect(withCode(result, "budget-overspent")).toEqual([]);
});

// The rule alone, over a table of small forms (test/core/rules/ruleTester.ts).
{
ruleTester.run(rule, {
  valid: [
    { name: "spent less than the budget", form: forms.formOf() },
    { name: "spent exactly the budget", form: forms.formOf({ funds: { initial: 100, budget: 100, executed: 100 } }) },
  ],
  invalid: [
    { name: "a cent over", form: forms.formOf({ funds: { initial: 100, budget: 100, executed: 100.01 } }), findings: [{ cell: "E6", messageId: "overspent", data: { executed: "100.01", budget: "100.00" } }] },
    { name: "over an adjusted budget below the initial one", form: forms.formOf({ funds: { initial: 120, budget: 100, executed: 110 } }), findings: [{ cell: "E6", messageId: "overspent", data: { executed: "110.00" } }] },
  ],
});
}
