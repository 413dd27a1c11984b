import type { MarkCondition, Message, Severity } from "./rules/types";

/** Why a cell is written: every write the product makes is one of these (RULES §7). */
export type WritePurpose = "score" | "budget-rate" | "budget-score" | "total" | "grade" | "draft";

export interface CellWrite {
  cell: string;
  value: number | string;
  numberFormat?: string;
  /** The text wraps within its cell (a drafted reason, to print whole). */
  wrap?: boolean;
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

/** A row made taller, in points (so that a drafted reason prints whole). */
export interface RowHeight {
  row: number;
  height: number;
  /** The drafts it is grown for: if none of them is written (a person typed there meanwhile), it is not. */
  cells: string[];
}

export interface WritePlan {
  writes: CellWrite[];
  marks: Mark[];
  /** Rows the writes make taller; absent when none. */
  rows?: RowHeight[];
}

export type { MarkCondition };
