import type { Form, FormKind } from "../forms/model";
import type { Settings } from "../settings";
import type { Evaluation } from "../scoring/evaluation";
import type { Figures } from "../scoring/figureTypes";

export type Severity = "error" | "warning" | "info";

/** Every user-facing text comes in Chinese and English. */
export interface Message {
  zh: string;
  en: string;
}

export interface Finding {
  code: string;
  severity: Severity;
  /** A1 address within the sheet. */
  cell: string;
  /** The indicator row the finding belongs to, if any. */
  row?: number;
  message: Message;
  /** The host's fill action writes what is missing (each host says how: a button, a flag). */
  fix?: "fill";
  /** How this finding's mark clears, where it differs from its rule's (a cell holding printed text). */
  mark?: MarkCondition;
}

/** The kinds a rule can be written for: every recognised form family. */
export type ReportedKind = Exclude<FormKind, "none">;
/** The form type of a family: a rule for "targets" receives a TargetsForm. */
export type FormOf<K extends ReportedKind> = Extract<Form, { kind: K }>;

export interface RuleContext<K extends ReportedKind = ReportedKind> {
  form: FormOf<K>;
  evals: Evaluation[];
  figures: Figures;
  settings: Settings;
}

/**
 * When the mark on a finding shows (RULES §7). `blank`: while the cell is empty; `blank-or-draft`:
 * while it is empty or still holds the draft marker (a reason typed in removes it); `static`: until
 * the marks are cleared or the next check.
 */
export type MarkCondition = "blank" | "blank-or-draft" | "static";

export type Report = (cell: string, message: Message, row?: number, extra?: "fill" | { fix?: "fill"; mark?: MarkCondition }) => void;

/** Every fact of one finding code, as an ESLint rule module holds its meta. */
export interface RuleMeta<K extends ReportedKind = ReportedKind> {
  code: string;
  severity: Severity;
  kinds: readonly K[];
  /** What the rule checks, for documentation and the task pane's help. */
  description: Message;
  /** How its mark clears itself. */
  mark: MarkCondition;
  /**
   * The finding is about a figure a formula may hold (a total, a grade, the budget rate or score):
   * not reported while the formula's stored result is stale (after a fill, before recalculation).
   */
  formulaFigure: boolean;
}

/** A rule module: its facts and its check, which receives the form of its own kinds. */
export interface RuleModule<K extends ReportedKind> extends RuleMeta<K> {
  check(ctx: RuleContext<K>, report: Report): void;
}

/** A rule as the engine runs it: on any form, checking only the kinds it is for. */
export interface Rule extends RuleMeta {
  run(ctx: RuleContext, report: Report): void;
}

export function defineRule<K extends ReportedKind>(module: RuleModule<K>): Rule {
  const { check, ...meta } = module;
  const kinds: readonly ReportedKind[] = meta.kinds;
  const isFor = (form: Form): form is FormOf<K> => kinds.includes(form.kind);
  return {
    ...meta,
    kinds,
    run(ctx, report) {
      const form = ctx.form;
      if (isFor(form)) check({ ...ctx, form }, report);
    },
  };
}
