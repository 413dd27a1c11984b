import { parseA1, parseRange, toA1 } from "../core/address";
import { displayText } from "../core/numberFormat";
import type { SheetSnapshot } from "../core/snapshot";
import { bareAddress } from "./addresses";
import { EmuRequestContext, type EmuRunOptions } from "./context";
import { payloadBytes } from "./payload";
import { Workbook } from "./proxies/workbook";
import type { ChangeRecord, ContextHost, LibraryFeatures, Registration } from "./hostTypes";

export type { ChangeRecord, LibraryFeatures } from "./hostTypes";
export { payloadBytes } from "./payload";
import { apiNotFound, EmulatorError } from "./errors";
import { ruleHolds } from "../core/formula";
import { recalculate } from "./recalc";
import { shiftRows } from "./shiftRows";
import { toSnapshot } from "./snapshot";
import { cellKey, cloneState, contains, DEFAULT_PROTECTION, emptyCell, newSheet, type CellData, type ProtectionOptions, type Scalar, type SheetState, type WorkbookState } from "./state";

/** The npm package's library, as shipped in the offline build. */
export const NPM_OFFICE_JS: LibraryFeatures = { notes: false, undoGroup: false };
/** Microsoft's CDN library of today. */
export const CDN_OFFICE_JS: LibraryFeatures = { notes: true, undoGroup: true };

/** Excel on the web limits one request and one response to 5 MB. */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

export interface HostOptions {
  /** The highest ExcelApi requirement set the host supports (default "1.20"). */
  apiVersion?: string;
  /** Requirement sets to leave out although apiVersion covers them, e.g. ["1.18"]. */
  without?: string[];
  /** The office.js library the add-in runs with (default: the CDN's, which has everything). */
  library?: LibraryFeatures;
  /**
   * Reproduce Excel's known API bugs (default true): merged-area addresses listing top-left cells
   * only (office-js 1590); conditional-format collections that fail when rules share cells
   * (office-js 5222, 6827, 6835).
   */
  knownBugs?: boolean;
  /** Bytes one request or one response may carry (default 5 MB, as Excel on the web). */
  payloadLimit?: number;
  /**
   * Where Excel runs (default "desktop"). On the web, picking a value from a list validation's
   * drop-down raises no onChanged.
   */
  platform?: "desktop" | "web";
}

interface BatchLog {
  before: WorkbookState | null;
  changes: ChangeRecord[];
}

function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * An emulated Excel host: the workbook state, the batch executor behind context.sync(), the
 * requirement sets it claims, undo steps, and change events. Tests and the playground drive it;
 * the add-in code sees only `run` (as Excel.run).
 */
export class EmulatedExcel implements ContextHost {
  state: WorkbookState;
  /** Every context.sync() (and the final one of Excel.run when instructions were pending). */
  syncCount = 0;
  /** Write instructions the add-in's batches have sent (values, formats, rules, notes, XML …). */
  writeCalls = 0;
  /** While true a sync fails with InvalidOperationInCellEditMode and applies nothing. */
  editMode = false;
  /** Called at the start of every sync with its number (1-based), before anything is applied. */
  beforeSync?: (syncNumber: number, host: EmulatedExcel) => void;
  readonly run: typeof Excel.run;
  readonly library: LibraryFeatures;
  readonly knownBugs: boolean;
  readonly payloadLimit: number;
  readonly platform: "desktop" | "web";
  /** The largest response a sync has returned so far, in bytes (a refused one returned nothing). */
  largestResponse = 0;
  private responseBytes = 0;

  private readonly maxVersion: string;
  private readonly without: Set<string>;
  private readonly undoStack: WorkbookState[] = [];
  private batch: BatchLog | null = null;
  private registrations: Registration[] = [];
  private delivery: Promise<void> = Promise.resolve();
  private editEnded: Array<() => void> = [];

  constructor(opts: HostOptions = {}, state?: WorkbookState) {
    this.maxVersion = opts.apiVersion ?? "1.20";
    this.without = new Set(opts.without ?? []);
    this.library = opts.library ?? CDN_OFFICE_JS;
    this.knownBugs = opts.knownBugs ?? true;
    this.payloadLimit = opts.payloadLimit ?? PAYLOAD_LIMIT;
    this.platform = opts.platform ?? "desktop";
    this.state = state ?? { sheets: [], activeSheetId: "", selection: null, nextId: 0 };
    this.run = ((...args: unknown[]) => this.runBatch(args)) as unknown as typeof Excel.run;
  }

