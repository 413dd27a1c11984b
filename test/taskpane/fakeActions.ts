import type { ActionOptions, ActionOutcome, AddinActions, OutcomeAction, SheetOutcome } from "../../src/host/actions";
import { applyWrites, planCheck, planFill } from "../../src/core/fill";
import type { Message } from "../../src/core/rules/types";
import type { SheetSnapshot } from "../../src/core/snapshot";
import { sampleSnapshots } from "../helpers";

/** A sheet that is no performance form (a cover note). */
export function plainSheet(name: string): SheetSnapshot {
  return {
    name,
    origin: { row: 1, col: 1 },
    values: [["填表说明"], ["请按要求填写各项目的绩效自评表。"]],
    text: [["填表说明"], ["请按要求填写各项目的绩效自评表。"]],
    numberFormats: [["General"], ["General"]],
    formulas: [[null], [null]],
    merges: [],
  };
}


export interface FakeCalls {
  inspect: ActionOptions[];
  check: ActionOptions[];
  fill: ActionOptions[];
  clear: ActionOptions[];
  select: Array<{ sheet: string; address: string }>;
  subscribed: number;
  unsubscribed: number;
}

/**
 * An AddinActions that answers with what the real engine finds on real sample sheets: check plans
 * with planCheck, fill with planFill (and keeps the filled sheet, as a workbook would), clear returns
 * the analysis without marks. Every call and its options are recorded.
 */
export class FakeActions implements AddinActions {
  readonly calls: FakeCalls = { inspect: [], check: [], fill: [], clear: [], select: [], subscribed: 0, unsubscribed: 0 };
  /** The error (e.g. protected sheet) the next call of that action answers with, nothing written. */
  readonly failWith: Partial<Record<OutcomeAction, Message>> = {};
  /** Throw from the next call of that action (an Office.js exception). */
  readonly throwWith: Partial<Record<OutcomeAction, Error>> = {};
  /** What keepsUndo() answers: an Excel with ExcelApi 1.20 (true) or an older one. */
  undo = true;
  /** When set, actions wait for release() before answering (to see the busy state). */
  hold = false;
  private waiting: Array<() => void> = [];
  private handlers: Array<() => void> = [];

  constructor(
    private sheets: SheetSnapshot[],
    /** Index of the active sheet. */
    private active = 0,
  ) {}

  static async fromSample(rel: string, active = 0): Promise<FakeActions> {
    return new FakeActions(await sampleSnapshots(rel), active);
  }

  /** A workbook of the first sheets of several samples, renamed, plus any extra sheets. */
  static async fromSamples(sheets: Array<{ rel: string; name: string }>, extra: SheetSnapshot[] = []): Promise<FakeActions> {
    const snaps: SheetSnapshot[] = [];
    for (const { rel, name } of sheets) snaps.push({ ...(await sampleSnapshots(rel))[0], name });
    return new FakeActions([...snaps, ...extra]);
  }

  /** Replace a sheet's contents (what a person typing would do) and fire the change event. */
  edit(snapshot: SheetSnapshot): void {
    const i = this.sheets.findIndex((s) => s.name === snapshot.name);
    if (i < 0) throw new Error(`no sheet ${snapshot.name}`);
    this.sheets[i] = snapshot;
    this.emitChange();
  }

  /** The sheet as it now reads (after any fill). */
  snapshot(index = 0): SheetSnapshot {
    return this.sheets[index];
  }

  emitChange(): void {
    for (const h of [...this.handlers]) h();
  }

  get listeners(): number {
    return this.handlers.length;
  }

  release(): void {
    const w = this.waiting;
    this.waiting = [];
    for (const r of w) r();
  }

  get pending(): number {
    return this.waiting.length;
  }

  keepsUndo(): boolean {
    return this.undo;
  }

  async inspect(opts: ActionOptions = {}): Promise<ActionOutcome> {
    this.calls.inspect.push(opts);
    return this.answer("inspect", opts, () => this.inScope(opts).map(({ snap }) => ({ result: planCheck(snap, opts.settings).result, written: [], marks: [] })));
  }

  async check(opts: ActionOptions = {}): Promise<ActionOutcome> {
    this.calls.check.push(opts);
    return this.answer("check", opts, () =>
      this.inScope(opts).map(({ snap }) => {
        const { plan, result } = planCheck(snap, opts.settings);
        return { result, written: [], marks: plan.marks };
      }),
    );
  }

  async fill(opts: ActionOptions = {}): Promise<ActionOutcome> {
    this.calls.fill.push(opts);
    return this.answer("fill", opts, () =>
      this.inScope(opts).map(({ snap, index }) => {
        const { plan, after } = planFill(snap, opts.settings);
        this.sheets[index] = applyWrites(snap, plan.writes);
        return { result: after, written: plan.writes, marks: plan.marks };
      }),
    );
  }

  async clearMarks(opts: ActionOptions = {}): Promise<ActionOutcome> {
    this.calls.clear.push(opts);
    return this.answer("clear", opts, () =>
      this.inScope(opts).map(({ snap }) => ({ result: planCheck(snap, opts.settings).result, written: [], marks: [] })),
    );
  }

  async select(sheet: string, address: string): Promise<void> {
    this.calls.select.push({ sheet, address });
  }

  async onChange(handler: () => void): Promise<() => Promise<void>> {
    this.calls.subscribed++;
    this.handlers.push(handler);
    return async () => {
      this.calls.unsubscribed++;
      this.handlers = this.handlers.filter((h) => h !== handler);
    };
  }

  private inScope(opts: ActionOptions): Array<{ snap: SheetSnapshot; index: number }> {
    const all = this.sheets.map((snap, index) => ({ snap, index }));
    return opts.scope === "all" ? all : [all[this.active]];
  }

  private async answer(action: OutcomeAction, _opts: ActionOptions, run: () => SheetOutcome[]): Promise<ActionOutcome> {
    if (this.hold) await new Promise<void>((r) => this.waiting.push(r));
    const thrown = this.throwWith[action];
    if (thrown) {
      delete this.throwWith[action];
      throw thrown;
    }
    const error = this.failWith[action];
    if (error) {
      delete this.failWith[action];
      return { action, sheets: [], syncs: 1, error };
    }
    return { action, sheets: run(), syncs: 2, writeCalls: action === "inspect" ? 0 : 1 };
  }
}
