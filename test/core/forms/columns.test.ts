import fc from "fast-check";
import { HEADER_CHARS, MATCHERS } from "../../../src/core/forms/columns";

/** roleOf skips the matchers for a key without any of HEADER_CHARS: every key a matcher takes must hold one. */

const FRAGMENTS = [
  "一级", "二级", "三级", "指标", "目标", "值", "名称", "内容", "解释", "说明", "性质", "方向", "计算符号", "计量", "度量",
  "单位", "调整", "后", "全年", "(调整)", "实际", "完成", "情况", "得分", "系数", "分值", "权重", "(分)", "自评", "评分",
  "偏差", "原因", "未完成", "扣分", "分析", "备注", "年度", "a", "1", "%", "(",
];

test("every header word a matcher takes holds one of HEADER_CHARS, so the prefilter never hides a header", () => {
  fc.assert(
    fc.property(fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 2, unit: "grapheme" })), { maxLength: 5 }), (parts) => {
      const key = parts.join("");
      if (MATCHERS.some(([, m]) => m(key))) expect(HEADER_CHARS.test(key)).toBe(true);
    }),
    { numRuns: 20_000 },
  );
});

test("the prefilter holds for the exact words the matchers list", () => {
  const words = ["指标名称", "指标内容", "指标解释", "指标说明", "指标性质", "指标方向", "计算符号", "计量单位", "度量单位", "单位", "自评分", "评分", "原因分析", "偏差说明", "原因", "备注", "说明", "权重", "完成值"];
  for (const w of words) {
    expect(MATCHERS.some(([, m]) => m(w))).toBe(true);
    expect(HEADER_CHARS.test(w)).toBe(true);
  }
});
