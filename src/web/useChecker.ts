// The page's state: the files chosen, their results as they come, the cross-check among them, and
// the downloads. Side effects go through the CheckService (workers), never from components.
import * as React from "react";
import { crossCheckFiles, crossFindingsBySheet } from "../core/crossCheck";
import type { Settings } from "../core/settings";
import { defaultStorage, loadSettings, saveSettings } from "../host/settingsStore";
import { summaryRows, type SummaryRow } from "../core/summaryRows";
import type { FileResult } from "../xlsx/checkBytes";
import type { CheckService } from "./services/checkService";
import { download, filledName } from "./services/download";
import { sortPicked, type Picked } from "./services/pickFiles";
import type { Message } from "../core/rules/types";
import type { WebStringKey } from "./strings";

export interface Item {
  picked: Picked;
  result: FileResult | null;
}

export type Notice = { kind: "info" | "error"; key: WebStringKey; vars?: Record<string, string | number>; detail?: Message | string };

/** What the page exposes for the end-to-end tests and the benchmark (read only). */
interface WebProbe {
  results(): FileResult[];
  done(): boolean;
  /** performance.now() when files were last chosen, and when their first row showed. */
  startedAt: number | null;
  firstRowAt: number | null;
  doneAt: number | null;
}

declare global {
  interface Window {
    __jixiaoWeb?: WebProbe;
  }
}

/** Up to this many files, each result shows as it comes; beyond, they are shown together every FLUSH_MS. */
const SMALL_BATCH = 20;
const FLUSH_MS = 250;

