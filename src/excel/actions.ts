import { analyzeSheet, type SheetResult } from "../core/engine";
import { applyWrites, planCheck, planFill } from "../core/fill";
import type { WritePlan } from "../core/plan";
import type { SettingsInput } from "../core/settings";
import type { SheetSnapshot } from "../core/snapshot";
import { detectCapabilities, officeIsSetSupported, type Capabilities, type IsSetSupported } from "./capabilities";
import { CELL_EDITING, EDIT_MODE_CODE, errorCode, joinMessages, MARKS_UNSUPPORTED, protectedSheets, readFailed, writeFailed } from "./messages";
import { OwnChanges } from "./ownChanges";
import { queueSheetRead, snapshotFromRead, type SheetRead } from "./readSheet";
import type { ActionOptions, ActionOutcome, AddinActions, SheetOutcome } from "./types";
import { dropDownCells } from "./dropDown";
import { queueInspection, queueMarkState, type Inspection, type MarkState } from "./inspect";
import { queueClear, queueSheetWrites, type QueuedWrites } from "./writePlan";

export interface AdapterEnv {
  /** Office.context.requirements.isSetSupported by default. */
  isSetSupported?: IsSetSupported;
  now?: () => number;
}

type Kind = ActionOutcome["action"];

interface Work {
  sheet: Excel.Worksheet;
  read: SheetRead;
  state: MarkState;
  snap?: SheetSnapshot;
  result?: SheetResult;
  plan?: WritePlan;
  writable?: boolean;
  insp?: Inspection;
  queued?: QueuedWrites;
}

const NO_PLAN: WritePlan = { writes: [], marks: [] };

/** The engine's part: what to write and mark, and the analysis to report (for fill: after the writes). */
function planFor(kind: Kind, snap: SheetSnapshot, settings: SettingsInput | undefined): { plan: WritePlan; result: SheetResult } {
  if (kind === "fill") {
    const f = planFill(snap, settings);
    return { plan: f.plan, result: f.after };
  }
  if (kind === "check") return planCheck(snap, settings);
  return { plan: NO_PLAN, result: analyzeSheet(snap, settings) };
}

/**
 * The add-in's actions against Excel.run. Each action costs a fixed number of context.sync() calls,
 * whatever the size or number of sheets: read everything (1; "all" first lists the sheets: +1),
 * look at the add-in's old marks and the cells that matter (1), write everything (1). The writes of
 * an action go in a single sync, and with ExcelApi 1.20 the whole run is one undo step.
 */
