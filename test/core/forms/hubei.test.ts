/**
 * Hubei's blocks (RULES-2 §9.3): 年度绩效目标1（40分）, 年度绩效目标2（40分） with no per-row weight, one reason
 * row for the form. weight-sum = 20 + Σ block labels; each block's Σ 得分 ≤ its label; total = budget
 * score + Σ 得分; the reason row is required when any row misses its target.
 */
import { analyzeSheet } from "../../../src/core/engine";
import { planFill } from "../../../src/core/fill";
import { BLOCK1, BLOCK2, hubei } from "../../builders/hubei";

const codes = (r: ReturnType<typeof analyzeSheet>) => r.findings.filter((f) => f.severity !== "info").map((f) => `${f.code}@${f.cell}`);

test("the plain form: both blocks read, the repeated header passed over, 20 + 40 + 40 = 100, nothing wrong", () => {
  const { builder, rows } = hubei();
  const r = analyzeSheet(builder.toSnapshot());
  expect(r.kind).toBe("self-evaluation");
  expect(r.form!.indicators.map((i) => i.row)).toEqual(rows);
  expect(r.form!.indicators.map((i) => i.block?.weight)).toEqual([40, 40, 40, 40, 40]);
  expect(r.figures).toMatchObject({ budget: { weight: 20, score: 19.7 }, total: 99.7, weightSum: 100, grade: "优" });
  expect(codes(r)).toEqual([]);
});

test("a block whose scores exceed its label is score-exceeds-weight at the block title", () => {
  const block1 = BLOCK1.map((x, i) => (i === 2 ? { ...x, score: 12 } : x));
  const r = analyzeSheet(hubei({ block1, total: 101.7 }).builder.toSnapshot());
  expect(codes(r)).toContain("score-exceeds-weight@A6");
  expect(r.findings.find((f) => f.code === "score-exceeds-weight")!.message.zh).toContain("合计 42.00，超过该目标的 40.00 分");
});

test("near miss: scores within the label", () => {
  const block1 = BLOCK1.map((x, i) => (i === 2 ? { ...x, score: 9 } : x));
  const r = analyzeSheet(hubei({ block1, total: 98.7 }).builder.toSnapshot());
  expect(codes(r).filter((c) => c.startsWith("score-exceeds-weight"))).toEqual([]);
});

test("block labels that do not make 100 with the budget's 20 are weight-sum", () => {
  const r = analyzeSheet(hubei({ block1Label: "年度绩效目标1（50分）" }).builder.toSnapshot());
  expect(r.figures?.weightSum).toBe(110);
  expect(r.findings.some((f) => f.code === "weight-sum")).toBe(true);
});

test("the total is the budget score plus Σ 得分: 99 is total-mismatch", () => {
  const { builder, totalCell } = hubei({ total: 99 });
  expect(codes(analyzeSheet(builder.toSnapshot()))).toContain(`total-mismatch@${totalCell}`);
});

describe("the one reason row", () => {
  const missed = BLOCK1.map((x, i) => (i === 0 ? { ...x, actual: "90人次", score: 13.5 } : x));

  test("a missed target with the reason row empty is missing-explanation there, naming the row", () => {
    const { builder, reasonCell, rows } = hubei({ block1: missed, total: 98.2 });
    const r = analyzeSheet(builder.toSnapshot());
    expect(codes(r)).toEqual([`missing-explanation@${reasonCell}`]);
    expect(r.findings[0].message.zh).toContain(`第${rows[0]}行“培训人次”`);
  });

  test("near miss: with the reason written, nothing is wrong", () => {
    const { builder } = hubei({ block1: missed, total: 98.2, reason: "部分学员因疫情未能参训，已安排补训。" });
    expect(codes(analyzeSheet(builder.toSnapshot()))).toEqual([]);
  });

  test("near miss: every target met, an empty reason row is fine", () => {
    expect(codes(analyzeSheet(hubei({ reason: null }).builder.toSnapshot()))).toEqual([]);
  });

  test("filling drafts the reason row, a line per missed row; the draft still needs the cause", () => {
    const { builder, reasonCell } = hubei({ block1: missed, total: 98.2 });
    const { plan, after } = planFill(builder.toSnapshot());
    const draft = plan.writes.find((w) => w.cell === reasonCell);
    expect(draft?.purpose).toBe("draft");
    expect(String(draft?.value)).toContain("“培训人次”：【待补充原因】目标 ≥100人次，实际 90人次");
    expect(codes(after)).toEqual([`missing-explanation@${reasonCell}`]);
  });
});

test("the tier bands its 备注 prints are read; rows without weights of their own are not band-checked", () => {
  const block2 = BLOCK2.map((x, i) => (i === 0 ? { ...x, actual: "部分达成预期指标", score: 16 } : x));
  const r = analyzeSheet(hubei({ block2, total: 95.7, reason: "培训成果转化尚需时间。" }).builder.toSnapshot());
  expect(r.form?.tierBands?.部分达成).toMatchObject({ lo: 0.5, hi: 0.8 });
  expect(codes(r)).toEqual([]);
});
