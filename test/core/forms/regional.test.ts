/**
 * Other regions' wordings of the project self-evaluation (RULES-2 §9.1, §9.3–9.5): each header
 * synonym read as the MOF word is, and a weight stated in a label. Each case changes one cell of the
 * plain form and expects what the plain form gives; the near misses expect a difference.
 */
import { parseA1, toA1 } from "../../../src/core/address";
import { analyzeSheet } from "../../../src/core/engine";
import { readActual, readTarget } from "../../../src/core/values/readValue";
import { buildSelfEval, plainSpec, standardIndicators, type BuiltForm } from "../rules/support";

function facts(built: BuiltForm) {
  const r = analyzeSheet(built.builder.toSnapshot());
  return { kind: r.kind, budget: r.figures?.budget ?? null, total: r.figures?.total ?? null, weightSum: r.figures?.weightSum ?? null, findings: r.findings.map((f) => `${f.code}@${f.cell}`) };
}

/** The plain form, and where its header cells are. */
function plain() {
  const built = buildSelfEval(plainSpec());
  const rate = parseA1(built.budgetRateCell);
  const fundsHeader = rate.row - 1;
  const at = {
    target: [built.headerRow, built.col.target],
    actual: [built.headerRow, built.col.actual],
    weight: [built.headerRow, built.col.weight],
    score: [built.headerRow, built.col.score],
    reason: [built.headerRow, built.col.reason],
    total: [parseA1(built.totalCell).row, built.col.l1],
    budget: [fundsHeader, rate.col - 3],
    executed: [fundsHeader, rate.col - 2],
    fundsWeight: [fundsHeader, rate.col - 1],
    rate: [fundsHeader, rate.col],
    fundsScore: [fundsHeader, rate.col + 1],
    fundsTotal: [rate.row, rate.col - 5],
  } as const;
  return { built, at };
}

const baseline = facts(plain().built);

const SYNONYMS: Array<[keyof ReturnType<typeof plain>["at"], string]> = [
  ["target", "年度指标值（A）"],
  ["target", "指标值"],
  ["target", "年初目标值（A）"],
  ["actual", "实际完成值（B）"],
  ["actual", "完成值"],
  ["actual", "全年完成值"],
  ["weight", "权重"],
  ["weight", "指标权重（分）"],
  ["score", "指标得分（分）"],
  ["score", "自评得分"],
  ["reason", "偏差原因分析及改进措施"],
  ["reason", "未完成原因分析"],
  ["reason", "扣分原因和其他说明"],
  ["total", "合计"],
  ["total", "自评总分（分）"],
  ["budget", "全年预算数（A）"],
  ["budget", "调整后预算数"],
  ["budget", "全年（调整）预算数"],
  ["budget", "预算数（A）"],
  ["executed", "全年执行数（B）"],
  ["executed", "预算执行数"],
  ["executed", "执行数（B）"],
  ["rate", "执行率（%）"],
  ["rate", "执行率（B/A）"],
  ["rate", "预算执行率"],
  ["fundsWeight", "权重"],
  ["fundsTotal", "年度财政资金总额"],
  ["fundsTotal", "总额"],
];

test.each(SYNONYMS)("%s headed %s reads as the MOF word", (where, word) => {
  const { built, at } = plain();
  const [row, col] = at[where];
  built.builder.set(row, col, word);
  expect(facts(built)).toEqual(baseline);
});

test("执行率权重 is the budget weight, and a word of the department-wide form (RULES-2 §8.1): same figures, that family", () => {
  const { built, at } = plain();
  built.builder.set(at.fundsWeight[0], at.fundsWeight[1], "执行率权重");
  const r = facts(built);
  expect(r.kind).toBe("department-self-evaluation");
  expect({ ...r, kind: baseline.kind }).toEqual(baseline);
});

test("near miss: a funds header no reader knows loses the budget figures", () => {
  const { built, at } = plain();
  built.builder.set(at.executed[0], at.executed[1], "支出情况");
  expect(facts(built).budget).toBeNull();
});