  /** A host with empty sheets of these names, the first one active. */
  static withSheets(names: string[], opts: HostOptions = {}): EmulatedExcel {
    const host = new EmulatedExcel(opts);
    for (const n of names) host.state.sheets.push(newSheet(host.state, n));
    host.state.activeSheetId = host.state.sheets[0]?.id ?? "";
    return host;
  }

  /** Office.context.requirements.isSetSupported. */
  isSetSupported = (name: string, minVersion?: string | number): boolean => {
    if (name !== "ExcelApi") return false;
    const v = String(minVersion ?? "1.1");
    return !this.without.has(v) && compareVersions(v, this.maxVersion) <= 0;
  };

  /** @internal Throws ApiNotFound (at sync, as a host would) when the set is not supported. */
  requireSet(version: string, api: string): void {
    if (!this.isSetSupported("ExcelApi", version)) throw apiNotFound(api, version);
  }

  private async runBatch(args: unknown[]): Promise<unknown> {
    const batch = args[args.length - 1];
    if (typeof batch !== "function") throw new EmulatorError("InvalidArgument", "Excel.run needs a batch function.");
    const first = args.length > 1 ? args[0] : undefined;
    let ctx: EmuRequestContext | undefined;
    if (first instanceof EmuRequestContext) ctx = first;
    else if (Array.isArray(first) && first[0]?.context instanceof EmuRequestContext) ctx = first[0].context;
    else if (first && typeof first === "object" && (first as { context?: unknown }).context instanceof EmuRequestContext) {
      ctx = (first as { context: EmuRequestContext }).context;
    }
    if (!ctx) {
      const options = { ...((first as EmuRunOptions | undefined) ?? {}) };
      // A host without ExcelApi 1.20 does not know the option and ignores it; an old library never sends it.
      if (!this.isSetSupported("ExcelApi", "1.20") || !this.library.undoGroup) delete options.mergeUndoGroup;
      ctx = new EmuRequestContext(this, options, (c) => new Workbook(c));
    }
    ctx._undoRecorded = false;
    const result = await (batch as (c: EmuRequestContext) => Promise<unknown>)(ctx);
    if (ctx._queue.length > 0) await ctx.sync();
    return result;
  }

  /** @internal The host side of context.sync(): apply the instructions in order. */
  async _execute(ctx: EmuRequestContext): Promise<void> {
    const ops = ctx._queue;
    const requestBytes = ctx._requestBytes;
    ctx._queue = [];
    ctx._requestBytes = 0;
    this.syncCount += 1;
    this.beforeSync?.(this.syncCount, this);
    await Promise.resolve();
    if (this.editMode) {
      if (!ctx.runOptions.delayForCellEdit) {
        throw new EmulatorError("InvalidOperationInCellEditMode", "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.");
      }
      await new Promise<void>((resolve) => this.editEnded.push(resolve));
    }
    if (requestBytes > this.payloadLimit) {
      throw new EmulatorError("RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit. Please refer to the documentation: \"https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins\".");
    }
    const log: BatchLog = { before: null, changes: [] };
    this.batch = log;
    this.responseBytes = 0;
    try {
      // Instructions run in order; the first that fails stops the batch. What ran before it stays
      // applied: a batch is not a transaction (OfficeExtension.Error.traceMessages lists what ran).
      for (const op of ops) op();
      if (this.responseBytes <= this.payloadLimit) this.largestResponse = Math.max(this.largestResponse, this.responseBytes);
      else {
        throw new EmulatorError("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit. Please refer to the documentation: \"https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins\".");
      }
    } finally {
      this.batch = null;
      this.recalculateAfter(log.changes);
      if (log.before) {
        if (!this.undoesAddinWrites) {
          // Below ExcelApi 1.20 an add-in's write is not undoable and clears the undo stack, the
          // person's own edits included (office-js 3788, 3778, 6170).
          this.undoStack.length = 0;
        } else if (!(ctx.runOptions.mergeUndoGroup && ctx._undoRecorded)) this.undoStack.push(log.before);
        ctx._undoRecorded = true;
      }
      this.schedule(log.changes);
    }
  }

