import type { ActionName } from "../core/actions";
import type { SheetResult } from "../core/engine";
import type { CellWrite, Mark } from "../core/plan";
import type { Message } from "../core/rules/types";
import type { SettingsInput } from "../core/settings";

/**
 * The contract every host adapter implements for the task pane and the ribbon commands: read the
 * sheets, apply a plan (fill, marks), clear the marks, select a cell, tell of changes. The Office.js
 * adapter (src/excel/actions.ts) implements it against `Excel.run`, and so, through it, does the
 * emulator (src/emulator); the pane knows only this file, and only the pane's entry point
 * (src/taskpane/index.tsx) wires an adapter in.
 */
export type Scope = "active" | "all";

export interface ActionOptions {
  settings?: SettingsInput;
  /** The active sheet only, or every sheet of the workbook. */
  scope?: Scope;
  /**
   * Wait while the person is editing a cell instead of failing (ExcelApi 1.11 delayForCellEdit):
   * for the automatic re-check after a change, which nobody asked for at that moment.
   */
  waitForCellEdit?: boolean;
}

export interface SheetOutcome {
  /** The analysis after the action (for fill: after the writes). */
  result: SheetResult;
  written: CellWrite[];
  /** The marks on the sheet after the action: those already there and those added. */
  marks: Mark[];
  /**
   * What the action changed of the marks, where it brought them up to date: rules added and
   * removed, and how many marked cells carry the add-in's note (0 where Excel has no notes).
   */
  changes?: { added: number; removed: number; notes: number };
}

/** A check that only reads: what the pane does on opening and after an edit. */
export type OutcomeAction = ActionName | "inspect";

export interface ActionOutcome {
  action: OutcomeAction;
  sheets: SheetOutcome[];
  /**
   * A host's own diagnostics: the Office.js adapter counts its context.sync() round trips (tests
   * assert they do not grow with the sheet's size). Other hosts leave it out.
   */
  syncs?: number;
  /** The write instructions the action sent (0 for a check on an unchanged sheet). */
  writeCalls?: number;
  /** Set when nothing was written and why: protected sheet, cell being edited, API missing. */
  error?: Message;
}

export interface AddinActions {
  /** Read and analyse only: no mark, note, drop-down or record is touched, no undo step is made. */
  inspect(opts?: ActionOptions): Promise<ActionOutcome>;
  /** Check and bring the marks up to date, writing only where they change. */
  check(opts?: ActionOptions): Promise<ActionOutcome>;
  fill(opts?: ActionOptions): Promise<ActionOutcome>;
  clearMarks(opts?: ActionOptions): Promise<ActionOutcome>;
  /** Select a cell (and activate its sheet), for a click on a finding. */
  select(sheet: string, address: string): Promise<void>;
  /**
   * Call back (debounced by the caller) when a person changes a sheet here: not for the add-in's
   * own writes, nor for a co-author's (remote) changes.
   */
  onChange(handler: () => void): Promise<() => Promise<void>>;
  /**
   * Whether the add-in's writes and event handlers leave Excel's undo stack alone (ExcelApi 1.20).
   * Below it, registering a change handler already clears it: live checking is then off by default.
   */
  keepsUndo(): boolean;
}
