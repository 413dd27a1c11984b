/** The 说明 sheet's words: the rule options as a reviewer reads them, and the time where it was made. */
import { resolveSettings } from "../../src/core/settings";
import { localTime, settingsWords } from "../../src/core/settingsText";

test("the default options in words, both languages", () => {
  const w = settingsWords(resolveSettings({}));
  expect(w.zh).toBe("取舍方式：截位保留两位小数；反向指标未完成：分值×指标值/实际值；超额完成须说明：超出指标值 50% 以上；与绩效目标表对照：警告；预算执行率低于 90% 须在“原因”中说明；合理性提示：关；打印检查：提示");
  expect(w.en).toContain("rounding: cut to two decimals");
  expect(w.en).toContain("plausibility warnings: off");
  expect(w.en).toContain("print check: notices");
  expect(settingsWords(resolveSettings({ printCheck: "off" })).zh).toContain("打印检查：不检查");
  expect(settingsWords(resolveSettings({ printCheck: "warning" })).en).toContain("print check: warnings");
});

test("every option a person can change shows in the words", () => {
  const w = settingsWords(resolveSettings({ rounding: "up", reverseFormula: "deviation", overachievementThreshold: 0.3, crossCheckSeverity: "error", budgetReasonBelow: null, plausibility: true, ratioHigh: 0.9, rateLow: 70 }));
  for (const part of ["向上进位", "分值×(1−偏离度)", "30%", "对照：错误", "不要求说明", "合理性提示：开", "≥ 90%", "< 70%"]) expect(w.zh).toContain(part);
});

test("the time is the writer's local time, with its offset", () => {
  const d = new Date(2026, 11, 6, 10, 7, 8);
  expect(localTime(d)).toMatch(/^2026-12-06 10:07:08（UTC[+−]\d\d:\d\d）$/);
  const off = -d.getTimezoneOffset();
  expect(localTime(d)).toContain(`${off >= 0 ? "+" : "−"}${String(Math.floor(Math.abs(off) / 60)).padStart(2, "0")}:`);
});
