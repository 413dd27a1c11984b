// A project self-evaluation as an Anhui unit published it (RULES-3 §13–17): the form the finance
// bureau accepted gets no error, and its figures are the ones the unit stated.
import { analyzeSheet } from "../../../src/core/engine";
import { toA1 } from "../../../src/core/address";
import { anhui2022, ANHUI_LINES } from "../../builders/anhui";

const errors = (r: ReturnType<typeof analyzeSheet>) => r.findings.filter((f) => f.severity === "error").map((f) => `${f.code}@${f.cell}`);

test("as published: no error, the stated total and grade, only the real indicators scored", () => {
  const r = analyzeSheet(anhui2022().builder.toSnapshot());
  expect(r.kind).toBe("self-evaluation");
  expect(errors(r)).toEqual([]);
  expect(r.figures).toMatchObject({ total: 99.78, grade: "优", budget: { rate: 99.5, score: 9.95 } });
  expect(r.evaluations.map((e) => e.indicator.name)).toEqual(["新建灌溉渠道长度", "工程验收合格率", "按期完工率", "单位造价", "受益农户数", "工程管护机制", "运行维护制度", "受益群众满意度"]);
  expect(r.evaluations.map((e) => e.indicator.level1)).toEqual(["产出指标", "产出指标", "产出指标", "产出指标", "效益指标", "效益指标", "效益指标", "满意度指标"]);
});

test("a real mistake on it is still found at its cell: a missed target without its reason", () => {
  const lines = ANHUI_LINES.map((x) => (x.name === "指标1：受益农户数" ? { ...x, reason: undefined } : x));
  const built = anhui2022({ lines });
  const r = analyzeSheet(built.builder.toSnapshot());
  const row = built.rowOf[lines.findIndex((x) => x.name === "指标1：受益农户数")];
  expect(errors(r)).toEqual([`missing-explanation@${toA1(row, 8)}`]);
});

test("a half-filled template row is flagged, each missing cell", () => {
  const lines = ANHUI_LINES.map((x) => (x.name === "指标2：" && !x.l2 ? { ...x, target: "≥95%" } : x));
  const built = anhui2022({ lines });
  const r = analyzeSheet(built.builder.toSnapshot());
  const row = built.rowOf[lines.findIndex((x) => x.target === "≥95%")];
  expect(errors(r)).toEqual(expect.arrayContaining([`missing-actual@${toA1(row, 5)}`, `missing-weight@${toA1(row, 6)}`]));
});

test("池州: 年度资金总额 stated as 0 | 0 | 0 is budget-sum-mismatch, nothing else", () => {
  const r = analyzeSheet(anhui2022({ funds: { budget: 300, executed: 298.5, totalRow: "zero" } }).builder.toSnapshot());
  expect(errors(r).sort()).toEqual(["budget-sum-mismatch@C6", "budget-sum-mismatch@D6", "budget-sum-mismatch@E6"]);
  expect(r.figures?.budget).toMatchObject({ rate: 99.5, score: 9.95 });
});
