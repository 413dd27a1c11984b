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
import { department } from "./department";
import { legacy } from "./legacy";
import { selfEvaluation } from "./selfEvaluation";
import { targets } from "./targets";
import type { FormFamily, GradeScale } from "./types";
import { totalAndGradeWrites } from "./writes";

export type { FormFamily, GradeScale } from "./types";

/** The registry: one entry per kind, and the compiler asks for one when a kind is added. */
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

/** A kind the compiler says cannot occur: reaching it means a family is missing from a switch. */
function unreachable(x: never): never {
  throw new Error(`unhandled form family ${String(x)}`);
}

export function familyKindOf(header: HeaderMatch, grid: Grid): ReportedKind | null {
  return FAMILY_ORDER.find((k) => FAMILIES[k].matches(header, grid)) ?? null;
}

export function labelOf(kind: FormKind): Message {
  return kind === "none" ? { zh: "不是绩效表", en: "not a performance form" } : FAMILIES[kind].label;
}

export function readForm(kind: ReportedKind, grid: Grid, base: FormBase, header: HeaderMatch, table: TableRead): Form {
  switch (kind) {
    case "self-evaluation":
      return selfEvaluation.read(grid, base, header, table);
    case "self-evaluation-legacy":
      return legacy.read(grid, base, header, table);
    case "targets":
      return targets.read(grid, base, header, table);
    case "department-self-evaluation":
      return department.read(grid, base, header, table);
    default:
      return unreachable(kind);
  }
}

export function evaluateRowOf(form: Form, start: Evaluation, settings: Settings): Evaluation {
  switch (form.kind) {
    case "self-evaluation":
      return selfEvaluation.evaluateRow(form, start, settings);
    case "self-evaluation-legacy":
      return legacy.evaluateRow(form, start, settings);
    case "targets":
      return targets.evaluateRow(form, start, settings);
    case "department-self-evaluation":
      return department.evaluateRow(form, start, settings);
    default:
      return unreachable(form);
  }
}

export function figuresOf(form: Form, evals: Evaluation[], settings: Settings): Figures {
  switch (form.kind) {
    case "self-evaluation":
      return selfEvaluation.figures(form, evals, settings);
    case "self-evaluation-legacy":
      return legacy.figures(form, evals, settings);
    case "targets":
      return targets.figures(form, evals, settings);
    case "department-self-evaluation":
      return department.figures(form, evals, settings);
    default:
      return unreachable(form);
  }
}

export function gradeScaleOf(kind: FormKind): GradeScale | null {
  return kind === "none" ? null : FAMILIES[kind].grades;
}

/** What filling writes on a form: the family's writes around the total and grade every family shares. */
export function fillWritesOf(result: SheetResult): CellWrite[] {
  const { form, figures } = result;
  if (!form || !figures) return [];
  const common = totalAndGradeWrites(form, figures);
  switch (form.kind) {
    case "self-evaluation":
      return selfEvaluation.fillWrites(form, result, common);
    case "self-evaluation-legacy":
      return legacy.fillWrites(form, result, common);
    case "targets":
      return targets.fillWrites(form, result, common);
    case "department-self-evaluation":
      return department.fillWrites(form, result, common);
    default:
      return unreachable(form);
  }
}

export function formulaCellsOf(form: Form): string[] {
  switch (form.kind) {
    case "self-evaluation":
      return selfEvaluation.formulaCells(form);
    case "self-evaluation-legacy":
      return legacy.formulaCells(form);
    case "targets":
      return targets.formulaCells(form);
    case "department-self-evaluation":
      return department.formulaCells(form);
    default:
      return unreachable(form);
  }
}