  /** @internal A value loaded in the running sync: it travels back in the response. */
  _respond(value: unknown): void {
    this.responseBytes += payloadBytes(value);
  }

  /** @internal Call before changing the workbook inside a batch (records the undo step). */
  _touch(): void {
    if (!this.batch) return;
    this.writeCalls += 1;
    if (!this.batch.before) this.batch.before = cloneState(this.state);
  }

  /** Excel keeps the add-in's writes on its undo stack (ExcelApi 1.20); below, they clear it. */
  get undoesAddinWrites(): boolean {
    return this.isSetSupported("ExcelApi", "1.20");
  }

  /** @internal A range's values or formulas changed inside the running batch. */
  _changed(rec: ChangeRecord): void {
    this.batch?.changes.push(rec);
  }

  /** @internal */
  _register(reg: Registration): void {
    // Below ExcelApi 1.20, registering an event handler already clears the undo stack (office-js 2543).
    if (!this.undoesAddinWrites) this.undoStack.length = 0;
    this.registrations.push(reg);
  }

  /** Handlers registered for change events. */
  get handlerCount(): number {
    return this.registrations.length;
  }

  /** @internal */
  _unregister(match: (r: Registration) => boolean): void {
    this.registrations = this.registrations.filter((r) => !match(r));
  }

  /**
   * Excel in automatic calculation mode: once values change, the formulas of those sheets are
   * recalculated (a =SUM total follows the scores the add-in filled). Recalculation itself raises
   * no change event, as in Excel.
   */
  private recalculateAfter(changes: ChangeRecord[]): void {
    for (const id of new Set(changes.map((c) => c.sheetId))) {
      const sheet = this.state.sheets.find((s) => s.id === id);
      if (sheet) recalculate(sheet);
    }
  }

  private schedule(changes: ChangeRecord[]): void {
    if (changes.length === 0) return;
    // Events reach the add-in after the sync has returned, never inside it.
    this.delivery = this.delivery.then(() => new Promise<void>((r) => setTimeout(r, 0))).then(() => this.dispatch(changes));
  }

  private async dispatch(changes: ChangeRecord[]): Promise<void> {
    for (const rec of changes) {
      for (const reg of [...this.registrations]) {
        if (reg.scope !== "*" && reg.scope !== rec.sheetId) continue;
        try {
          await reg.handler(this.eventArgs(rec));
        } catch {
          // An event handler's error does not reach Excel.
        }
      }
    }
  }

  private eventArgs(rec: ChangeRecord): Record<string, unknown> {
    const remote = rec.origin === "remote";
    const valueType = (v: Scalar | undefined) => (v === null || v === undefined ? "Empty" : typeof v === "number" ? "Double" : typeof v === "boolean" ? "Boolean" : "String");
    return {
      type: "WorksheetChanged",
      changeType: "RangeEdited",
      source: remote ? "Remote" : "Local",
      worksheetId: rec.sheetId,
      address: rec.address,
      ...(this.isSetSupported("ExcelApi", "1.9") && rec.single
        ? { details: { valueBefore: rec.before ?? "", valueAfter: rec.after ?? "", valueTypeBefore: valueType(rec.before), valueTypeAfter: valueType(rec.after) } }
        : {}),
      ...(this.isSetSupported("ExcelApi", "1.14") ? { triggerSource: rec.origin === "api" ? "ThisLocalAddin" : "Unknown" } : {}),
      getRange: (ctx: EmuRequestContext) => (ctx as unknown as Excel.RequestContext).workbook.worksheets.getItem(rec.sheetId).getRange(rec.address),
    };
  }

  /** Wait until every change event raised so far has been delivered. */
  async flushEvents(): Promise<void> {
    let seen: Promise<void>;
    do {
      seen = this.delivery;
      await seen;
    } while (seen !== this.delivery);
  }

  setEditMode(on: boolean): void {
    this.editMode = on;
    if (!on) for (const resolve of this.editEnded.splice(0)) resolve();
  }

  /** How many undo steps the batches have made. */
  get undoDepth(): number {
    return this.undoStack.length;
  }

  /** Ctrl+Z: back to the state before the last undo step. */
  undo(): boolean {
    const prev = this.undoStack.pop();
    if (!prev) return false;
    this.state = prev;
    return true;
  }

