// Ribbon commands: the ExecuteFunction buttons of manifest.xml (FunctionName checkSheet and fillSheet),
// loaded by commands.html. Placeholders: each command must call event.completed() when it is done,
// whatever happens, or Office keeps showing the command as running.

/** 检查: checks the self-evaluation form on the active sheet. */
export async function checkSheet(event: Office.AddinCommands.Event): Promise<void> {
  try {
    // TODO: run the rules engine on the active sheet and mark the findings.
  } finally {
    event.completed();
  }
}

/** 填写得分: computes the scores and writes them into the active sheet. */
export async function fillSheet(event: Office.AddinCommands.Event): Promise<void> {
  try {
    // TODO: compute the scores and fill them in.
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
