// Ribbon commands: the ExecuteFunction buttons of manifest.xml (FunctionName checkSheet and fillSheet),
// loaded by commands.html. An ExecuteFunction command has no UI: the outcome shows as the marks and
// notes in the sheet. Each command must call event.completed() when it is done, whatever happens, or
// Office keeps showing the command as running.
import { createActions } from "../excel/actions";
import type { AddinActions } from "../excel/types";

let actions: AddinActions | undefined;

/** The adapter, made on first use (Office.js has loaded by then); it finds Excel.run when it runs. */
function addin(): AddinActions {
  actions ??= createActions();
  return actions;
}

/** 检查: checks the self-evaluation form on the active sheet and marks the findings. */
export async function checkSheet(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await addin().check({ scope: "active" });
  } catch {
    // Nothing to show the error on; the actions report their own failures in the outcome.
  } finally {
    event.completed();
  }
}

/** 填写得分: fills the empty score, total and grade cells of the active sheet and marks what is left. */
export async function fillSheet(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await addin().fill({ scope: "active" });
  } catch {
    // As above.
  } finally {
    event.completed();
  }
}

/** Function name in manifest.xml → implementation. */
export const commands: Record<string, (event: Office.AddinCommands.Event) => Promise<void>> = {
  checkSheet,
  fillSheet,
};

// Office.actions.associate is how current Office finds a FunctionName; older perpetual versions
// (Office 2016/2019) look it up as a global function, so register both ways.
for (const [name, fn] of Object.entries(commands)) {
  (globalThis as Record<string, unknown>)[name] = fn;
}
if (typeof Office !== "undefined" && Office.actions && typeof Office.actions.associate === "function") {
  for (const [name, fn] of Object.entries(commands)) Office.actions.associate(name, fn);
}
