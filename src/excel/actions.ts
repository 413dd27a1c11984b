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
import type { ActionOptions, ActionOutcome, AddinActions, OutcomeAction, SheetOutcome } from "./types";
import { diffMarks, ownRulesAt, type MarkDiff } from "./markDiff";
import { queueNotes, queueRemoveOwn, queueSheetWrites, type QueuedWrites } from "./writePlan";

interface AdapterEnv {
  /** Office.context.requirements.isSetSupported by default. */
  isSetSupported?: IsSetSupported;
  /** What the loaded office.js implements; found by looking at the global Excel by default. */
  library?: LibraryFeatures;
  now?: () => number;
}


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
  /** The marks of this sheet were looked at and brought up to date (the add-in's own only). */
  marksChanged: boolean;
  diff?: MarkDiff;
}

/** Two records alike, whatever the order of their cells. */
function sameRecord(a: MarkRecord, b: MarkRecord): boolean {
  const norm = (r: MarkRecord) => JSON.stringify([...r].filter(([, c]) => c.length > 0).map(([id, c]) => [id, [...new Set(c)].sort()]).sort());
  return norm(a) === norm(b);
}

/**
 * Fewer of the add-in's rules at the recorded cells than the record lists: rows or columns were
 * inserted or deleted since (a shift moves at least one marked cell off the recorded set), or a
 * person deleted a rule. Either way the sheet's rules are read whole.
 */
function recordMoved(w: Work, record: MarkRecord): boolean {
  const recorded = new Set(record.get(w.outline.sheet.id) ?? []);
  if (recorded.size === 0) return false;
  const found = new Set(ownRulesAt(w.look!).map((r) => r.cell).filter((c) => recorded.has(c)));
  return found.size < recorded.size;
}

const NO_PLAN: WritePlan = { writes: [], marks: [] };

/** The engine's part: what to write and mark, and the analysis to report (for fill: after the writes). */
function planFor(kind: OutcomeAction, snap: SheetSnapshot, settings: SettingsInput | undefined): { plan: WritePlan; result: SheetResult } {
  if (kind === "fill") {
    const f = planFill(snap, settings);
    return { plan: f.plan, result: f.after };
  }
  if (kind === "check" || kind === "inspect") return planCheck(snap, settings);
  return { plan: NO_PLAN, result: analyzeSheet(snap, settings) };
}

