import type { MarkCondition, Message, Severity } from "./rules/types";

/** Why a cell is written: every write the product makes is one of these (RULES §7). */
export type WritePurpose = "score" | "budget-rate" | "budget-score" | "total" | "grade" | "draft";

export interface CellWrite {
  cell: string;
  value: number | string;
  numberFormat?: string;
  purpose: WritePurpose;
  message: Message;
}

export interface Mark {
  cell: string;
  severity: Exclude<Severity, "info">;
  codes: string[];
  condition: MarkCondition;
  /** The note text: every finding at that cell, one per line. */
  note: Message;
}

export interface WritePlan {
  writes: CellWrite[];
  marks: Mark[];
}

export type { MarkCondition };
