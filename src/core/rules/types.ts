import type { DepartmentForm, Form, FormKind, FundsBlock, LegacyForm, TargetsForm } from "../forms/model";
import { hasAll, type Trait } from "../forms/traits";
import type { Settings } from "../settings";
import type { Evaluation } from "../scoring/evaluation";
import type { Figures } from "../scoring/figureTypes";
import type { Grid } from "../grid";
import type { SheetGeometry } from "../print/geometry";

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

/** The fields a trait guarantees on the form, for the rules that require it. */
interface TraitFields {
  scores: unknown;
  weights: unknown;
  actuals: unknown;
  targets: unknown;
  budget: { funds: FundsBlock | null };
  grade: unknown;
  reasons: unknown;
  limitedTexts: { funds: FundsBlock | null };
  weightSplit: unknown;
  declaration: Pick<TargetsForm, "edition">;
  legacyRate: Pick<LegacyForm, "budget" | "executed" | "statedRate" | "problems">;
  coefficients: Pick<DepartmentForm, "layout" | "coefficientPercentHead">;
}

type Intersect<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** A form of any family having the traits `T`, typed with the fields they guarantee. */
type FormWith<T extends Trait> = Form & Intersect<TraitFields[T]>;

export interface RuleContext<T extends Trait = Trait> {
  form: FormWith<T>;
  evals: Evaluation[];
  figures: Figures;
  settings: Settings;
  /** The sheet the form was read from. */
  grid: Grid;
  /** Its paper geometry, where the adapter could read it; null otherwise (the print check is then not made). */
  geometry: SheetGeometry | null;
}

/**
 * When the mark on a finding shows (RULES §7). `blank`: while the cell is empty; `blank-or-draft`:
 * while it is empty or still holds the draft marker (a reason typed in removes it); `static`: until
 * the marks are cleared or the next check.
 */
export type MarkCondition = "blank" | "blank-or-draft" | "static";

/**
 * Values for a message's `{placeholders}`: a number or a text the same in both languages (a figure, a
 * name from the sheet), or a text per language.
 */
export type MessageData = Readonly<Record<string, string | number | Message>>;

/** What a rule reports, as an ESLint rule reports a descriptor: the message by its id, with its data. */
export interface Descriptor<M extends string = string> {
  cell: string;
  messageId: M;
  data?: MessageData;
  /** The indicator row the finding belongs to, if any. */
  row?: number;
  fix?: "fill";
  mark?: MarkCondition;
}

type Report<M extends string = string> = (d: Descriptor<M>) => void;

const PLACEHOLDER = /\{(\w+)\}/g;

/** The names of a template's `{placeholders}`, in order. */
export const placeholdersOf = (template: string): string[] => [...template.matchAll(PLACEHOLDER)].map((m) => m[1]);

/**
 * A message with its placeholders filled: each language takes its own text of a bilingual value. A
 * placeholder without a value is left as written (the rule tester fails on it).
 */
export function formatMessage(template: Message, data: MessageData = {}): Message {
  const parts = partsOf(template);
  return { zh: filled(parts.zh, data, "zh"), en: filled(parts.en, data, "en") };
}

/**
 * A template's text split once at its placeholders: literals at even places, `{key}` at odd ones. A
 * form with thousands of findings fills the same few templates thousands of times.
 */
type Parts = { zh: string[]; en: string[] };
const split = new WeakMap<Message, Parts>();

function partsOf(template: Message): Parts {
  let p = split.get(template);
  if (p === undefined) {
    p = { zh: template.zh.split(PLACEHOLDER_SPLIT), en: template.en.split(PLACEHOLDER_SPLIT) };
    split.set(template, p);
  }
  return p;
}

/** Splits at `{key}`, keeping the key (a capturing group puts it at the odd places). */
const PLACEHOLDER_SPLIT = /\{(\w+)\}/;

function filled(parts: string[], data: MessageData, lang: "zh" | "en"): string {
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const v = data[parts[i]];
    out += (v === undefined ? `{${parts[i]}}` : typeof v === "object" ? v[lang] : String(v)) + parts[i + 1];
  }
  return out;
}

/** Every fact of one finding code, as an ESLint rule module holds its meta. */
interface RuleMeta<T extends Trait = Trait> {
  code: string;
  severity: Severity;
  /** Its name for people, short (缺少得分): what lists and reports show beside the code. */
  title: Message;
  /** The traits a form's family must have for the rule to run on it (src/core/forms/traits.ts). */
  requires: readonly T[];
  /** What the rule checks, for documentation and the task pane's help. */
  description: Message;
  /** How its mark clears itself. */
  mark: MarkCondition;
  /**
   * The finding is about a figure a formula may hold (a total, a grade, the budget rate or score):
   * not reported while the formula's stored result is stale (after a fill, before recalculation).
   */
  formulaFigure: boolean;
  /** `print`: the print check before stamping (issue 19 §5), shown as a group of its own. */
  group?: "print";
}

/**
 * A rule module: its facts, its messages by id (`{placeholders}` in both languages) and its check,
 * which receives a form typed by the traits it requires and reports descriptors.
 */
interface RuleModule<T extends Trait, M extends string> extends RuleMeta<T> {
  messages: Readonly<Record<M, Message>>;
  check(ctx: RuleContext<T>, report: Report<M>): void;
}

/** A rule as the engine runs it: on any form, checking only those whose family has every trait it requires. */
export interface Rule extends RuleMeta {
  messages: Readonly<Record<string, Message>>;
  run(ctx: RuleContext, report: Report): void;
}

export function defineRule<T extends Trait, M extends string>(module: RuleModule<T, M>): Rule {
  const { check, ...meta } = module;
  return {
    ...meta,
    run(ctx, report) {
      if (hasAll(ctx.form.traits, meta.requires)) check(ctx as RuleContext<T>, report as Report<M>);
    },
  };
}
