// Qualitative actuals as units write them (issue 15 §4, issue 20 §4, RULES §4 and RULES-3 §16): full
// marks only for the tier words, the target's own word and words that say it was done in full;
// partial and negative phrases are the lower tiers; anything else is left to a person.
import { judgeActual } from "../../../src/core/values/qualitative";
import { readActual } from "../../../src/core/values/readValue";
import type { Tier } from "../../../src/core/values/types";

/** What an actual reads as: a tier word, else what the words settle against the target, else null. */
function tierOf(target: string | null, actual: string): Tier | null {
  const r = readActual({ value: actual });
  if (r.kind === "tier") return r.tier;
  if (r.kind !== "qualitative") return null;
  return judgeActual(target, r.text)?.tier ?? null;
}

const PHRASES: Array<[string | null, string, Tier | null]> = [
  // the tier words of RULES §4 and their long forms
  ["有效提升", "达成", "达成"],
  ["有效提升", "达成指标", "达成"],
  ["有效提升", "达成年度指标", "达成"],
  ["有效提升", "达成预期指标", "达成"],
  ["有效提升", "已达成", "达成"],
  ["有效提升", "完成", "达成"],
  ["有效提升", "已完成", "达成"],
  ["有效提升", "全部完成", "达成"],
  ["有效提升", "部分达成", "部分达成"],
  ["有效提升", "部分达成指标并具有一定效果", "部分达成"],
  ["有效提升", "未达成", "未达成"],
  ["有效提升", "未达成指标且效果较差", "未达成"],
  ["有效提升", "未完成", "未达成"],
  // met by the same word (RULES-3 §16)
  ["健全", "健全", "达成"],
  ["规范", "规范", "达成"],
  ["有效", "有效", "达成"],
  ["合格", "合格", "达成"],
  ["达标", "达标", "达成"],
  ["是", "是", "达成"],
  ["按时", "按时", "达成"],
  ["及时", "及时", "达成"],
  ["无", "无", "达成"],
  ["健全", "已健全", "达成"],
  ["规范", "已规范", "达成"],
  ["健全", "健全。", "达成"],
  // a different word that says done
  ["有所提升", "已实现", "达成"],
  ["有所提升", "已落实", "达成"],
  ["按期完工", "按期完成", "达成"],
  ["有所提升", "圆满完成", "达成"],
  // partly done: the middle tier, never full marks
  ["健全", "基本健全", "部分达成"],
  ["完成", "基本完成", "部分达成"],
  ["完成", "部分完成", "部分达成"],
  ["完成", "大部分完成", "部分达成"],
  ["完成", "完成了一半", "部分达成"],
  ["完成", "已完成部分", "部分达成"],
  ["规范", "基本规范", "部分达成"],
  ["有效提升", "初步建立", "部分达成"],
  // not done
  ["健全", "未健全", "未达成"],
  ["合格", "不合格", "未达成"],
  ["是", "否", "未达成"],
  ["完成", "没有完成", "未达成"],
  ["有所提升", "达成度较低", "未达成"],
  ["按期完工", "进度滞后", "未达成"],
  ["有所提升", "尚未实现", "未达成"],
  ["达标", "不达标", "未达成"],
  // words that settle nothing: left to a person (never full marks)
  ["有所提升", "良好", null],
  ["有所提升", "效果明显", null],
  ["健全", "规范", null],
  ["有所提升", "稳步推进", null],
  ["有所提升", "持续优化中", null],
  // a quantitative target is not answered by its own word
  [null, "健全", null],
  [null, "基本完成", "部分达成"],
];

test(`a table of ${PHRASES.length} phrases`, () => {
  expect(PHRASES.length).toBeGreaterThanOrEqual(40);
  const wrong = PHRASES.filter(([t, a, want]) => tierOf(t, a) !== want).map(([t, a, want]) => `${t} / ${a}: ${tierOf(t, a)} ≠ ${want}`);
  expect(wrong).toEqual([]);
});

test("no partial or negative phrase gets full marks", () => {
  for (const [t, a, want] of PHRASES) if (want !== "达成") expect(tierOf(t, a)).not.toBe("达成");
});