export function createActions(run?: typeof Excel.run, env: AdapterEnv = {}): AddinActions {
  const excelRun = (): typeof Excel.run => run ?? Excel.run;
  const isSetSupported = (): IsSetSupported => env.isSetSupported ?? officeIsSetSupported();
  const own = new OwnChanges(env.now);

  function queueReads(sheets: Excel.Worksheet[], caps: Capabilities): Work[] {
    return sheets.map((sheet) => ({ sheet, read: queueSheetRead(sheet, caps), state: queueMarkState(sheet, caps) }));
  }

  async function perform(kind: Kind, opts: ActionOptions = {}): Promise<ActionOutcome> {
    const caps = detectCapabilities(isSetSupported());
    let syncs = 0;
    let phase: "read" | "write" = "read";

    const body = async (ctx: Excel.RequestContext): Promise<ActionOutcome> => {
      const sync = async () => {
        syncs++;
        await ctx.sync();
      };
      phase = "read";
      const collection = ctx.workbook.worksheets;
      let targets: Excel.Worksheet[];
      if ((opts.scope ?? "active") === "all") {
        collection.load("items/name");
        await sync();
        targets = collection.items;
      } else {
        targets = [collection.getActiveWorksheet()];
      }

      let work = queueReads(targets, caps);
      try {
        await sync();
      } catch (e) {
        if (!caps.mergedAreas || errorCode(e) === EDIT_MODE_CODE) throw e;
        // More than 512 merged areas fail the read (a documented limit): read again without them.
        work = queueReads(targets, { ...caps, mergedAreas: false });
        await sync();
      }

      const locked: string[] = [];
      for (const w of work) {
        const snap = snapshotFromRead(w.read);
        w.snap = snap;
        const { plan, result } = planFor(kind, snap, opts.settings);
        w.plan = plan;
        w.result = result;
        // Not a form: reported, not touched. 清除标记 still takes away the add-in's own marks.
        const relevant = kind === "clear" || result.kind !== "none";
        if (snap.protected && result.kind !== "none") locked.push(snap.name);
        w.writable = relevant && !snap.protected;
      }

      let inspecting = 0;
      for (const w of work) {
        if (!w.writable) continue;
        const noteCells = caps.conditionalFormats && caps.notes ? w.plan!.marks.map((m) => m.cell) : [];
        const dvCells = caps.dataValidation ? dropDownCells(w.result!).all : [];
        w.insp = queueInspection(w.sheet, w.state, { writes: w.plan!.writes.map((x) => x.cell), notes: noteCells, dropDowns: dvCells });
        inspecting += w.insp.queued;
      }
      if (inspecting > 0) await sync();

      phase = "write";
      let writing = 0;
      for (const w of work) {
        if (!w.writable) continue;
        if (kind === "clear") {
          writing += queueClear(w.state, w.insp!);
          continue;
        }
        w.queued = queueSheetWrites(w.sheet, w.snap!, w.plan!, w.result!, w.state, w.insp!, caps);
        writing += w.queued.queued;
        own.begin(w.sheet.id, w.queued.cells);
      }
      if (writing > 0) {
        own.start();
        try {
          await sync();
        } finally {
          own.end();
        }
      }

      const sheets: SheetOutcome[] = work.map((w) => {
        const q = w.queued;
        let result = w.result!;
        if (q && q.skipped.length > 0) result = analyzeSheet(applyWrites(w.snap!, q.written), opts.settings);
        return { result, written: q?.written ?? [], marks: q?.marks ?? [] };
      });
      const notes = [];
      if (locked.length > 0) notes.push(protectedSheets(locked));
      if (!caps.conditionalFormats && kind !== "fill" && work.some((w) => w.writable)) notes.push(MARKS_UNSUPPORTED);
      const error = joinMessages(notes);
      return { action: kind, sheets, syncs, ...(error ? { error } : {}) };
    };

    const attempt = (undoGroup: boolean) => {
      const runOptions: Excel.RunOptions = {};
      if (undoGroup) runOptions.mergeUndoGroup = true;
      if (opts.waitForCellEdit && caps.delayForCellEdit) runOptions.delayForCellEdit = true;
      return Object.keys(runOptions).length > 0 ? excelRun()(runOptions, body) : excelRun()(body);
    };
    const failure = (e: unknown): ActionOutcome => {
      const code = errorCode(e);
      const error = code === EDIT_MODE_CODE ? CELL_EDITING : phase === "write" ? writeFailed(code) : readFailed(code);
      return { action: kind, sheets: [], syncs, error };
    };
    try {
      return await attempt(caps.undoGroup);
    } catch (e) {
      if (!(caps.undoGroup && errorCode(e) === "UndoNotSupported")) return failure(e);
      // Some API of the batch cannot be grouped for undo: the actions are idempotent, so run it again ungrouped.
      try {
        return await attempt(false);
      } catch (e2) {
        return failure(e2);
      }
    }
  }

  return {
    check: (opts) => perform("check", opts),
    fill: (opts) => perform("fill", opts),
    clearMarks: (opts) => perform("clear", opts),

    async select(sheet: string, address: string): Promise<void> {
      await excelRun()(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(address).select();
        await ctx.sync();
      });
    },

    async onChange(handler: () => void): Promise<() => Promise<void>> {
      const caps = detectCapabilities(isSetSupported());
      if (!caps.sheetEvents) return async () => undefined;
      const listener = async (e: Excel.WorksheetChangedEventArgs) => {
        if (!own.isOwn(e)) handler();
      };
      const registration = await excelRun()(async (ctx) => {
        const events = caps.workbookEvents ? ctx.workbook.worksheets.onChanged : ctx.workbook.worksheets.getActiveWorksheet().onChanged;
        const r = events.add(listener);
        await ctx.sync();
        return r;
      });
      return async () => {
        await excelRun()(registration.context, async (ctx) => {
          registration.remove();
          await ctx.sync();
        });
      };
    },
  };
}
