import type { Form, FormKind, Indicator } from "../forms/model";
import type { Settings } from "../settings";
import type { Evaluation } from "../scoring/evaluate";
import type { Figures } from "../scoring/figures";

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
}

export interface RuleContext {
  form: Form;
  evals: Evaluation[];
  figures: Figures;
  settings: Settings;
}

export interface Rule {
  code: string;
  severity: Severity;
  kinds: ReadonlyArray<Exclude<FormKind, "none">>;
  /** What the rule checks, for documentation and the task pane's help. */
  description: Message;
  check(ctx: RuleContext, report: (cell: string, message: Message, row?: number) => void): void;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}

/** 「第25行“用户满意度”」 / row 25 "用户满意度". */
export function rowName(ind: Indicator): Message {
  const name = ind.name || ind.level2 || ind.level1;
  return { zh: `第${ind.row}行“${name}”`, en: `row ${ind.row} "${name}"` };
}
