// The rule options, kept in localStorage under "jixiao.settings". What is stored is validated with
// the engine's SettingsSchema on load: anything unreadable gives the defaults.
import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from "../core/settings";

export const SETTINGS_KEY = "jixiao.settings";

export type SettingsStorage = Pick<Storage, "getItem" | "setItem">;

/** localStorage, or null where the host forbids it (some locked-down webviews throw on access). */
export function defaultStorage(): SettingsStorage | null {
  try {
    return typeof window !== "undefined" && window.localStorage ? window.localStorage : null;
  } catch {
    return null;
  }
}

export function loadSettings(storage: SettingsStorage | null): Settings {
  if (!storage) return { ...DEFAULT_SETTINGS };
  try {
    const raw = storage.getItem(SETTINGS_KEY);
    if (raw === null) return { ...DEFAULT_SETTINGS };
    const parsed = SettingsSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : { ...DEFAULT_SETTINGS };
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

export function saveSettings(storage: SettingsStorage | null, settings: Settings): void {
  if (!storage) return;
  try {
    storage.setItem(SETTINGS_KEY, JSON.stringify(settings));
  } catch {
    // Storage full or forbidden: the settings still apply for this session.
  }
}

/** The pane's own preferences, apart from the rule settings (the ribbon commands do not read them). */
export const PANE_KEY = "jixiao.pane";

/** Live checking as the person set it, or null when never set (the host's default then applies). */
export function loadLiveCheck(storage: SettingsStorage | null): boolean | null {
  try {
    const raw = storage?.getItem(PANE_KEY);
    if (!raw) return null;
    const v: unknown = (JSON.parse(raw) as { liveCheck?: unknown }).liveCheck;
    return typeof v === "boolean" ? v : null;
  } catch {
    return null;
  }
}

export function saveLiveCheck(storage: SettingsStorage | null, on: boolean): void {
  try {
    storage?.setItem(PANE_KEY, JSON.stringify({ liveCheck: on }));
  } catch {
    // Storage full or forbidden: the choice holds for this session.
  }
}
