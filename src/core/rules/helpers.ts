import { REGIONS } from "../forms/regions";
import { fmt2 } from "../numbers";
import type { Form, Indicator } from "../forms/model";
import { hasTrait } from "../forms/traits";
import { TIER_CHOICES } from "../scoring/tiers";
import type { Settings } from "../settings";
import type { Message } from "./types";

export const ROUNDING_LABEL: Record<Settings["rounding"], { zh: string; en: string }> = {
  truncate: { zh: "截位保留两位小数", en: "cut to two decimals" },
  "half-up": { zh: "四舍五入保留两位小数", en: "rounded half up to two decimals" },
  up: { zh: "向上进位保留两位小数", en: "rounded up to two decimals" },
};

export const n2 = fmt2;

/** 「第25行“用户满意度”」 / row 25 "用户满意度". */
export function rowName(ind: Indicator): Message {
  const name = ind.name || ind.level2 || ind.level1;
  return { zh: `第${ind.row}行“${name}”`, en: `row ${ind.row} "${name}"` };
}

export const isSatisfaction = (i: Indicator) => i.level1.includes("满意") || i.level2.includes("满意") || i.name.includes("满意");

/** A form scored with a budget score (the project form, the MOF-style department-wide form). */
export const hasBudgetScore = (form: Form) => hasTrait(form, "budget") && !isFramework(form);

/** Chongqing's department-wide table (RULES-2 §8.3): each score is 指标权重 × 得分系数. */
export const isCoefficientTable = (form: Form) => hasTrait(form, "coefficients") && "layout" in form && form.layout === "coefficient";

/** The scoring-framework table of a department-wide form: sections with points, no targets (RULES-2 §8.4). */
export const isFramework = (form: Form) => "layout" in form && form.layout === "framework";

/**
 * The text a person wrote in Sichuan's 原因 cell, without the instruction the form prints there
 * ("1.预算执行率=预算执行数/调整后预算数,预算执行率未达到90%的需说明原因(100字以内)"), which is no reason.
 */
export function budgetReasonText(text: string | undefined | null): string {
  return REGIONS.project.sichuan.fundsReasonInstruction.reduce((s, printed) => s.replace(printed, ""), (text ?? "").normalize("NFKC"))
    .replace(/^[\s,，.。;；:：、]+|[\s,，.。;；:：、]+$/g, "")
    .trim();
}

/** The three tier words as a message offers them: “达成指标”“部分达成指标并具有一定效果”或“未达成指标且效果较差”. */
export const TIERS_ZH = `“${TIER_CHOICES[0]}”“${TIER_CHOICES[1]}”或“${TIER_CHOICES[2]}”`;

/** The three tier words in each language's message: the Chinese offer above, and a list in English. */
export const TIERS: Message = { zh: TIERS_ZH, en: TIER_CHOICES.join(" / ") };
