// The playground page: a sample picker and a file input, the emulated workbook as a grid with its
// sheet tabs, and the real task pane (src/taskpane/App.tsx) driving the real Office.js adapter
// (src/excel/actions.ts) against the emulator.
import * as React from "react";
import { createActions } from "../../src/excel/actions";
import { App } from "../../src/taskpane/App";
import type { Locale } from "../../src/taskpane/strings";
import { DEFAULT_SAMPLE, GROUPS, SAMPLES, sampleUrl } from "./samples";
import { Ribbon } from "./Ribbon";
import { SheetGrid, SheetTabs } from "./SheetGrid";
import { store, useWorkbookVersion } from "./store";
import { downloadName, exportXlsx, openError, openXlsx } from "./workbook";

export interface PlaygroundOptions {
  /** The sample to open first (path under samples/). */
  sample: string;
  /** The pane checks when it opens, as in Excel (off: it waits for 检查). */
  autoCheck: boolean;
  locale: Locale;
}

export function optionsFromUrl(search: string): PlaygroundOptions {
  const q = new URLSearchParams(search);
  const sample = q.get("sample");
  return {
    sample: sample && SAMPLES.some((s) => s.file === sample) ? sample : DEFAULT_SAMPLE,
    autoCheck: !/^(0|false|no)$/i.test(q.get("autocheck") ?? ""),
    locale: q.get("lang") === "en-US" ? "en-US" : "zh-CN",
  };
}

type Bilingual = { zh: string; en: string };
type Notice = (Bilingual & { kind: "error" | "info" }) | null;

/** Marks the first time the pane is on screen (after the frame that paints it). */
function markFirstPaneRender(): void {
  const w = window as Window & { __jixiaoFirstPane?: number };
  if (w.__jixiaoFirstPane !== undefined) return;
  requestAnimationFrame(() =>
    setTimeout(() => {
      if (w.__jixiaoFirstPane !== undefined) return;
      w.__jixiaoFirstPane = performance.now();
      performance.mark("jixiao:pane-painted");
    }, 0),
  );
}

function Pane({ locale, autoCheck }: { locale: Locale; autoCheck: boolean }): React.JSX.Element | null {
  const host = store.host;
  const actions = React.useMemo(() => (host ? createActions(host.run, { isSetSupported: host.isSetSupported, library: host.library }) : null), [host]);
  React.useEffect(() => {
    if (actions) markFirstPaneRender();
  }, [actions]);
  if (!actions) return null;
  return <App actions={actions} locale={locale} checkOnMount={autoCheck} />;
}

function StatusBar(): React.JSX.Element | null {
  useWorkbookVersion();
  const host = store.host;
  if (!host) return null;
  const sheet = host.activeSheet;
  return (
    <div className="statusbar" data-testid="statusbar">
      <span>{host.editMode ? "编辑 Edit" : "就绪 Ready"}</span>
      <span>
        {host.state.sheets.length} 个工作表 · 当前「{sheet?.name}」{sheet?.protected ? "（受保护）" : ""}
      </span>
      <span data-testid="sync-count">
        context.sync() × {host.syncCount} · 撤销步数 undo steps {host.undoDepth}
      </span>
    </div>
  );
}

