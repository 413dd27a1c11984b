// What the request context and the proxies need of the host, apart from host.ts, which creates the
// contexts: so that no proxy imports the host, and the context imports neither.
import type { Scalar, WorkbookState } from "./state";

/**
 * What the loaded office.js library itself implements, apart from what the host answers to
 * isSetSupported: the npm package @microsoft/office-js (a 2022 runtime) has no NoteCollection and
 * drops RunOptions.mergeUndoGroup, while current Excel reports ExcelApi 1.18 and 1.20.
 */
export interface LibraryFeatures {
  /** Worksheet.notes and Excel.NoteCollection exist (ExcelApi 1.18 era library). */
  notes: boolean;
  /** Excel.run passes RunOptions.mergeUndoGroup on to the host. */
  undoGroup: boolean;
}

/** One range written by a batch or by the user, for Worksheet.onChanged. */
export interface ChangeRecord {
  sheetId: string;
  address: string;
  before?: Scalar;
  after?: Scalar;
  single: boolean;
  origin: "api" | "user" | "remote";
}

export interface Registration {
  scope: string;
  handler: (args: unknown) => unknown;
  token: object;
}

/** The host as the request context and the proxies use it (EmulatedExcel implements it). */
export interface ContextHost {
  state: WorkbookState;
  readonly knownBugs: boolean;
  readonly library: LibraryFeatures;
  requireSet(version: string, api: string): void;
  _execute(ctx: object): Promise<void>;
  _touch(): void;
  _respond(value: unknown): void;
  _changed(rec: ChangeRecord): void;
  _register(reg: Registration): void;
  _unregister(match: (r: Registration) => boolean): void;
}
