import type { SheetResult } from "../../result";
import type { Grid } from "../../grid";
import type { CellWrite } from "../../planTypes";
import type { Message, ReportedKind } from "../../rules/types";
import type { Evaluation } from "../../scoring/evaluation";
import type { Figures } from "../../scoring/figureTypes";
import type { Settings } from "../../settings";
import type { HeaderMatch } from "../columns";
import type { TableRead } from "../indicators";
import type { Form, FormBase, FormKind } from "../model";
import { hasAll, type Trait } from "../traits";
import { department } from "./department";
import { legacy } from "./legacy";
import { selfEvaluation } from "./selfEvaluation";
import { targets } from "./targets";
import type { FormFamily, GradeScale } from "./types";
import { totalAndGradeWrites } from "./writes";

export type { FormFamily, GradeScale } from "./types";

/** The built-in families: one entry per kind, and the compiler asks for one when a kind is added. */
export const FAMILIES: { readonly [K in ReportedKind]: FormFamily<K> } = {
  "self-evaluation": selfEvaluation,
  "self-evaluation-legacy": legacy,
  targets,
  "department-self-evaluation": department,
};

/**
 * The order the families are tried in on a header: a department-wide form uses the project form's
 * words, and a self-evaluation also has a target column.
 */
export const FAMILY_ORDER: readonly ReportedKind[] = ["department-self-evaluation", "self-evaluation", "self-evaluation-legacy", "targets"];

/** A family as the registry holds it: its methods take any form (each is only ever given its own). */
type AnyFamily = FormFamily<ReportedKind>;

const registry = new Map<string, AnyFamily>(Object.values(FAMILIES).map((f) => [f.kind, f as unknown as AnyFamily]));
let order: string[] = [...FAMILY_ORDER];

/**
 * Adds a family to the registry, tried before `before` (or last): what a new family needs beyond its
 * own file, and how the tests add one of their own. Returns the function that takes it out again.
 */
export function registerFamily(family: Omit<AnyFamily, "kind"> & { kind: string }, opts: { before?: string } = {}): () => void {
  const f = family as AnyFamily;
  registry.set(f.kind, f);
  const at = opts.before === undefined ? -1 : order.indexOf(opts.before);
  order = at < 0 ? [...order, f.kind] : [...order.slice(0, at), f.kind, ...order.slice(at)];
  return () => {
    registry.delete(f.kind);
    order = order.filter((k) => k !== f.kind);
  };
}

/** The one accessor: the family of a kind, from the registry. */
export function familyOf(kind: string): AnyFamily {
  const f = registry.get(kind);
  if (!f) throw new Error(`no form family "${kind}"`);
  return f;
}

export function familyKindOf(header: HeaderMatch, grid: Grid): ReportedKind | null {
  return (order.find((k) => familyOf(k).matches(header, grid)) as ReportedKind | undefined) ?? null;
}

export function labelOf(kind: FormKind): Message {
  return kind === "none" ? { zh: "不是绩效表", en: "not a performance form" } : familyOf(kind).label;
}

/** The form a family reads: the parts every family has, its own, and its traits. */
export function readForm(kind: ReportedKind, grid: Grid, base: Omit<FormBase, "traits">, header: HeaderMatch, table: TableRead): Form {
  const family = familyOf(kind);
  return family.read(grid, { ...base, traits: family.traits }, header, table);
}

export const evaluateRowOf = (form: Form, start: Evaluation, settings: Settings): Evaluation => familyOf(form.kind).evaluateRow(form, start, settings);

export const figuresOf = (form: Form, evals: Evaluation[], settings: Settings): Figures => familyOf(form.kind).figures(form, evals, settings);

export const gradeScaleOf = (kind: FormKind): GradeScale | null => (kind === "none" ? null : familyOf(kind).grades);

/** What filling writes on a form: the family's writes around the total and grade every family shares. */
export function fillWritesOf(result: SheetResult): CellWrite[] {
  const { form, figures } = result;
  if (!form || !figures) return [];
  return familyOf(form.kind).fillWrites(form, result, totalAndGradeWrites(form, figures));
}

export const formulaCellsOf = (form: Form): string[] => familyOf(form.kind).formulaCells(form);

/** The built-in kinds whose families have every trait in `required` (what a rule runs on, for its documentation). */
export const kindsWith = (required: readonly Trait[]): ReportedKind[] =>
  (Object.keys(FAMILIES) as ReportedKind[]).filter((k) => hasAll(FAMILIES[k].traits, required));