export function Playground({ options }: { options: PlaygroundOptions }): React.JSX.Element {
  const [sample, setSample] = React.useState<string | null>(options.sample);
  const [fileName, setFileName] = React.useState<string>("");
  const [loadId, setLoadId] = React.useState(0);
  const [loading, setLoading] = React.useState(false);
  const [exporting, setExporting] = React.useState(false);
  const [notice, setNotice] = React.useState<Notice>(null);
  const [locale, setLocale] = React.useState<Locale>(options.locale);
  const fileInput = React.useRef<HTMLInputElement>(null);
  const loadSeq = React.useRef(0);

  const open = React.useCallback(async (name: string, read: () => Promise<ArrayBuffer>, sampleFile: string | null) => {
    const seq = ++loadSeq.current;
    setLoading(true);
    setNotice(null);
    try {
      const bytes = await read();
      const wb = await openXlsx(bytes, name, sampleFile);
      if (seq !== loadSeq.current) return;
      store.open(wb);
      setSample(sampleFile);
      setFileName(name);
      setLoadId(store.loadCount);
    } catch (err) {
      if (seq !== loadSeq.current) return;
      setNotice({ kind: "error", ...openError(name, err) });
    } finally {
      if (seq === loadSeq.current) setLoading(false);
    }
  }, []);

  const openSample = React.useCallback(
    (file: string) => {
      const url = new URL(window.location.href);
      url.searchParams.set("sample", file);
      window.history.replaceState(null, "", url);
      void open(
        file.slice(file.lastIndexOf("/") + 1),
        async () => {
          const res = await fetch(sampleUrl(file));
          if (!res.ok) throw new Error(`HTTP ${res.status}`);
          return res.arrayBuffer();
        },
        file,
      );
    },
    [open],
  );

  React.useEffect(() => {
    openSample(options.sample);
  }, [openSample, options.sample]);

  const download = async () => {
    const wb = store.workbook;
    if (!wb) return;
    setExporting(true);
    try {
      const blob = await exportXlsx(wb.host);
      const a = document.createElement("a");
      a.href = URL.createObjectURL(blob);
      a.download = downloadName(wb.fileName);
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
      setNotice({ kind: "info", zh: `已导出「${a.download}」。`, en: `Exported ${a.download}.` });
    } catch (err) {
      setNotice({ kind: "error", zh: `导出失败：${String(err)}`, en: `Export failed: ${String(err)}` });
    } finally {
      setExporting(false);
    }
  };

  const current = sample ? SAMPLES.find((s) => s.file === sample) : undefined;

  return (
    <div className="app">
      <header className="topbar">
        <h1>
          绩效自评助手 · 演练场<span className="en">Playground</span>
        </h1>
        <label>
          <span>
            示例<span className="en">sample</span>
          </span>
          <select
            data-testid="sample-picker"
            value={sample ?? ""}
            disabled={loading}
            onChange={(e) => {
              if (e.target.value) openSample(e.target.value);
            }}
          >
            {sample === null && <option value="">（本地文件）{fileName}</option>}
            {GROUPS.map((g) => (
              <optgroup key={g.id} label={`${g.zh} · ${g.en}`}>
                {SAMPLES.filter((s) => s.group === g.id).map((s) => (
                  <option key={s.file} value={s.file}>
                    {s.zh}（{s.en}）
                  </option>
                ))}
              </optgroup>
            ))}
            {SAMPLES.some((s) => !GROUPS.some((g) => g.id === s.group)) && (
              <optgroup label="其他 · other">
                {SAMPLES.filter((s) => !GROUPS.some((g) => g.id === s.group)).map((s) => (
                  <option key={s.file} value={s.file}>
                    {s.zh}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
        </label>
        <label>
          <span>
            打开文件<span className="en">open .xlsx</span>
          </span>
          <input
            ref={fileInput}
            type="file"
            data-testid="file-input"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            disabled={loading}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (!file) return;
              void open(file.name, () => file.arrayBuffer(), null);
              e.target.value = "";
            }}
          />
        </label>
        <button type="button" data-testid="download" disabled={!store.workbook || exporting} onClick={() => void download()}>
          下载 .xlsx<span className="en">download</span>
        </button>
        <span className="spacer" />
        <label>
          <span>
            任务窗格语言<span className="en">pane language</span>
          </span>
          <select value={locale} onChange={(e) => setLocale(e.target.value as Locale)} data-testid="pane-locale">
            <option value="zh-CN">中文</option>
            <option value="en-US">English</option>
          </select>
        </label>
        <span className="file-name" data-testid="file-name">
          {loading ? "正在打开… opening…" : current ? `${current.file}` : fileName}
        </span>
      </header>
      {notice ? (
        <div className={`message ${notice.kind}`} role={notice.kind === "error" ? "alert" : "status"} data-testid="playground-message">
          {notice.zh}
          <span className="en">{notice.en}</span>
        </div>
      ) : (
        <div />
      )}
      <div className="main">
        <section className="workbook" aria-label="工作簿 workbook">
          {loadId > 0 ? (
            <>
              <Ribbon loadId={loadId} />
              <SheetGrid key={`grid-${loadId}`} onMessage={(m) => setNotice(m ? { kind: "error", ...m } : null)} />
              <SheetTabs />
              <StatusBar />
            </>
          ) : (
            <p className="loading">正在打开示例… <span className="en">Opening the sample…</span></p>
          )}
        </section>
        <aside className="pane" aria-label="任务窗格 task pane" data-testid="pane">
          <div className="pane-head">
            任务窗格（与 Excel 中的加载项相同）<span className="en">the add-in&apos;s task pane, as in Excel</span>
          </div>
          {loadId > 0 && <Pane key={`pane-${loadId}`} locale={locale} autoCheck={options.autoCheck} />}
        </aside>
      </div>
    </div>
  );
}
