import type { EmulatedExcel } from "./host";

/** The enums the add-in or a page may read from the global Excel namespace. */
const ENUMS = {
  ConditionalFormatType: {
    custom: "Custom",
    dataBar: "DataBar",
    colorScale: "ColorScale",
    iconSet: "IconSet",
    topBottom: "TopBottom",
    presetCriteria: "PresetCriteria",
    containsText: "ContainsText",
    cellValue: "CellValue",
  },
  ErrorCodes: {
    accessDenied: "AccessDenied",
    apiNotFound: "ApiNotFound",
    generalException: "GeneralException",
    invalidArgument: "InvalidArgument",
    invalidOperation: "InvalidOperation",
    invalidOperationInCellEditMode: "InvalidOperationInCellEditMode",
    itemAlreadyExists: "ItemAlreadyExists",
    itemNotFound: "ItemNotFound",
  },
  EventSource: { local: "Local", remote: "Remote" },
  EventTriggerSource: { unknown: "Unknown", thisLocalAddin: "ThisLocalAddin" },
  DataValidationType: { none: "None", list: "List", custom: "Custom", inconsistent: "Inconsistent" },
};

/** A dialog the add-in opened with Office.context.ui.displayDialogAsync (DialogApi 1.1). */
export interface EmulatedDialog {
  url: string;
  options: unknown;
  /** True once the add-in called dialog.close() or the person closed it. */
  closed: boolean;
  /** The dialog page calls Office.context.ui.messageParent(message). */
  messageParent(message: string): void;
  /** The person closes the dialog with its X (DialogEventReceived, error 12006). */
  closeByUser(): void;
}

export interface InstallOptions {
  /**
   * "desktop" (Excel on Windows and Mac): a ribbon command (ExecuteFunction) reaches the function
   * file only once that page has initialised Office.js: called Office.onReady() or assigned
   * Office.initialize. "web": dispatched as soon as the function is associated. Default "desktop".
   */
  platform?: "desktop" | "web";
}

export interface Dispatch {
  /** False when Office never delivered the command (the page did not initialise Office.js). */
  delivered: boolean;
  /** Resolves when the command calls event.completed(). */
  completed: Promise<void>;
  /**
   * How the command ended: "completed" by event.completed(), or "ended" by Office once
   * COMMAND_LIMIT_MS passed without it (add-in commands docs; office-js 4983, 5559). Office then
   * closes the function file's page, and any dialog it opened.
   */
  outcome: Promise<"completed" | "ended">;
}

/** Office ends a function command that has not called event.completed() after five minutes. */
export const COMMAND_LIMIT_MS = 5 * 60 * 1000;

export interface InstalledOffice {
  /** Functions registered through Office.actions.associate (ribbon commands). */
  actions: Map<string, (event: unknown) => unknown>;
  /** Whether the page has initialised Office.js (onReady called or initialize assigned). */
  readonly started: boolean;
  /** A click on a ribbon button whose action is ExecuteFunction with this FunctionName. */
  dispatch(functionName: string): Dispatch;
  /** Dialogs opened so far, the newest last. */
  dialogs: EmulatedDialog[];
  uninstall(): void;
}