  sheet(name: string): SheetState {
    const s = this.state.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  get activeSheet(): SheetState {
    return this.state.sheets.find((s) => s.id === this.state.activeSheetId) ?? this.state.sheets[0];
  }

  /** The cell as Excel holds it, with the text it displays. */
  cell(sheetName: string, address: string): CellData & { text: string } {
    const { row, col } = parseA1(bareAddress(address));
    const c = this.sheet(sheetName).cells.get(cellKey(row, col)) ?? emptyCell();
    const text = displayText(c.value, c.numberFormat);
    return { ...c, text };
  }

  /**
   * The user types into a cell (not through the API): one undo step, and onChanged as Excel fires it.
   * `via: "list"` picks the value from a list validation's drop-down, which on Excel on the web fires
   * no onChanged; `via: "remote"` is a co-author's edit, arriving with source "Remote" and no undo step here.
   */
  userEdit(sheetName: string, address: string, value: Scalar, via: "typed" | "list" | "remote" = "typed"): void {
    const sheet = this.sheet(sheetName);
    const { row, col } = parseA1(bareAddress(address));
    const key = cellKey(row, col);
    if (via !== "remote") this.undoStack.push(cloneState(this.state));
    const before = sheet.cells.get(key)?.value ?? null;
    const c = sheet.cells.get(key) ?? emptyCell();
    sheet.cells.set(key, { ...c, value: value === "" ? null : value, formula: null });
    recalculate(sheet);
    if (via === "list" && this.platform === "web") return;
    this.schedule([{ sheetId: sheet.id, address: toA1(row, col), before, after: value, single: true, origin: via === "remote" ? "remote" : "user" }]);
  }

  /**
   * A person inserts (count > 0) or deletes (count < 0) whole rows at `row`: cells, merged areas,
   * conditional formats, notes and validations move with them, as in Excel. The add-in's record of
   * marked cells (custom XML) does not: it is text. One undo step; no onChanged.
   */
  userShiftRows(sheetName: string, row: number, count: number): void {
    const sheet = this.sheet(sheetName);
    this.undoStack.push(cloneState(this.state));
    shiftRows(sheet, row, count);
    recalculate(sheet);
  }

  /** Protect or unprotect a sheet as a person would (Review → Protect Sheet), with its options. */
  setProtected(sheetName: string, on: boolean, options: Partial<ProtectionOptions> = {}): void {
    const s = this.sheet(sheetName);
    s.protected = on;
    s.protectionOptions = { ...DEFAULT_PROTECTION, ...options };
  }

  /** Format → Protection → Locked, as a person sets it before protecting the sheet. */
  setLocked(sheetName: string, address: string, locked: boolean): void {
    const s = this.sheet(sheetName);
    const r = parseRange(bareAddress(address));
    for (let row = r.top; row <= r.bottom; row++) {
      for (let col = r.left; col <= r.right; col++) {
        if (locked) s.unlocked.delete(cellKey(row, col));
        else s.unlocked.add(cellKey(row, col));
      }
    }
  }

  /** A person adds a threaded comment (Review → New Comment). */
  addComment(sheetName: string, address: string, content: string): void {
    const { row, col } = parseA1(bareAddress(address));
    const s = this.sheet(sheetName);
    const a = toA1(row, col);
    if (s.notes.has(a)) throw new Error(`${a} has a note`);
    s.comments.set(a, content);
  }

  /**
   * The conditional format Excel would show on a cell: the highest-priority custom rule whose
   * formula holds there. Throws UnsupportedFormula when a rule is beyond the small evaluator.
   */
  displayFormat(sheetName: string, address: string): { fill: string | null; font: string | null; formula: string } | null {
    const sheet = this.sheet(sheetName);
    const { row, col } = parseA1(bareAddress(address));
    for (const cf of sheet.cfs) {
      if (cf.type !== "Custom" || !cf.formula) continue;
      const area = cf.ranges.find((r) => contains(r, row, col));
      if (!area) continue;
      const env = {
        cell: (r: number, c: number) => sheet.cells.get(cellKey(r, c))?.value ?? null,
        rowOffset: row - area.top,
        colOffset: col - area.left,
      };
      if (ruleHolds(cf.formula, env)) return { fill: cf.fill, font: cf.font, formula: cf.formula };
    }
    return null;
  }

  snapshots(): SheetSnapshot[] {
    return this.state.sheets.map(toSnapshot);
  }
}
