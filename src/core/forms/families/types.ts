import type { SheetResult } from "../../result";
import type { Grid } from "../../grid";
import type { CellWrite } from "../../planTypes";
import type { FormOf, Message, ReportedKind } from "../../rules/types";
import type { Evaluation } from "../../scoring/evaluation";
import type { Figures } from "../../scoring/figureTypes";
import type { Settings } from "../../settings";
import type { HeaderMatch } from "../columns";
import type { TableRead } from "../indicators";
import type { FormBase } from "../model";
import type { Trait } from "../traits";

/** A grade scale: the grade of a total, and whether a stated grade says the same. */
export interface GradeScale {
  grade(total: number): string;
  /** `stated` without spaces. */
  same(stated: string, computed: string): boolean;
}

/**
 * Everything that is particular to one form family, in one file each (src/core/forms/families/).
 * What every family shares (the header, the indicator table, the total and grade cells, the rules'
 * rules, which run by the traits a family states) lives outside; the engine finds the family in the
 * registry (src/core/forms/families/index.ts, familyOf), so a new family is its file, a registry line
 * and its kind's name in FormKind.
 */
export interface FormFamily<K extends ReportedKind> {
  kind: K;
  /** What the reports call it. */
  label: Message;
  /** What its forms have (src/core/forms/traits.ts): the rules requiring these run on them. */
  traits: readonly Trait[];
  /** Whether the indicator table's header (and what is above it) is this family's (tried in FAMILY_ORDER). */
  matches(header: HeaderMatch, grid: Grid): boolean;
  /** The form, from the parts every family has and what this family reads besides. */
  read(grid: Grid, base: FormBase, header: HeaderMatch, table: TableRead): FormOf<K>;
  /** One indicator scored by the family's rules, from the stated weight and score. */
  evaluateRow(form: FormOf<K>, start: Evaluation, settings: Settings): Evaluation;
  figures(form: FormOf<K>, evals: Evaluation[], settings: Settings): Figures;
  /** Its grade scale; null for a family that states no grade. */
  grades: GradeScale | null;
  /** What filling writes on this family's form, given the total and grade writes every family shares. */
  fillWrites(form: FormOf<K>, result: SheetResult, totalAndGrade: CellWrite[]): CellWrite[];
  /** The cells holding figures a formula may compute (checked only once recalculated). */
  formulaCells(form: FormOf<K>): string[];
}
