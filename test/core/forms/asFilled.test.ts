// Forms as units fill them (issue 20, RULES-3 §13–18): a correct form with any mix of the features
// published forms show keeps its figures and gets no error; a defect planted in it is still found at
// its cell.
import fc from "fast-check";
import { toA1 } from "../../../src/core/address";
import { analyzeSheet, type SheetResult } from "../../../src/core/engine";
import type { SelfEvaluationForm } from "../../../src/core/forms/model";
import type { SheetSnapshot } from "../../../src/core/snapshot";
import { asFilled, feature, layoutOf, type Feature, type TableLayout } from "../../generators/asFilled";
import { sampleSheet } from "../../helpers";

/** Every family: project self-evaluations, the legacy form, target declarations (2020 and 2024), and department-wide forms made from them. */
const FORMS = [
  "selfeval/yiwangtongban",
  "selfeval/shujuyunying",
  "selfeval/zhengwuyun",
  "selfeval/zhengwuwaiwang",
  "selfeval/shuzihuajianshe",
  "selfeval/yunweibaozhang",
  "selfeval/guanlijingfei",
  "selfeval/yanjiufalv",
  "legacy/gongxiangjiaohuan",
  "legacy/xuqiuce",
  "targets/dashuju-wangluo-2024",
  "targets/menhu-2024",
  "targets/bangongting-2020",
  "department/zhengwuyun",
  "department/shujuyunying",
];

interface Base {
  snap: SheetSnapshot;
  layout: TableLayout;
  result: SheetResult;
}
const bases = new Map<string, Base>();

beforeAll(async () => {
  for (const name of FORMS) {
    // A department-wide form: the project form under the department title (RULES-2 §8.1).
    const department = name.startsWith("department/");
    const snap = await sampleSheet(`${department ? name.replace("department/", "selfeval/") : name}.xlsx`);
    if (department) {
      snap.values[0][0] = "2023年度部门整体支出绩效自评表";
      snap.text[0][0] = "2023年度部门整体支出绩效自评表";
    }
    const result = analyzeSheet(snap);
    if (department) expect(result.kind).toBe("department-self-evaluation");
    const form = result.form as SelfEvaluationForm;
    bases.set(name, { snap, layout: layoutOf(snap, form), result });
  }
});

/** What must not change: the figures, and the errors and warnings (by code). */
function outcome(r: SheetResult) {
  return {
    kind: r.kind,
    total: r.figures?.total ?? null,
    grade: r.figures?.grade ?? null,
    budgetScore: r.figures?.budget?.score ?? null,
    indicators: r.evaluations.length,
    problems: r.findings
      .filter((f) => f.severity !== "info")
      .map((f) => `${f.severity}:${f.code}`)
      .sort(),
  };
}


describe("each feature alone, on every sample", () => {
  const single: Feature[] = [
    { kind: "placeholder", after: 0, label: "指标2：" },
    { kind: "placeholder", after: 3, label: "……" },
    { kind: "not-applicable", after: 1, name: "指标3：", target: "/", actual: "/" },
    { kind: "not-applicable", after: 2, name: "其他", target: "无", actual: "不适用" },
    { kind: "empty-rows", after: 2, count: 4 },
    { kind: "empty-group", after: 4, level2: "生态效益指标", blanks: 3 },
    { kind: "repeated-header", after: 5, variant: 0 },
    { kind: "repeated-header", after: 5, variant: 1 },
    { kind: "notes-below", lines: 5 },
    { kind: "level1-word-lost", group: 0, style: "points-only" },
    { kind: "level1-word-lost", group: 1, style: "broken-line" },
    { kind: "level1-word-lost", group: 0, style: "ascii-brackets" },
    { kind: "target-sign-and-unit" },
    { kind: "numbers-as-text", style: "plain" },
    { kind: "numbers-as-text", style: "full-width" },
    { kind: "numbers-as-text", style: "spaced" },
    { kind: "numbers-as-text", style: "apostrophe" },
    { kind: "percent-as-fraction" },
    { kind: "accounting-format", format: 0 },
    { kind: "accounting-format", format: 4 },
    { kind: "same-word-actual", style: "same" },
    { kind: "same-word-actual", style: "already" },
  ];
  const cases = FORMS.flatMap((name) => single.map((f) => [name, JSON.stringify(f)] as const));
  test.each(cases)("%s with %s", (name, f) => {
    const base = bases.get(name)!;
    const { snapshot } = asFilled(base.snap, base.layout, [JSON.parse(f) as Feature]);
    expect(outcome(analyzeSheet(snapshot))).toEqual(outcome(base.result));
  });
});

test("any mix of the features: no new error, the same figures (500 forms)", () => {
  fc.assert(
    fc.property(fc.constantFrom(...FORMS), fc.array(feature(10), { minLength: 1, maxLength: 8 }), (name, features) => {
      const base = bases.get(name)!;
      const { snapshot } = asFilled(base.snap, base.layout, features);
      expect(outcome(analyzeSheet(snapshot))).toEqual(outcome(base.result));
    }),
    { numRuns: Number(process.env.JIXIAO_PROPERTY_RUNS ?? 500) },
  );
});

test("a defect planted in a form with any mix of the features is found at its cell", () => {
  fc.assert(
    fc.property(fc.constantFrom(...FORMS), fc.array(feature(10), { maxLength: 6 }), fc.nat(), (name, features, pick) => {
      const base = bases.get(name)!;
      // The defect: a score erased (a target, in a declaration). Planted in the original, then the features applied around it.
      // Rows that carry a weight: the legacy form's unweighted rows are unused placeholders (RULES §2).
      const weighted = base.layout.rows.filter((r) => base.layout.weight === null || Number(base.snap.values[r - base.snap.origin.row][base.layout.weight - base.snap.origin.col]) > 0);
      const row = weighted[pick % weighted.length];
      const snap = structuredClone(base.snap);
      const col = base.layout.score ?? base.layout.target!;
      const code = base.layout.score !== null ? "missing-score" : "missing-target";
      const i = row - snap.origin.row;
      const j = col - snap.origin.col;
      snap.values[i][j] = null;
      snap.text[i][j] = "";
      const { snapshot, rowOf } = asFilled(snap, base.layout, features);
      const found = analyzeSheet(snapshot).findings.filter((f) => f.code === code).map((f) => f.cell);
      expect(found).toContain(toA1(rowOf(row), col));
    }),
    { numRuns: Math.round(Number(process.env.JIXIAO_PROPERTY_RUNS ?? 500) / 3) },
  );
});
