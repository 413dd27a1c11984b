import { gradeScaleOf } from "../forms/families";
import type { FormKind } from "../forms/model";

/** The grade of a total on the scale of the form's family (RULES §4); "" for a family without grades. */
export function gradeFor(kind: FormKind, total: number): string {
  return gradeScaleOf(kind)?.grade(total) ?? "";
}

/** Does the stated grade say the same as the computed one (优 = 优秀 on either form)? */
export function sameGrade(kind: FormKind, stated: string, computed: string): boolean {
  const scale = gradeScaleOf(kind);
  return scale ? scale.same(stated.replace(/\s/g, ""), computed) : stated === computed;
}
