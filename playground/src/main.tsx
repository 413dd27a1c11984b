// The playground's entry: the page, and window.__jixiao for the end-to-end tests (test/e2e/run.mjs).
import * as React from "react";
import { createRoot } from "react-dom/client";
import type { EmulatedExcel } from "../../src/emulator";
import { optionsFromUrl, Playground } from "./Playground";
import { SAMPLES } from "./samples";
import { store } from "./store";
import { engineSnapshot, workbookDump } from "./workbook";

export interface JixiaoTestApi {
  /** The emulated Excel of the open workbook. */
  readonly host: EmulatedExcel | null;
  /** The open file ("selfeval-defects/missing-reasons.xlsx" for a sample, else its name). */
  readonly file: string | null;
  /** How many workbooks have been opened since the page loaded. */
  readonly loads: number;
  /** dumpSheet of one sheet, or of every sheet (an array) without a name: equal dumps, same workbook. */
  snapshot(sheet?: string): unknown;
  /** The engine's snapshot of a sheet (the active one without a name), as the add-in reads it. */
  engineSnapshot(sheet?: string): unknown;
  /** context.sync() calls so far on the open workbook. */
  syncs(): number;
  /** The active sheet's name and the selection's address. */
  activeSheet(): string | null;
  selection(): { sheet: string; address: string } | null;
  /** The bundled samples (what the picker lists). */
  samples: string[];
  /** performance.now() when the pane was first painted. */
  readonly firstPaneMs: number | undefined;
}

function requireHost(): EmulatedExcel {
  const host = store.host;
  if (!host) throw new Error("no workbook is open");
  return host;
}

const api: JixiaoTestApi = {
  get host() {
    return store.host;
  },
  get file() {
    const wb = store.workbook;
    return wb ? (wb.sample ?? wb.fileName) : null;
  },
  get loads() {
    return store.loadCount;
  },
  snapshot: (sheet) => workbookDump(requireHost(), sheet),
  engineSnapshot: (sheet) => engineSnapshot(requireHost(), sheet),
  syncs: () => requireHost().syncCount,
  activeSheet: () => store.host?.activeSheet?.name ?? null,
  selection() {
    const host = store.host;
    const sel = host?.state.selection;
    if (!host || !sel) return null;
    const sheet = host.state.sheets.find((s) => s.id === sel.sheetId);
    return sheet ? { sheet: sheet.name, address: sel.address } : null;
  },
  samples: SAMPLES.map((s) => s.file),
  get firstPaneMs() {
    return (window as Window & { __jixiaoFirstPane?: number }).__jixiaoFirstPane;
  },
};

declare global {
  interface Window {
    __jixiao: JixiaoTestApi;
  }
}

window.__jixiao = api;

const root = document.getElementById("root");
if (root) createRoot(root).render(<Playground options={optionsFromUrl(window.location.search)} />);
