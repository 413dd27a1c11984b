import type { ActionName } from "../core/actions";
// Runs the add-in's actions one at a time and keeps what the pane shows: the last outcome, an
// error, and a one-line result for the live region.
import { useCallback, useRef, useState } from "react";
import type { ActionOutcome, AddinActions, Scope } from "../host/actions";
import type { Message } from "../core/rules/types";
import type { Settings } from "../core/settings";
import { message } from "./strings";

export type { ActionName };

interface PaneState {
  /** The action running; a read-only check shows as "check". */
  busy: ActionName | null;
  /** The last outcome that had sheets (an outcome with only an error keeps the previous results). */
  outcome: ActionOutcome | null;
  error: Message | null;
  /** What the last action did, for the role="status" line. */
  notice: Message | null;
}

export interface RunOptions {
  /**
   * A check nobody asked for at that moment (the pane opening, an edit, a ribbon command, a
   * setting): it reads only, and writes nothing to the workbook.
   */
  auto?: boolean;
  /** Worded as a re-check. */
  again?: boolean;
}

export function usePaneActions(actions: AddinActions, settings: Settings, scope: Scope) {
  const [state, setState] = useState<PaneState>({ busy: null, outcome: null, error: null, notice: null });
  const busyRef = useRef(false);
  /** A re-check asked for while an action ran: done when it ends. */
  const pendingRef = useRef(false);
  const optsRef = useRef({ settings, scope });
  optsRef.current = { settings, scope };

  const run = useCallback(
    async function runAction(name: ActionName, runOpts: RunOptions = {}): Promise<void> {
      if (busyRef.current) return;
      busyRef.current = true;
      setState((s) => ({ ...s, busy: name, error: null }));
      // An automatic re-check waits for a cell edit to end rather than report one.
      const opts = { settings: optsRef.current.settings, scope: optsRef.current.scope, ...(runOpts.auto ? { waitForCellEdit: true } : {}) };
      try {
        const outcome =
          name === "check"
            ? await (runOpts.auto ? actions.inspect(opts) : actions.check(opts))
            : name === "fill"
              ? await actions.fill(opts)
              : await actions.clearMarks(opts);
        setState((s) => ({
          busy: null,
          outcome: outcome.sheets.length > 0 ? outcome : s.outcome,
          error: outcome.error ?? null,
          notice: outcome.error ? null : noticeFor(outcome, runOpts),
        }));
      } catch (err) {
        setState((s) => ({ ...s, busy: null, error: failure("actionFailed", err), notice: null }));
      } finally {
        busyRef.current = false;
      }
      if (pendingRef.current) {
        pendingRef.current = false;
        await runAction("check", { auto: true, again: true });
      }
    },
    [actions],
  );

  /** Check again after a change (sheet edited, settings changed); never while an action runs. */
  const recheck = useCallback(() => {
    if (busyRef.current) pendingRef.current = true;
    else void run("check", { auto: true, again: true });
  }, [run]);

  const select = useCallback(
    async (sheet: string, cell: string): Promise<void> => {
      try {
        await actions.select(sheet, cell);
        setState((s) => ({ ...s, error: null, notice: message("selected", { cell }) }));
      } catch (err) {
        setState((s) => ({ ...s, error: failure("selectFailed", err, { cell }) }));
      }
    },
    [actions],
  );

  const isBusy = useCallback(() => busyRef.current, []);

  return { state, run, recheck, select, isBusy };
}

/** An exception as a Message: its own text (Office's is in the Office language), else "unknown error". */
function failure(key: "actionFailed" | "selectFailed", err: unknown, vars: Record<string, string> = {}): Message {
  const text = err instanceof Error ? err.message : typeof err === "string" ? err : "";
  const unknown = message("unknownError");
  return {
    zh: message(key, { ...vars, detail: text || unknown.zh }).zh,
    en: message(key, { ...vars, detail: text || unknown.en }).en,
  };
}

function noticeFor(outcome: ActionOutcome, runOpts: RunOptions): Message {
  const forms = outcome.sheets.filter((s) => s.result.kind !== "none");
  let errors = 0;
  let warnings = 0;
  for (const s of forms) {
    for (const f of s.result.findings) {
      if (f.severity === "error") errors++;
      else if (f.severity === "warning") warnings++;
    }
  }
  if (outcome.action === "fill") {
    const n = outcome.sheets.reduce((sum, s) => sum + s.written.length, 0);
    return n === 0 ? message("fillNothing") : message("fillDone", { n, errors, warnings });
  }
  if (outcome.action === "clear") return message("clearDone");
  if (forms.length === 0) return message("noForm");
  const counts = { sheets: forms.length, errors, warnings };
  if (outcome.action === "inspect") return runOpts.again ? message("rereadDone", counts) : message("readDone", counts);
  if (outcome.writeCalls === 0) return message("checkUnchanged", counts);
  return runOpts.again ? message("recheckDone", counts) : message("checkDone", counts);
}