test("Hubei: the budget weight stated in a label (预算执行情况（万元）（20分）, 得分（20分*执行率）) counts 20 points", () => {
  const { built, at } = plain();
  built.builder.set(at.fundsWeight[0], at.fundsWeight[1], null);
  built.builder.set(at.fundsWeight[0] + 1, at.fundsWeight[1], null);
  built.builder.set(at.fundsScore[0], at.fundsScore[1], "得分（20分*执行率）");
  const r = facts(built);
  // 98.50% of 20 points, cut to the cent.
  expect(r.budget).toMatchObject({ weight: 20, rate: 98.5, score: 19.7 });
  // The form's own budget score (9.85, out of 10) is now wrong, and the weights add up to 110.
  expect(r.findings).toContain(`budget-score-mismatch@${toA1(at.fundsScore[0] + 1, at.fundsScore[1])}`);
  expect(r.weightSum).toBe(110);
});

test("Hubei: or in the block's title, 预算执行情况（万元）（20分）", () => {
  const { built, at } = plain();
  built.builder.set(at.fundsWeight[0], at.fundsWeight[1], null);
  built.builder.set(at.fundsWeight[0] + 1, at.fundsWeight[1], null);
  built.builder.set(at.fundsWeight[0], at.fundsWeight[1] - 5, "预算执行情况（万元）（20分）");
  expect(facts(built).budget).toMatchObject({ weight: 20, score: 19.7 });
});

test("near miss: with a 分值 cell, a weight in a label does not override it", () => {
  const { built, at } = plain();
  built.builder.set(at.fundsScore[0], at.fundsScore[1], "得分（20分*执行率）");
  expect(facts(built).budget).toMatchObject({ weight: 10, score: 9.85 });
});

describe("value words (RULES-2 §9.5)", () => {
  const t = (text: string) => readTarget({ value: text, text, numberFormat: "General" });
  test.each([
    ["95%以上", ">=", 95, "%"],
    ["95%及以上", ">=", 95, "%"],
    ["3个工作日以内", "<=", 3, "个工作日"],
    ["20万元/个以下", "<=", 20, "万元/个"],
    ["超过10次", ">", 10, "次"],
    ["不满5%", "<", 5, "%"],
    ["不足5%", "<", 5, "%"],
    ["未超过260万元", "<=", 260, "万元"],
    ["≥100百分比", ">=", 100, "%"],
  ])("%s", (text, op, value, unit) => {
    expect(t(text)).toMatchObject({ kind: "quantity", op, value, unit });
  });
  test("near misses: a clause is not a unit, a word alone is not a number", () => {
    expect(t("不满意率下降").kind).toBe("qualitative");
    expect(t("不足").kind).toBe("unparseable");
  });
  test.each([
    ["达成预期指标", "达成"],
    ["部分达成预期指标", "部分达成"],
    ["未达成预期指标", "未达成"],
  ])("the tier word %s", (text, tier) => {
    expect(readActual({ value: text, text, numberFormat: "General" })).toMatchObject({ kind: "tier", tier });
  });
});

describe("Anhui: first levels labelled with their points (产出指标（50分）)", () => {
  const labelled = (output: string) =>
    buildSelfEval(
      plainSpec({
        indicators: standardIndicators().map((i) => ({ ...i, l1: i.l1 === "产出指标" ? output : i.l1 === "效益指标" ? "效益指标（30分）" : "满意度指标（10分）" })),
      }),
    );
  test("labels that match their weights, with the budget's 10 making 100, read as the plain form", () => {
    expect(facts(labelled("产出指标（50分）"))).toEqual(baseline);
  });
  test("a label that does not match its weights is weight-sum at the label, and the labels no longer make 100", () => {
    const r = facts(labelled("产出指标（40分）"));
    expect(r.findings.filter((f) => f.startsWith("weight-sum"))).toHaveLength(2);
  });
});