export function useChecker(service: CheckService) {
  const [items, setItems] = React.useState<Item[]>([]);
  // The pane's store: the same options, kept under the same key in this browser.
  const [settings, setSettings] = React.useState<Settings>(() => loadSettings(defaultStorage()));
  const settingsRef = React.useRef(settings);
  const itemsRef = React.useRef(items);
  itemsRef.current = items;
  /** Each check belongs to a round; a result of an earlier round (before a settings change) is dropped. */
  const round = React.useRef(0);
  const [skipped, setSkipped] = React.useState<string[]>([]);
  const [busyFile, setBusyFile] = React.useState<string | null>(null);
  const [notice, setNotice] = React.useState<Notice | null>(null);
  const probe = React.useRef<WebProbe>({ results: () => [], done: () => true, startedAt: null, firstRowAt: null, doneAt: null });

  // Results as they come are applied together, four times a second at most once a batch is large: a
  // thousand files are a few dozen redraws of the page, not a thousand (each cross-checks every file).
  const queue = React.useRef(new Map<Picked, FileResult>());
  const timer = React.useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastFlush = React.useRef(-Infinity);
  const flush = React.useCallback(() => {
    // Called early (the batch's last answer), the tick waiting is not needed any more.
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    lastFlush.current = performance.now();
    const q = queue.current;
    if (q.size === 0) return;
    queue.current = new Map();
    setItems((old) => old.map((o) => (q.has(o.picked) ? { ...o, result: q.get(o.picked)! } : o)));
  }, []);
  /** Checks of the current round not yet answered: the last answer is shown at once, not at the next tick. */
  const outstanding = React.useRef(0);
  const arrived = React.useCallback(
    (picked: Picked, result: FileResult) => {
      queue.current.set(picked, result);
      const since = performance.now() - lastFlush.current;
      if (itemsRef.current.length <= SMALL_BATCH || since >= FLUSH_MS || outstanding.current === 0) flush();
      else timer.current ??= setTimeout(flush, FLUSH_MS - since);
    },
    [flush],
  );
  React.useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  const run = React.useCallback(
    (workbooks: Picked[]) => {
      const mine = round.current;
      outstanding.current += workbooks.length;
      for (const w of workbooks) {
        service
          .check(w.name, w.file, settingsRef.current)
          .catch((e: unknown): FileResult => ({ file: w.name, error: { zh: `检查未完成：${String((e as Error)?.message ?? e)}`, en: `The check did not finish: ${String((e as Error)?.message ?? e)}` }, sheets: [] }))
          .then((result) => {
            if (round.current !== mine) return;
            outstanding.current--;
            if (probe.current.firstRowAt === null) probe.current.firstRowAt = performance.now();
            arrived(w, result);
          });
      }
    },
    [service, arrived],
  );

  const add = React.useCallback(
    (files: Picked[]) => {
      const { workbooks, skipped: notBooks } = sortPicked(files);
      setSkipped(notBooks);
      setNotice(null);
      probe.current.startedAt = performance.now();
      probe.current.firstRowAt = null;
      probe.current.doneAt = null;
      // A file chosen again replaces its earlier row.
      setItems((old) => [...old.filter((o) => !workbooks.some((w) => w.name === o.picked.name)), ...workbooks.map((picked) => ({ picked, result: null }))]);
      run(workbooks);
    },
    [run],
  );

  /** New rule options: saved, and every file checked again under them. */
  const changeSettings = React.useCallback(
    (next: Settings) => {
      settingsRef.current = next;
      setSettings(next);
      saveSettings(defaultStorage(), next);
      round.current++;
      // The earlier round's answers still to come are dropped as they arrive.
      outstanding.current = 0;
      probe.current.startedAt = performance.now();
      probe.current.firstRowAt = null;
      probe.current.doneAt = null;
      const again = itemsRef.current.map((o) => o.picked);
      setItems((old) => old.map((o) => ({ ...o, result: null })));
      run(again);
    },
    [run],
  );

  const doneItems = items.filter((i) => i.result !== null);
  const pending = items.length - doneItems.length;
  const checked = React.useMemo(() => crossCheckFiles(doneItems.map((i) => i.result!), settings), [items, settings]);
  const rows: SummaryRow[] = React.useMemo(() => summaryRows(checked), [checked]);

  React.useEffect(() => {
    probe.current.results = () => checked;
    probe.current.done = () => pending === 0;
    if (pending === 0 && items.length > 0 && probe.current.doneAt === null) probe.current.doneAt = performance.now();
    window.__jixiaoWeb = probe.current;
  }, [checked, pending, items.length]);

  const downloadFilled = React.useCallback(
    async (file: string, clean = false) => {
      const item = items.find((i) => i.picked.name === file);
      if (!item) return;
      setBusyFile(file);
      try {
        // The differences from the declared targets, found among the files chosen together, are marked too.
        const mine = checked.find((f) => f.file === file);
        const { result, bytes } = await service.fill(file, item.picked.file, settingsRef.current, mine ? crossFindingsBySheet(mine) : {}, clean);
        if (!bytes) {
          // The file's own reason (a structure the copy cannot be written in), in both languages.
          setNotice({ kind: "error", key: "fillFailed", vars: { file }, detail: result.error ?? { zh: "原因不明，请重试。", en: "for an unknown reason; try again." } });
          return;
        }
        const name = filledName(file, clean);
        download(bytes, name);
        const n = result.sheets.reduce((k, s) => k + (s.written?.length ?? 0), 0);
        setNotice(n > 0 ? { kind: "info", key: "filledNote", vars: { name, n }, ...(result.note ? { detail: result.note } : {}) } : { kind: "info", key: "fillNothing", vars: { file } });
      } catch (e) {
        setNotice({ kind: "error", key: "failed", vars: { detail: String((e as Error)?.message ?? e) } });
      } finally {
        setBusyFile(null);
      }
    },
    [items, checked, service],
  );

  const downloadSummary = React.useCallback(async () => {
    try {
      const bytes = await service.summary(checked, settingsRef.current);
      download(bytes, "汇总.xlsx");
      setNotice({ kind: "info", key: "summaryDone", vars: { name: "汇总.xlsx" } });
    } catch (e) {
      setNotice({ kind: "error", key: "failed", vars: { detail: String((e as Error)?.message ?? e) } });
    }
  }, [checked, service]);

  const clear = React.useCallback(() => {
    setItems([]);
    setSkipped([]);
    setNotice(null);
  }, []);

  return { items, rows, pending, skipped, notice, busyFile, add, downloadFilled, downloadSummary, clear, files: checked, settings, changeSettings };
}
