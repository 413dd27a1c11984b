import type { ActionName } from "../core/actions";
// The ribbon's commands run in a page of their own (the function file), apart from the task pane.
// After each command that page writes a line to localStorage; the pane, served from the same
// origin, receives a "storage" event for it and checks again, so an open pane never shows the
// state from before a ribbon action.
import type { SettingsStorage } from "./settingsStore";

export const RIBBON_KEY = "jixiao.ribbon";

interface RibbonSignal {
  action: ActionName;
  at: number;
}

export function announceRibbonAction(storage: SettingsStorage | null, action: RibbonSignal["action"], now = Date.now()): void {
  try {
    storage?.setItem(RIBBON_KEY, JSON.stringify({ action, at: now } satisfies RibbonSignal));
  } catch {
    // Storage forbidden or full: the pane still sees the written cells through onChanged.
  }
}

/** Call `handler` when another page of the add-in announces a ribbon action. */
export function onRibbonAction(target: Pick<Window, "addEventListener" | "removeEventListener"> | undefined, handler: () => void): () => void {
  if (!target) return () => undefined;
  const listener = (e: Event) => {
    if ((e as StorageEvent).key === RIBBON_KEY) handler();
  };
  target.addEventListener("storage", listener);
  return () => target.removeEventListener("storage", listener);
}
