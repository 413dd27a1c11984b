import { ROUNDING_LABEL } from "./rules/helpers";
import type { Message } from "./rules/types";
import type { Settings } from "./settings";

/** The rule options in words, as a reviewer reads them in a summary's 说明 (not as JSON). */
export function settingsWords(s: Settings): Message {
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const reverse = s.reverseFormula === "ratio" ? { zh: "分值×指标值/实际值", en: "weight × target / actual" } : { zh: "分值×(1−偏离度)", en: "weight × (1 − deviation)" };
  const cross = s.crossCheckSeverity === "error" ? { zh: "错误", en: "error" } : { zh: "警告", en: "warning" };
  const reason =
    s.budgetReasonBelow === null
      ? { zh: "预算执行率偏低不要求说明", en: "a low execution rate needs no reason" }
      : { zh: `预算执行率低于 ${s.budgetReasonBelow}% 须在“原因”中说明`, en: `an execution rate below ${s.budgetReasonBelow}% needs its reason` };
  const plausibility = s.plausibility
    ? { zh: `合理性提示：开（指标得分率 ≥ ${pct(s.ratioHigh)} 而执行率 < ${s.rateLow}%；“优”而执行率 < 80%）`, en: `plausibility warnings: on (indicators at ${pct(s.ratioHigh)} or more of their weights with a rate below ${s.rateLow}%; 优 with a rate below 80%)` }
    : { zh: "合理性提示：关", en: "plausibility warnings: off" };
  const printCheck = { notice: { zh: "提示", en: "notices" }, warning: { zh: "警告", en: "warnings" }, off: { zh: "不检查", en: "off" } }[s.printCheck];
  return {
    zh: [
      `取舍方式：${ROUNDING_LABEL[s.rounding].zh}`,
      `反向指标未完成：${reverse.zh}`,
      `超额完成须说明：超出指标值 ${pct(s.overachievementThreshold)} 以上`,
      `与绩效目标表对照：${cross.zh}`,
      reason.zh,
      plausibility.zh,
      `打印检查：${printCheck.zh}`,
    ].join("；"),
    en: [
      `rounding: ${ROUNDING_LABEL[s.rounding].en}`,
      `reverse indicators: ${reverse.en}`,
      `overachievement explained from ${pct(s.overachievementThreshold)} above the target`,
      `cross-check: ${cross.en}`,
      reason.en,
      plausibility.en,
      `print check: ${printCheck.en}`,
    ].join("; "),
  };
}

/** A moment in the local time of the machine that writes it, with its offset: 2026-12-06 10:07:08（UTC+08:00）. */
export function localTime(d: Date): string {
  const two = (n: number) => String(n).padStart(2, "0");
  const off = -d.getTimezoneOffset();
  const sign = off >= 0 ? "+" : "−";
  const zone = `UTC${sign}${two(Math.floor(Math.abs(off) / 60))}:${two(Math.abs(off) % 60)}`;
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}（${zone}）`;
}
