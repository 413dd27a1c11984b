/** The rule registry matches the table of RULES §6 (stable codes, severities), plus the weight-split notice. */
import { RULES, ruleByCode } from "../../../src/core/rules";
import { kindsWith } from "../../../src/core/forms/families";

const TABLE: Array<[string, "error" | "warning" | "info"]> = [
  ["missing-explanation", "error"],
  ["missing-target", "error"],
  ["missing-actual", "error"],
  ["missing-weight", "error"],
  ["missing-score", "error"],
  ["unparseable-target", "error"],
  ["unparseable-actual", "error"],
  ["unit-mismatch", "error"],
  ["score-exceeds-weight", "error"],
  ["score-negative", "error"],
  ["tier-band-violation", "error"],
  ["weight-sum", "error"],
  ["total-mismatch", "error"],
  ["grade-mismatch", "error"],
  ["budget-rate-mismatch", "error"],
  ["budget-score-mismatch", "error"],
  ["budget-sum-mismatch", "error"],
  ["missing-category", "error"],
  ["score-above-rule", "warning"],
  ["coefficient-mismatch", "warning"],
  ["budget-total-blank", "warning"],
  ["overachievement-unexplained", "warning"],
  ["unit-converted", "warning"],
  ["tier-on-quantitative", "warning"],
  ["unscorable-actual", "warning"],
  ["text-too-long", "warning"],
  ["indicator-ratio-high", "warning"],
  ["grade-vs-rate", "warning"],
  ["budget-overspent", "warning"],
  ["missing-satisfaction", "warning"],
  ["missing-cost", "warning"],
  ["vague-target", "warning"],
  ["stated-rate-differs", "warning"],
  ["weight-split", "info"],
  ["formula-unchecked", "info"],
  // The print check before stamping (issue 19 §5): notices, shown as a group of their own.
  ["print-area-cuts", "info"],
  ["print-too-wide", "info"],
  ["print-titles-missing", "info"],
  ["print-hidden-content", "info"],
  ["print-text-cut", "info"],
  ["print-draft-left", "info"],
];

test("every code of the table is registered once, with its severity", () => {
  expect(RULES.map((r) => r.code).sort()).toEqual(TABLE.map(([c]) => c).sort());
  for (const [code, severity] of TABLE) expect(ruleByCode(code)?.severity).toBe(severity);
});

test("every rule describes itself in both languages", () => {
  for (const r of RULES) {
    expect(r.description.zh.length).toBeGreaterThan(0);
    expect(r.description.en.length).toBeGreaterThan(0);
    expect(kindsWith(r.requires).length).toBeGreaterThan(0);
  }
});

test("the legacy-only and target-only rules are limited to their families", () => {
  expect(kindsWith(ruleByCode("stated-rate-differs")!.requires)).toEqual(["self-evaluation-legacy"]);
  expect(kindsWith(ruleByCode("missing-cost")!.requires)).toEqual(["targets"]);
});

test("every rule has a short name for people in both languages, no two alike (lists show it beside the code)", () => {
  for (const r of RULES) {
    expect([...r.title.zh].length).toBeGreaterThan(1);
    expect([...r.title.zh].length).toBeLessThanOrEqual(12);
    expect(r.title.en.length).toBeGreaterThan(3);
  }
  expect(new Set(RULES.map((r) => r.title.zh)).size).toBe(RULES.length);
  expect(new Set(RULES.map((r) => r.title.en)).size).toBe(RULES.length);
});
