import { withCrossChecks } from "../core/crossCheck";
import { resolveSettings } from "../core/settings";
import { analyzeSheet, type SheetResult } from "../core/engine";
import { applyWrites, planCheck, planFill } from "../core/fill";
import type { Message } from "../core/rules/types";
import { marksFor, type WritePlan } from "../core/plan";
import type { SettingsInput } from "../core/settings";
import type { SheetSnapshot } from "../core/snapshot";
import { detectCapabilities, libraryFeatures, officeIsSetSupported, type Capabilities, type IsSetSupported, type LibraryFeatures } from "./capabilities";
import { dropDownCells } from "./dropDown";
import { queueLook, type Look } from "./inspect";
import { queueRecordRead, queueRecordWrite, queueRecordXml, recordOf, type MarkRecord, type RecordRead } from "./markRecord";
import {
  CELL_EDITING,
  EDIT_MODE_CODE,
  errorCode,
  joinMessages,
  MARKS_UNSUPPORTED,
  marksRemoveFailed,
  marksUnreadable,
  mergesUnread,
  notesFailed,
  protectedSheet,
  readFailed,
  writeFailed,
} from "./messages";
import { OwnChanges } from "./ownChanges";
import { commentedCells, queueOutline, readSheets, snapshotFromRead, type Outline, type SheetRead } from "./readSheet";
import type { ActionOptions, ActionOutcome, AddinActions, SheetOutcome } from "./types";
import { queueNotes, queueRemoveOwn, queueSheetWrites, type QueuedWrites } from "./writePlan";

export interface AdapterEnv {
  /** Office.context.requirements.isSetSupported by default. */
  isSetSupported?: IsSetSupported;
  /** What the loaded office.js implements; found by looking at the global Excel by default. */
  library?: LibraryFeatures;
  now?: () => number;
}

type Kind = ActionOutcome["action"];

