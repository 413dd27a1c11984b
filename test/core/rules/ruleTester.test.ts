/** The rule tester catches what it promises to catch: each fault below, on a rule made to have it. */
import { defineRule } from "../../../src/core/rules/types";
import { plainSpec, run } from "./support";
import { reportProblems, reportsOf, tableProblems } from "./ruleTester";

const form = run(plainSpec()).snap;
const other = run(plainSpec({ total: 80 })).snap;

const headerRule = (messages: Record<string, { zh: string; en: string }>, report: (r: (d: { cell: string; messageId: string; data?: Record<string, string> }) => void) => void) =>
  defineRule({
    code: "test-rule",
    severity: "info",
    title: { zh: "测试", en: "test" },
    requires: ["scores"],
    description: { zh: "测试", en: "test" },
    mark: "static",
    formulaFigure: false,
    messages,
    check(_ctx, r) {
      report(r as never);
    },
  });

test("the rule runs alone on the form the engine reads: what it reports, and nothing of the other rules", () => {
  const rule = headerRule({ a: { zh: "甲 {x}", en: "A {x}" } }, (r) => r({ cell: "A1", messageId: "a", data: { x: "1" } }));
  expect(reportsOf(rule, other)).toEqual([{ cell: "A1", messageId: "a", data: { x: "1" } }]);
});

test("a table with a message no case reports, a case repeated, an unknown id, or an invalid case without findings is refused", () => {
  const rule = headerRule({ used: { zh: "用", en: "used" }, unused: { zh: "未用", en: "unused" } }, () => {});
  const problems = tableProblems(rule, {
    valid: [{ name: "one", form }],
    invalid: [
      { name: "two", form, findings: [{ cell: "A1", messageId: "used" }] },
      { name: "three", form: other, findings: [] },
      { name: "four", form: other, findings: [{ cell: "A1", messageId: "nope" }] },
    ],
  });
  expect(problems).toEqual(
    expect.arrayContaining([
      '"two" is the same case as "one"',
      '"four" is the same case as "three"',
      'invalid case "three" lists no finding',
      'message "unused" is reported by no invalid case',
      '"four" expects unknown message id "nope"',
    ]),
  );
});

test("messages whose languages differ in placeholders are refused", () => {
  const rule = headerRule({ m: { zh: "{who}的得分 {score}", en: "{who}: the score" } }, () => {});
  expect(tableProblems(rule, { valid: [], invalid: [{ name: "x", form, findings: [{ cell: "A1", messageId: "m" }] }] })).toEqual([
    "m: zh {who, score} and en {who} differ",
  ]);
});

test("a report with an unknown id, or that leaves a placeholder unfilled, is a problem", () => {
  const rule = headerRule({ m: { zh: "{who}的得分 {score}", en: "{who}: {score}" } }, () => {});
  expect(reportProblems(rule, { cell: "A1", messageId: "zz" })).toEqual(['unknown message id "zz"']);
  expect(reportProblems(rule, { cell: "A1", messageId: "m", data: { who: "x" } })).toEqual(['"m" leaves {score} unfilled']);
  expect(reportProblems(rule, { cell: "A1", messageId: "m", data: { who: "x", score: 3 } })).toEqual([]);
  expect(reportProblems(rule, { cell: "A1", messageId: "m", data: { who: { zh: "甲", en: "A" }, score: "{x}" } })).toEqual([]);
});

test("every rule's test runs its table through the rule tester", () => {
  const fs = jest.requireActual<typeof import("node:fs")>("node:fs");
  const path = jest.requireActual<typeof import("node:path")>("node:path");
  const { RULES } = jest.requireActual<typeof import("../../../src/core/rules")>("../../../src/core/rules");
  const without = RULES.map((r) => r.code).filter((code) => {
    const file = path.join(__dirname, `${code}.test.ts`);
    return !fs.existsSync(file) || !/ruleTester\.run\(rule,/.test(fs.readFileSync(file, "utf8")) || !fs.readFileSync(file, "utf8").includes(`src/core/rules/${code}"`);
  });
  expect(without).toEqual([]);
});
