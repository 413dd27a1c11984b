// Every row of the indicator table classified before anything is scored (issue 20 §1, RULES-3 §13):
// a table per row class, then the engine on forms holding such rows.
import { classifyRow, isNotApplicable, isPlaceholderName, withoutNumberedPrefix, type RowCells, type RowKind } from "../../../src/core/forms/rowKinds";
import { categoryOf } from "../../../src/core/forms/indicators";
import { indicatorsWith, plainSpec, run, withCode } from "../rules/support";

const row = (over: Partial<RowCells>): RowCells => ({ level1: "", level2: "", name: "", target: "", actual: "", weight: "", score: "", ...over });

const table: Array<[string, Partial<RowCells>, RowKind]> = [
  // template placeholders: the numbered name and nothing else
  ["指标2：", { name: "指标2：" }, "placeholder"],
  ["指标3: (ASCII colon)", { name: "指标3:" }, "placeholder"],
  ["指标 4 ：(spaced)", { name: "指标 4 ：" }, "placeholder"],
  ["……", { name: "……" }, "placeholder"],
  ["…", { name: "…" }, "placeholder"],
  ["指标1： under its group", { level1: "产出指标", level2: "数量指标", name: "指标1：" }, "placeholder"],
  // not applicable: / 无 — 不适用 with no weight and no score
  ["/ and /", { name: "指标3：", target: "/", actual: "/" }, "not-applicable"],
  ["无 and 不适用", { name: "其他", target: "无", actual: "不适用" }, "not-applicable"],
  ["—— target only", { name: "安全事故", target: "——" }, "not-applicable"],
  ["不涉及 actual, weight -", { name: "生态影响", actual: "不涉及", weight: "-", score: "-" }, "not-applicable"],
  ["name / alone", { name: "/" }, "not-applicable"],
  // empty rows and unused groups
  ["empty", {}, "empty"],
  ["a second level with nothing under it", { level2: "生态效益指标" }, "group"],
  ["a first level alone", { level1: "效益指标" }, "group"],
  // indicators, including half-filled template rows
  ["an ordinary row", { name: "完成事项数", target: "≥25(项)", actual: "30(项)", weight: "20", score: "20" }, "indicator"],
  ["指标2： with a target, no weight", { name: "指标2：", target: "≥90%" }, "indicator"],
  ["指标2： with a weight only", { name: "指标2：", weight: "10" }, "indicator"],
  ["指标1：target in the name", { name: "指标1：工程质量合格" }, "indicator"],
  ["/ target but a weight", { name: "安全事故", target: "/", weight: "10", score: "10" }, "indicator"],
  ["a name only", { name: "培训人次" }, "indicator"],
];

describe("classifyRow", () => {
  test.each(table)("%s", (_, cells, kind) => {
    expect(classifyRow(row(cells))).toBe(kind);
  });

  test("the words", () => {
    for (const w of ["/", "／", "无", "—", "——", "-", "不适用", "不涉及", " / "]) expect(isNotApplicable(w)).toBe(true);
    for (const w of ["无变化", "0", "否", "", "达成"]) expect(isNotApplicable(w)).toBe(false);
    expect(isPlaceholderName("指标12：")).toBe(true);
    expect(isPlaceholderName("指标1：完成率")).toBe(false);
    expect(withoutNumberedPrefix("指标1：年度资金支付完成率100%")).toBe("年度资金支付完成率100%");
    expect(withoutNumberedPrefix("指标体系完善度")).toBe("指标体系完善度");
  });
});

describe("first levels that lost their word (RULES-3 §14)", () => {
  const cases: Array<[string, string, string]> = [
    ["（50分）", "数量指标", "产出指标"],
    ["(30分)", "社会效益指标", "效益指标"],
    ["", "可持续影响指标", "效益指标"],
    ["（10分）", "服务对象满意度指标", "满意度指标"],
    ["产出指标", "社会效益指标", "产出指标"],
    ["（10分）", "其他", "（10分）"],
  ];
  test.each(cases)("%j over %s → %s", (l1, l2, want) => expect(categoryOf(l1, l2)).toBe(want));
});

describe("the engine on forms holding such rows", () => {
  test("a half-filled template row is an indicator, flagged where it is incomplete", () => {
    const indicators = [...indicatorsWith({}), { l1: "满意度指标", l2: "服务对象满意度指标", name: "指标2：", target: "≥90%", actual: null, weight: null, score: null }];
    const { result, built } = run(plainSpec({ indicators }));
    const at = (c: "weight" | "actual") => built.cell(indicators.length - 1, c);
    expect(withCode(result, "missing-weight").map((f) => f.cell)).toContain(at("weight"));
    expect(withCode(result, "missing-actual").map((f) => f.cell)).toContain(at("actual"));
  });

  test("a target written into the name with both values empty: missing-target and missing-actual, each at its cell", () => {
    const { result, built } = run(plainSpec({ indicators: indicatorsWith({ 1: { name: "指标1：工程质量合格", target: null, actual: null } }) }));
    expect(withCode(result, "missing-target").map((f) => f.cell)).toEqual([built.cell(1, "target")]);
    expect(withCode(result, "missing-actual").map((f) => f.cell)).toEqual([built.cell(1, "actual")]);
    expect(result.evaluations[1].indicator.name).toBe("工程质量合格");
  });

  test("template and n/a rows are neither scored nor flagged", () => {
    const base = run(plainSpec());
    const extra = [
      { l1: "效益指标", l2: "经济效益指标", name: "指标1：", target: null, actual: null, weight: null, score: null },
      { l1: "效益指标", l2: "生态效益指标", name: "/", target: "/", actual: "/", weight: null, score: null },
    ];
    const ind = [...indicatorsWith({}).slice(0, 4), ...extra, ...indicatorsWith({}).slice(4)];
    const { result } = run(plainSpec({ indicators: ind }));
    expect(result.evaluations).toHaveLength(base.result.evaluations.length);
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(result.figures?.total).toBe(base.result.figures?.total);
  });
});

test("two merged first levels that lost their word alike, （30分） and （30分）, stay two sections", () => {
  const indicators = [
    { l1: "（30分）", l2: "数量指标", name: "完成事项数", target: "≥25.00(项)", actual: "30.00(项)", weight: 20, score: 20 },
    { l1: "（30分）", l2: "质量指标", name: "验收合格率", target: "=100.00(%)", actual: "100.00(%)", weight: 10, score: 10 },
    // the next group: a new merged cell with the same words
    { l1: "（30分） ", l2: "社会效益指标", name: "服务能力", target: "有效提升", actual: "达成指标", weight: 20, score: 20 },
    { l1: "（30分） ", l2: "可持续影响指标", name: "长效机制", target: "健全", actual: "达成指标", weight: 10, score: 10 },
    { l1: "满意度指标", l2: "服务对象满意度指标", name: "用户满意度", target: "≥90.00(%)", actual: "95.00(%)", weight: 30, score: 30 },
  ];
  const { result } = run(plainSpec({ indicators, total: 99.85 }));
  expect(result.evaluations.map((e) => e.indicator.level1)).toEqual(["产出指标", "产出指标", "效益指标", "效益指标", "满意度指标"]);
  expect(result.findings.filter((f) => f.code === "weight-sum")).toEqual([]);
});
