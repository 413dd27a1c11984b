import type { ActionName } from "../core/actions";
// Ribbon commands: the ExecuteFunction buttons of manifest.xml (FunctionName checkSheet and fillSheet),
// loaded by commands.html, a page with no UI of its own. Each command uses the rule settings the task
// pane saved, shows its outcome in a small dialog (DialogApi 1.1), tells an open pane to check again,
// and calls event.completed() when it is done, whatever happens, or Office keeps the button busy.
import { announceRibbonAction } from "../host/ribbonSignal";
import { defaultStorage, loadSettings } from "../host/settingsStore";
import { createActions } from "../excel/actions";
import { errorCode, readFailed } from "../excel/messages";
import type { ActionOutcome, AddinActions } from "../host/actions";
import { showOutcome } from "./outcomeDialog";
import { summarize } from "./outcomeSummary";

let actions: AddinActions | undefined;

/** The adapter, made on first use (Office.js has loaded by then); it finds Excel.run when it runs. */
function addin(): AddinActions {
  actions ??= createActions();
  return actions;
}

const officeGlobal = (): typeof Office | undefined => (typeof Office !== "undefined" ? Office : undefined);
const pageUrl = (): string => (typeof location !== "undefined" ? location.href : "https://localhost:3000/commands.html");

/** A command is running: a click meanwhile is answered at once, not queued into a second run. */
let running = false;

async function perform(kind: Exclude<ActionName, "clear">, event: Office.AddinCommands.Event): Promise<void> {
  if (running) {
    event.completed();
    return;
  }
  running = true;
  try {
    const storage = defaultStorage();
    let outcome: ActionOutcome;
    try {
      const opts = { scope: "active" as const, settings: loadSettings(storage) };
      outcome = kind === "fill" ? await addin().fill(opts) : await addin().check(opts);
    } catch (e) {
      outcome = { action: kind, sheets: [], error: readFailed(errorCode(e)) };
    }
    announceRibbonAction(storage, kind);
    await showOutcome(summarize(outcome), officeGlobal(), pageUrl());
  } catch {
    // Nothing more to show; the event must still complete.
  } finally {
    running = false;
    event.completed();
  }
}

/** 检查: checks the form on the active sheet and marks the findings. */
export function checkSheet(event: Office.AddinCommands.Event): Promise<void> {
  return perform("check", event);
}

/** 填写得分: fills the empty score, total and grade cells of the active sheet and marks what is left. */
export function fillSheet(event: Office.AddinCommands.Event): Promise<void> {
  return perform("fill", event);
}

/** Function name in manifest.xml → implementation. */
export const commands: Record<string, (event: Office.AddinCommands.Event) => Promise<void>> = {
  checkSheet,
  fillSheet,
};

/**
 * Start Office.js and register the commands. On Excel for Windows and Mac, office.js dispatches an
 * ExecuteFunction command only after the function file has called Office.onReady() (or assigned
 * Office.initialize); the web dispatches earlier, which hides a page that never does.
 * Office.actions.associate is how current Office finds a FunctionName; older perpetual versions
 * look it up as a global function, so register both ways.
 */
function register(office: typeof Office | undefined = officeGlobal()): void {
  for (const [name, fn] of Object.entries(commands)) (globalThis as Record<string, unknown>)[name] = fn;
  if (!office) return;
  if (typeof office.onReady === "function") void office.onReady();
  else office.initialize = () => undefined;
  if (office.actions && typeof office.actions.associate === "function") {
    for (const [name, fn] of Object.entries(commands)) office.actions.associate(name, fn);
  }
}

register();