/** The cells whose conditional formats are looked at: marked before (the record) and to be marked now. */
function markCandidates(w: Work, record: MarkRecord, kind: OutcomeAction): string[] {
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

  async function perform(kind: OutcomeAction, opts: ActionOptions = {}): Promise<ActionOutcome> {
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
        // Without the merged areas a value could land in a cell a merge hides: a fill only marks.
        const { plan, result } = planFor(kind === "fill" && read.mergesUnread ? "check" : kind, { ...snap, protected: false }, opts.settings);
        const relevant = kind === "clear" || result.kind !== "none";
        return { outline: read.outline, read, snap, result, plan, protection, writable: relevant, marksChanged: false };
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
      if (unreadMerges.length > 0 && kind === "fill") messages.push(mergesUnread(unreadMerges, caps.mergedAreas ? "limit" : "api"));

      // Reading is all a check without marks does: the pane's own checks never touch the workbook.
      if (kind === "inspect") {
        return { action: kind, sheets: work.map((w) => ({ result: w.result, written: [], marks: [] })), syncs, writeCalls: 0, ...(joinMessages(messages) ? { error: joinMessages(messages) } : {}) };
      }

      // 3. Look.
      const marking = (w: Work) => caps.conditionalFormats && !w.protection.on;
      const queueLooks = (readMarks: boolean, only?: Set<Work>) => {
        let n = 0;
        for (const w of work) {
          if (!w.writable || (only && !only.has(w))) continue;
          const candidates = marking(w) ? markCandidates(w, record, kind) : [];
          w.look = queueLook(
            w.outline.sheet,
            w.outline.notes,
            {
              writes: only ? [] : w.plan.writes.map((x) => x.cell),
              marks: candidates,
              notes: marking(w) && w.outline.notes ? candidates : [],
              dropDowns: caps.dataValidation && !w.protection.on && !w.read.mergesUnread && !only ? dropDownCells(w.result).all : [],
            },
            { lockedToo: w.protection.on, readMarks, wholeSheet: !!only },
          );
          n += w.look.queued;
        }
        return n;
      };
      let marksReadable = true;
      const unreadable = () => {
        marksReadable = false;
        const names = work.filter((w) => w.writable && marking(w)).map((w) => w.snap.name);
        if (names.length > 0) messages.push(marksUnreadable(names));
      };
      if (queueLooks(true) > 0) {
        try {
          await sync();
        } catch (e) {
          if (errorCode(e) === EDIT_MODE_CODE) throw e;
          // Excel fails to read rules that are duplicated on a cell (office-js 6827, 6835): leave
          // the marks as they are, and still fill.
          unreadable();
          if (queueLooks(false) > 0) await sync();
        }
      }
      // Rows inserted or deleted since the record was written move the marks off the recorded
      // cells: the rules of such a sheet are read whole (a sync more, only then).
      const moved = new Set(work.filter((w) => marksReadable && w.writable && marking(w) && recordMoved(w, record)));
      if (moved.size > 0) {
        const kept = new Map([...moved].map((w) => [w, w.look!]));
        queueLooks(true, moved);
        try {
          await sync();
          for (const w of moved) w.look = { ...kept.get(w)!, cfAt: w.look!.cfAt, noteAt: w.look!.noteAt };
        } catch (e) {
          if (errorCode(e) === EDIT_MODE_CODE) throw e;
          for (const w of moved) w.look = kept.get(w);
          unreadable();
        }
      }

      // 4. Remove what the add-in wrote before and no longer wants, in a sync of its own.
      phase = "remove";
      let removing = 0;
      for (const w of work) {
        if (!w.writable || !marking(w) || !marksReadable) continue;
        const wanted = kind === "clear" ? [] : w.plan.marks;
        w.diff = diffMarks(w.look!, wanted, { sheetNotes: w.outline.notes, commented: commentedCells(w.read) });
        const keep = kind === "clear" ? new Set<string>() : new Set(dropDownCells(w.result).wanted.filter((c) => w.look!.validationAt.has(c)));
        removing += queueRemoveOwn(w.diff, w.look!, keep);
        w.marksChanged = true;
      }
      if (removing > 0) {
        try {
          await sync();
        } catch (e) {
          if (errorCode(e) === EDIT_MODE_CODE) throw e;
          return { action: kind, sheets: [], syncs, writeCalls: removing, error: marksRemoveFailed(errorCode(e)) };
        }
      }

      // 5. Write: the values, and the marks that are not there yet.
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
        const adding = w.diff?.add ?? [];
        w.queued = queueSheetWrites(w.outline.sheet, w.snap, { ...w.plan, marks: adding }, w.result, w.look!, {
          marks: w.marksChanged,
          dropDowns: caps.dataValidation && !w.protection.on && !w.read.mergesUnread,
          protectedSheet: w.protection,
        });
        writing += w.queued.queued;
        own.begin(w.outline.sheet.id, w.queued.cells);
        if (w.marksChanged) newRecord.set(w.outline.sheet.id, [...(w.diff?.keep ?? []), ...w.queued.marks].map((m) => m.cell));
        if (w.protection.on) messages.push(protectedSheet(w.snap.name, w.queued.locked.map((x) => x.cell), w.queued.written.length));
      }
      if (recordRead !== null && !sameRecord(newRecord, record)) {
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
      const notesOk = new Set<Work>();
      for (const w of work) {
        if (!w.queued || !w.outline.notes || !w.diff) continue;
        // Sets: a large form's thousands of marks, each looked up (a search of the lists was their product).
        const placed = new Set([...w.queued.marks, ...w.diff.keep]);
        noting += queueNotes(w.outline.notes, w.diff.noteAdd.filter((m) => placed.has(m)));
        notesOk.add(w);
      }
      if (noting > 0) {
        try {
          await sync();
        } catch (e) {
          if (errorCode(e) === EDIT_MODE_CODE) throw e;
          notesOk.clear();
          messages.push(notesFailed(errorCode(e)));
        }
      }

      const sheets: SheetOutcome[] = work.map((w) => {
        const q = w.queued;
        let result = w.result;
        const notWritten = (q?.skipped.length ?? 0) + (q?.locked.length ?? 0);
        if (q && notWritten > 0) result = analyzeSheet(applyWrites(w.snap, q.written), opts.settings);
        else if (kind === "fill" && !w.writable) result = analyzeSheet(w.snap, opts.settings);
        const marks = [...(w.diff?.keep ?? []), ...(q?.marks ?? [])];
        const changes = w.diff ? { added: q?.marks.length ?? 0, removed: w.diff.cfDelete.length, notes: notesOk.has(w) ? w.diff.noted : 0 } : undefined;
        return { result, written: q?.written ?? [], marks, ...(changes ? { changes } : {}) };
      });
      if (!caps.conditionalFormats && kind !== "fill" && work.some((w) => w.writable)) messages.push(MARKS_UNSUPPORTED);
      const error = joinMessages(messages);
      return { action: kind, sheets, syncs, writeCalls: removing + writing + noting, ...(error ? { error } : {}) };
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
    inspect: (opts) => perform("inspect", opts),
    check: (opts) => perform("check", opts),
    fill: (opts) => perform("fill", opts),
    clearMarks: (opts) => perform("clear", opts),

    keepsUndo: () => {
      try {
        return isSetSupported()("ExcelApi", "1.20") === true;
      } catch {
        return false;
      }
    },

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
        // A co-author's change is theirs to check; the pane re-reads on the next local edit.
        if (String(e.source) === "Remote") return;
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
