// The open workbook and a version number that goes up whenever the emulated workbook may have
// changed: after every context.sync() the add-in makes (the emulator's beforeSync hook, then a
// macrotask, by which time the batch has been applied), and after the person's own edits.
import { useSyncExternalStore } from "react";
import type { EmulatedExcel } from "../../src/emulator";
import { installEmulator, type InstalledOffice } from "../../src/emulator";
import { type OpenWorkbook } from "./workbook";

type Listener = () => void;

export class WorkbookStore {
  private current: OpenWorkbook | null = null;
  private version = 0;
  private loads = 0;
  private listeners = new Set<Listener>();
  private uninstall: (() => void) | null = null;
  private installed: InstalledOffice | null = null;
  private pending = false;

  get workbook(): OpenWorkbook | null {
    return this.current;
  }

  /** The emulated Office of the open workbook: ribbon dispatch and dialogs. */
  get office(): InstalledOffice | null {
    return this.installed;
  }

  get host(): EmulatedExcel | null {
    return this.current?.host ?? null;
  }

  /** How many workbooks have been opened (the pane is mounted afresh for each). */
  get loadCount(): number {
    return this.loads;
  }

  /** Make this workbook the open one and the global Excel (installEmulator). */
  open(wb: OpenWorkbook): void {
    if (this.current) this.current.host.beforeSync = undefined;
    this.uninstall?.();
    // As Excel for Windows: a ribbon command reaches the commands page once it has started Office.js.
    this.installed = installEmulator(wb.host, { platform: "desktop" });
    this.uninstall = this.installed.uninstall;
    wb.host.beforeSync = () => this.changedSoon();
    this.current = wb;
    this.loads += 1;
    this.changed();
  }

  /** The workbook changed now (a person's edit, a sheet tab clicked). */
  changed(): void {
    this.version += 1;
    for (const l of [...this.listeners]) l();
  }

  /** A sync started: its instructions are applied within the current task; render after it. */
  private changedSoon(): void {
    if (this.pending) return;
    this.pending = true;
    setTimeout(() => {
      this.pending = false;
      this.changed();
    }, 0);
  }

  subscribe = (l: Listener): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  getVersion = (): number => this.version;
}

export const store = new WorkbookStore();

/** Re-render on every change of the emulated workbook; gives the version. */
export function useWorkbookVersion(): number {
  return useSyncExternalStore(store.subscribe, store.getVersion);
}
