// Shows the outcome of a ribbon command in a small dialog (DialogApi 1.1), since an ExecuteFunction
// command has no UI of its own. Resolves once the dialog is closed, fails to open, or after a time
// limit, so the command can then call event.completed() (calling it earlier would close the function
// file's page, and the dialog with it, on Windows). Office ends a command after five minutes
// (add-in commands docs; office-js 4983, 5559): the limit closes the dialog itself well before, and
// the dialog page says so (it closes itself after DIALOG_SELF_CLOSE_MS).
import { encodeSummary, type OutcomeSummary } from "./outcomeSummary";

const DIALOG_PAGE = "dialog.html";
/** The dialog page closes itself after this long (dialog.js reads it from the URL). */
export const DIALOG_SELF_CLOSE_MS = 4 * 60 * 1000;
/** The command closes the dialog and completes after this long at most: before Office's 5 minutes. */
export const DIALOG_LIMIT_MS = 4 * 60 * 1000 + 30 * 1000;

type OfficeLike = Pick<typeof Office, "context" | "EventType">;

/** The dialog's address, beside the commands page: it must be on the add-in's own origin. */
function dialogUrl(summary: OutcomeSummary, base: string): string {
  return `${new URL(DIALOG_PAGE, base).href}#${encodeSummary(summary)}`;
}

export function showOutcome(summary: OutcomeSummary, office: OfficeLike | undefined, base: string, limitMs = DIALOG_LIMIT_MS): Promise<void> {
  return new Promise<void>((resolve) => {
    const ui = office?.context?.ui;
    let supported = false;
    try {
      supported = !!ui?.displayDialogAsync && office!.context.requirements.isSetSupported("DialogApi", "1.1");
    } catch {
      supported = false;
    }
    if (!supported) {
      resolve();
      return;
    }
    let done = false;
    let opened: Office.Dialog | null = null;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      try {
        opened?.close();
      } catch {
        // Already closed.
      }
      finish();
    }, limitMs);
    try {
      ui!.displayDialogAsync(dialogUrl(summary, base), { height: 45, width: 32, displayInIframe: true }, (result) => {
        if (String(result.status) !== "succeeded") {
          finish();
          return;
        }
        const dialog = result.value;
        opened = dialog;
        // The dialog's 关闭 button sends a message; the person may also close it with its X.
        dialog.addEventHandler(office!.EventType.DialogMessageReceived, () => {
          dialog.close();
          finish();
        });
        dialog.addEventHandler(office!.EventType.DialogEventReceived, () => finish());
      });
    } catch {
      finish();
    }
  });
}