interface Work {
  outline: Outline;
  read: SheetRead;
  snap: SheetSnapshot;
  result: SheetResult;
  plan: WritePlan;
  /** The action changes this sheet (values, marks or the add-in's old marks). */
  writable: boolean;
  protection: { on: boolean; allowFormatCells: boolean };
  look?: Look;
  queued?: QueuedWrites;
  /** Marks changed on this sheet (the add-in's old ones removed, new ones added). */
  marksChanged: boolean;
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

/** The cells whose conditional formats are looked at: marked before (the record) and to be marked now. */
function markCandidates(w: Work, record: MarkRecord, kind: Kind): string[] {
  const cells = new Set(record.get(w.outline.sheet.id) ?? []);
  for (const m of w.plan.marks) cells.add(m.cell);
  // Without a record (a copy marked by `jixiao check --fix`, or ExcelApi below 1.5), the cells
  // that still have findings are where such marks are.
  if (kind === "clear") for (const f of w.result.findings) if (f.severity !== "info") cells.add(f.cell);
  return [...cells];
}

/**
 * The add-in's actions against Excel.run. Each action costs a fixed number of context.sync() calls,
 * whatever the size of the sheet, and each phase has a sync of its own so that a failure never
 * leaves a sheet half written:
 *   1. outline: the sheets, their protection, extent, notes and comments, the marks record;
 *   2. read: the contents (more than one sync only past CELLS_PER_READ cells, for Excel's 5 MB limit);
 *   3. look: the cells to write, read again, and the conditional formats of the marked cells;
 *   4. remove the add-in's old marks (only when there are some);
 *   5. write the values and the new marks;
 *   6. notes (only when there are some), apart, as a cell with a threaded comment refuses them.
 * With ExcelApi 1.20 and a library that passes the option on, the whole run is one undo step.
 */
export function createActions(run?: typeof Excel.run, env: AdapterEnv = {}): AddinActions {
  const excelRun = (): typeof Excel.run => run ?? Excel.run;
  const isSetSupported = (): IsSetSupported => env.isSetSupported ?? officeIsSetSupported();
  const capabilities = (): Capabilities => detectCapabilities(isSetSupported(), env.library ?? libraryFeatures());
  const own = new OwnChanges(env.now);

  async function perform(kind: Kind, opts: ActionOptions = {}): Promise<ActionOutcome> {
    const caps = capabilities();
    let syncs = 0;
    let phase: "read" | "remove" | "write" = "read";

    const body = async (ctx: Excel.RequestContext): Promise<ActionOutcome> => {
      const sync = async () => {
        syncs++;
        await ctx.sync();
      };
      phase = "read";
      const messages: Message[] = [];

      // 1. Outline.
      const collection = ctx.workbook.worksheets;
      let targets: Excel.Worksheet[];
      if ((opts.scope ?? "active") === "all") {
        collection.load("items/name");
        await sync();
        targets = collection.items;
      } else {
        targets = [collection.getActiveWorksheet()];
      }
      const outlines = targets.map((s) => queueOutline(s, caps));
      const recordRead: RecordRead | null = caps.customXml && caps.conditionalFormats ? queueRecordRead(ctx.workbook) : null;
      await sync();

      // 2. Read, with the record's XML riding along.
      const reads = await readSheets(outlines, caps, sync, recordRead ? () => queueRecordXml(recordRead) : undefined);
      const record = recordOf(recordRead);

      const work: Work[] = reads.map((read) => {
        const snap = snapshotFromRead(read);
        const sheetProtection = read.outline.sheet.protection;
        const protection = { on: sheetProtection.protected === true, allowFormatCells: sheetProtection.options?.allowFormatCells === true };
        // A protected sheet is planned as Excel allows it: values into its unlocked cells (found in the look).
        const { plan, result } = planFor(kind, { ...snap, protected: false }, opts.settings);
        const relevant = kind === "clear" || result.kind !== "none";
        return { outline: read.outline, read, snap, result, plan, protection, writable: relevant && !read.mergesUnread, marksChanged: false };
      });
      // A declaration and a self-evaluation of one project among the sheets read: compared, and the
      // differences marked with the rest (RULES-2 §10).
      if (kind !== "clear" && work.length > 1) {
        const crossed = withCrossChecks(work.map((w) => ({ source: "", result: w.result })), resolveSettings(opts.settings));
        work.forEach((w, i) => {
          if (crossed[i] === w.result) return;
          w.result = crossed[i];
          w.plan = { ...w.plan, marks: marksFor(crossed[i].findings) };
        });
      }
      const unreadMerges = work.filter((w) => w.read.mergesUnread && w.result.kind !== "none").map((w) => w.snap.name);
      if (unreadMerges.length > 0) messages.push(mergesUnread(unreadMerges));

      // 3. Look.
      const queueLooks = (readMarks: boolean) => {
        let n = 0;
        for (const w of work) {
          if (!w.writable) continue;
          const marking = caps.conditionalFormats && !w.protection.on;
          w.look = queueLook(
            w.outline.sheet,
            w.outline.notes,
            {
              writes: w.plan.writes.map((x) => x.cell),
              marks: marking ? markCandidates(w, record, kind) : [],
              notes: marking && w.outline.notes ? w.plan.marks.map((m) => m.cell) : [],
              dropDowns: caps.dataValidation && !w.protection.on ? dropDownCells(w.result).all : [],
            },
            { lockedToo: w.protection.on, readMarks },
          );
          n += w.look.queued;
        }
        return n;
      };
      let marksReadable = true;
      if (queueLooks(true) > 0) {
        try {
          await sync();
        } catch (e) {
          if (errorCode(e) === EDIT_MODE_CODE) throw e;
          // Excel fails to read rules that are duplicated on a cell (office-js 6827, 6835): leave
          // the marks as they are, and still fill.
          marksReadable = false;
          if (queueLooks(false) > 0) await sync();
          const names = work.filter((w) => w.writable && caps.conditionalFormats && !w.protection.on).map((w) => w.snap.name);
          if (names.length > 0) messages.push(marksUnreadable(names));
        }
      }

      // 4. Remove the add-in's old marks, in a sync of their own.
      phase = "remove";
      let removing = 0;
      for (const w of work) {
        if (!w.writable || w.protection.on || !caps.conditionalFormats || !marksReadable) continue;
        const keep = new Set(dropDownCells(w.result).wanted.filter((c) => w.look!.validationAt.has(c)));
        removing += queueRemoveOwn(w.look!, w.outline.notes, kind === "clear" ? new Set() : keep);
        w.marksChanged = true;
      }
      if (removing > 0) {
        try {
          await sync();
        } catch (e) {
          if (errorCode(e) === EDIT_MODE_CODE) throw e;
          return { action: kind, sheets: [], syncs, error: marksRemoveFailed(errorCode(e)) };
        }
      }

      // 5. Write.
      phase = "write";
      let writing = 0;
      const newRecord: MarkRecord = new Map(record);
      for (const w of work) {
        if (!w.writable) continue;
        if (kind === "clear") {
          if (w.marksChanged) newRecord.set(w.outline.sheet.id, []);
          if (w.protection.on) messages.push(protectedSheet(w.snap.name, [], 0));
          continue;
        }
        w.queued = queueSheetWrites(w.outline.sheet, w.snap, w.plan, w.result, w.look!, {
          marks: w.marksChanged,
          dropDowns: caps.dataValidation && !w.protection.on,
          protectedSheet: w.protection,
        });
        writing += w.queued.queued;
        own.begin(w.outline.sheet.id, w.queued.cells);
        if (w.marksChanged) newRecord.set(w.outline.sheet.id, w.queued.marks.map((m) => m.cell));
        if (w.protection.on) messages.push(protectedSheet(w.snap.name, w.queued.locked.map((x) => x.cell), w.queued.written.length));
      }
      const recordChanged = recordRead !== null && JSON.stringify([...newRecord].filter(([, c]) => c.length > 0)) !== JSON.stringify([...record].filter(([, c]) => c.length > 0));
      if (recordChanged) {
        queueRecordWrite(ctx.workbook, recordRead, newRecord);
        writing++;
      }
      if (writing > 0) {
        own.start();
        try {
          await sync();
        } finally {
          own.end();
        }
      }

      // 6. Notes.
      let noting = 0;
      for (const w of work) {
        if (!w.queued || !w.outline.notes || !w.marksChanged) continue;
        noting += queueNotes(w.outline.notes, w.queued.marks, w.look!, commentedCells(w.read));
      }
      if (noting > 0) {
        try {
          await sync();
        } catch (e) {
          if (errorCode(e) === EDIT_MODE_CODE) throw e;
          messages.push(notesFailed(errorCode(e)));
        }
      }

      const sheets: SheetOutcome[] = work.map((w) => {
        const q = w.queued;
        let result = w.result;
        const notWritten = (q?.skipped.length ?? 0) + (q?.locked.length ?? 0);
        if (q && notWritten > 0) result = analyzeSheet(applyWrites(w.snap, q.written), opts.settings);
        else if (kind === "fill" && !w.writable) result = analyzeSheet(w.snap, opts.settings);
        return { result, written: q?.written ?? [], marks: q?.marks ?? [] };
      });
      if (!caps.conditionalFormats && kind !== "fill" && work.some((w) => w.writable)) messages.push(MARKS_UNSUPPORTED);
      const error = joinMessages(messages);
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
      const caps = capabilities();
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
