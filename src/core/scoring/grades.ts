import type { FormKind } from "../forms/model";

/** RULES §4: self-evaluation 优/良/中/差 (90/80/60); legacy form 优秀/良好/合格/不合格 (90/75/60). */
export function gradeFor(kind: FormKind, total: number): string {
  const t = total + 1e-9;
  if (kind === "self-evaluation-legacy") {
    if (t >= 90) return "优秀";
    if (t >= 75) return "良好";
    if (t >= 60) return "合格";
    return "不合格";
  }
  if (t >= 90) return "优";
  if (t >= 80) return "良";
  if (t >= 60) return "中";
  return "差";
}

/** Longer spellings of the 2020 form's grades; 合格 / 不合格 belong to the legacy scale only. */
const SAME: Record<string, string> = {
  优秀: "优",
  良好: "良",
  中等: "中",
  较差: "差",
};

/** Does the stated grade say the same as the computed one (优 = 优秀 on either form)? */
export function sameGrade(kind: FormKind, stated: string, computed: string): boolean {
  const s = stated.replace(/\s/g, "");
  if (s === computed) return true;
  if (kind === "self-evaluation-legacy") {
    const legacyOf: Record<string, string> = { 优: "优秀", 良: "良好", 中: "合格", 差: "不合格" };
    return legacyOf[s] === computed;
  }
  return SAME[s] === computed;
}