const DIALOG_EVENT = { DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" };

/**
 * Make the emulator the global Excel and a small Office for the playground or for code that reads
 * the globals: requirements (ExcelApi from the host, DialogApi 1.1–1.2), actions.associate,
 * onReady / initialize, and context.ui dialogs. The Excel namespace holds what the host's library
 * has (no NoteCollection in an old library).
 */
export function installEmulator(host: EmulatedExcel, opts: InstallOptions = {}): InstalledOffice {
  const platform = opts.platform ?? "desktop";
  const g = globalThis as Record<string, unknown>;
  const before = { Excel: g.Excel, Office: g.Office };
  const actions = new Map<string, (event: unknown) => unknown>();
  const dialogs: EmulatedDialog[] = [];
  let started = false;
  let initialize: (() => void) | undefined;

  const excel: Record<string, unknown> = { ...ENUMS, run: host.run };
  if (host.library.notes) excel.NoteCollection = class NoteCollection {};
  g.Excel = excel;

  const isSetSupported = (name: string, v?: string | number) => {
    if (name === "DialogApi") return Number(v ?? "1.1") <= 1.2;
    return host.isSetSupported(name, v);
  };

  let opening = false;
  function openDialog(url: string, options: unknown, callback?: (r: unknown) => void): void {
    const cb = typeof options === "function" ? (options as (r: unknown) => void) : callback;
    if (dialogs.some((d) => !d.closed) || opening) {
      cb?.({ status: "failed", error: { code: 12007, message: "A dialog box is already opened from this host window." } });
      return;
    }
    const handlers: Array<{ type: string; fn: (arg: unknown) => void }> = [];
    const emit = (type: string, arg: unknown) => {
      for (const h of handlers) if (h.type === type) h.fn(arg);
    };
    const record: EmulatedDialog = {
      url,
      options: typeof options === "function" ? undefined : options,
      closed: false,
      messageParent: (message) => {
        if (!record.closed) emit(DIALOG_EVENT.DialogMessageReceived, { message, origin: new URL(url, "https://localhost:3000/").origin });
      },
      closeByUser: () => {
        if (record.closed) return;
        record.closed = true;
        emit(DIALOG_EVENT.DialogEventReceived, { error: 12006 });
      },
    };
    const dialog = {
      addEventHandler: (type: string, fn: (arg: unknown) => void) => void handlers.push({ type, fn }),
      close: () => {
        record.closed = true;
      },
      messageChild: () => undefined,
    };
    // The dialog shows (and its page can message) once Office has answered the call.
    opening = true;
    setTimeout(() => {
      opening = false;
      dialogs.push(record);
      cb?.({ status: "succeeded", value: dialog });
    }, 0);
  }

  const office: Record<string, unknown> = {
    HostType: { Excel: "Excel" },
    PlatformType: { PC: "PC", Mac: "Mac", OfficeOnline: "OfficeOnline" },
    EventType: DIALOG_EVENT,
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    context: {
      requirements: { isSetSupported },
      host: "Excel",
      platform: platform === "web" ? "OfficeOnline" : "PC",
      displayLanguage: "zh-CN",
      ui: { displayDialogAsync: openDialog, messageParent: () => undefined },
    },
    actions: { associate: (name: string, fn: (event: unknown) => unknown) => void actions.set(name, fn) },
    onReady: (cb?: (info: unknown) => void) => {
      started = true;
      const info = { host: "Excel", platform: platform === "web" ? "OfficeOnline" : "PC" };
      return new Promise((resolve) => setTimeout(() => resolve(info), 0)).then((i) => {
        cb?.(i);
        return i;
      });
    },
  };
  // Assigning Office.initialize also starts Office.js; office.js calls it once it has loaded.
  Object.defineProperty(office, "initialize", {
    configurable: true,
    get: () => initialize,
    set: (fn: () => void) => {
      initialize = fn;
      started = true;
      setTimeout(() => fn?.(), 0);
    },
  });
  g.Office = office;

  return {
    actions,
    dialogs,
    get started() {
      return started;
    },
    dispatch(functionName: string): Dispatch {
      let done!: () => void;
      const completed = new Promise<void>((r) => (done = r));
      const fn = actions.get(functionName) ?? (g[functionName] as ((e: unknown) => unknown) | undefined);
      if ((platform === "desktop" && !started) || typeof fn !== "function") return { delivered: false, completed, outcome: Promise.resolve("ended") };
      let once = false;
      let settle!: (how: "completed" | "ended") => void;
      const outcome = new Promise<"completed" | "ended">((r) => (settle = r));
      let ended = false;
      const limit = setTimeout(() => {
        if (once) return;
        ended = true;
        for (const d of dialogs) d.closed = true;
        settle("ended");
      }, COMMAND_LIMIT_MS);
      (limit as { unref?: () => void }).unref?.();
      const event = {
        source: { id: functionName },
        completed: () => {
          if (once) throw new Error("event.completed() was called twice");
          once = true;
          clearTimeout(limit);
          done();
          if (!ended) settle("completed");
        },
      };
      void Promise.resolve().then(() => fn(event));
      return { delivered: true, completed, outcome };
    },
    uninstall() {
      g.Excel = before.Excel;
      g.Office = before.Office;
    },
  };
}
