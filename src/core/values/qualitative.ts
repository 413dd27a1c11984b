/**
 * Qualitative actuals as units write them (RULES §4, RULES-3 §16): besides the tier words, the
 * target's own word (`健全` → `健全`), a word that says it was done (`已完成`, `全部完成`), a partial one
 * (`基本完成`, `部分完成`) or a negative one (`未健全`, `不合格`). Full marks only for the first two;
 * anything else is left to a person, never scored in full unasked.
 */
import { headerKey } from "../text";
import type { Tier } from "./types";

export type Judgement = { tier: Tier; how: "same-word" | "done-word" | "partial" | "negative" };

/** Case, spaces, full width and closing punctuation do not change what a word says. */
const norm = (s: string): string =>
  headerKey(s)
    .replace(/[。．.；;！!，,、]+$/, "")
    .trim();

/** Said of something done in full: 已完成, 全部完成, 已健全, 按期完成 … */
const DONE = /^(已经?|全部|均已|均|已全部|圆满|顺利|按时|按期|如期|全面|完全)(完成|达成|实现|达到|达标|落实|建立|建成|健全|完善|规范|执行|开展|到位|合格)$/;
/** Single words that say the thing is as it should be (RULES-3 §16). */
const DONE_WORDS = new Set(["达标", "合格", "符合要求", "符合", "实现", "达到", "到位", "落实"]);
/** Partly: 基本完成, 部分完成, 大部分完成, 已完成部分, 完成了一半. */
const PARTIAL = /^(基本|部分|大部分|大部|大致|初步|局部)|部分|一半|过半|基本/;
/** Not done: 未完成, 没有完成, 不合格, 未健全, 达成度较低, 进度滞后, 否. */
const NEGATIVE = /^(未|没有|没|不|无法|尚未|仍未|未能|否$)|未达|未完成|未实现|未达到|不达标|不合格|较差|较低|偏低|滞后|延期|推迟|落后|不足/;

/**
 * The tier an actual that is not a tier word stands for, against its target (a qualitative target's
 * words, or null for a quantitative one, which the target's own word cannot answer), or null when
 * the words do not settle it.
 */
export function judgeActual(targetText: string | null, actualText: string): Judgement | null {
  const a = norm(actualText);
  if (a === "") return null;
  if (targetText !== null) {
    const t = norm(targetText);
    if (t !== "" && (a === t || [`已${t}`, `已经${t}`, `全部${t}`, `均${t}`, `均已${t}`, `${t}了`].includes(a))) return { tier: "达成", how: "same-word" };
  }
  if (PARTIAL.test(a)) return { tier: "部分达成", how: "partial" };
  if (NEGATIVE.test(a)) return { tier: "未达成", how: "negative" };
  if (DONE.test(a) || DONE_WORDS.has(a)) return { tier: "达成", how: "done-word" };
  return null;
}
