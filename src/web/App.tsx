// The offline web checker: choose or drop workbooks, see a row per form as each is checked, open its
// findings, download a filled copy or the summary workbook. Nothing leaves the browser.
import * as React from "react";
import { Button, FluentProvider, makeStyles, MessageBar, MessageBarBody, ProgressBar, Text, Title2, tokens, webLightTheme } from "@fluentui/react-components";
import { SettingsPanel } from "../taskpane/SettingsPanel";
import { translator } from "../taskpane/strings";
import { DropZone } from "./DropZone";
import { flushSync } from "react-dom";
import { PrintReport } from "./PrintReport";
import { ResultsTable } from "./ResultsTable";
import type { CheckService } from "./services/checkService";
import { webTranslator, type Locale } from "./strings";
import { useChecker } from "./useChecker";

const useStyles = makeStyles({
  page: { maxWidth: "1400px", margin: "0 auto", padding: tokens.spacingHorizontalXL, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalL },
  header: { display: "flex", justifyContent: "space-between", alignItems: "center", columnGap: tokens.spacingHorizontalL },
  bar: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalM, flexWrap: "wrap" },
  grow: { flexGrow: 1 },
  muted: { color: tokens.colorNeutralForeground3 },
  footer: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, "@media print": { display: "none" } },
  // Printing shows the report alone: none of the page's controls.
  screen: { display: "contents", "@media print": { display: "none" } },
  help: { maxWidth: "60em" },
  // The bar jumps to each new value: a sliding bar repaints the page every frame while the workers,
  // which share the machine's cores with the page, check the files.
  still: { transitionProperty: "none" },
});

declare const __JIXIAO_VERSION__: string | undefined;
/** The release the page belongs to (webpack's DefinePlugin), said at its foot. */
const VERSION = typeof __JIXIAO_VERSION__ === "string" ? __JIXIAO_VERSION__ : "dev";

const STORED = "jixiao-web-locale";

function initialLocale(): Locale {
  try {
    const saved = localStorage.getItem(STORED);
    if (saved === "zh-CN" || saved === "en-US") return saved;
  } catch {
    // Storage may be off (private windows, policies): Chinese.
  }
  return "zh-CN";
}

// Drawn again only when their own props change, not at each batch of results (a hundred files are
// several redraws of the page, each of which would redo every option's control).
const QuietSettings = React.memo(SettingsPanel);
const QuietDropZone = React.memo(DropZone);

export function App({ service }: { service: CheckService }) {
  const s = useStyles();
  const [locale, setLocale] = React.useState<Locale>(initialLocale);
  const tr = React.useMemo(() => webTranslator(locale), [locale]);
  const paneTr = React.useMemo(() => translator(locale), [locale]);
  const c = useChecker(service);
  React.useEffect(() => {
    document.documentElement.lang = locale;
    document.title = tr.t("appTitle");
  }, [locale]);
  const switchLocale = () => {
    const next = locale === "zh-CN" ? "en-US" : "zh-CN";
    setLocale(next);
    try {
      localStorage.setItem(STORED, next);
    } catch {
      // Not kept: the switch still works for this visit.
    }
  };
  const downloadRef = React.useRef(c.downloadFilled);
  downloadRef.current = c.downloadFilled;
  const onDownload = React.useCallback((f: string, clean?: boolean) => void downloadRef.current(f, clean), []);
  const total = c.items.length;
  // The print report exists while printing only: from the button, and from Ctrl+P (beforeprint).
  const [printing, setPrinting] = React.useState<Date | null>(null);
  const [printAsked, setPrintAsked] = React.useState(false);
  React.useEffect(() => {
    const before = () => flushSync(() => setPrinting((p) => p ?? new Date()));
    const after = () => setPrinting(null);
    window.addEventListener("beforeprint", before);
    window.addEventListener("afterprint", after);
    return () => {
      window.removeEventListener("beforeprint", before);
      window.removeEventListener("afterprint", after);
    };
  }, []);
  React.useEffect(() => {
    if (!printAsked || !printing) return;
    setPrintAsked(false);
    window.print();
  }, [printAsked, printing]);
  const print = () => {
    setPrinting(new Date());
    setPrintAsked(true);
  };
  const formRows = c.rows.filter((r) => r.result);
  const status =
    total === 0
      ? tr.t("nothingYet")
      : c.pending > 0
        ? tr.t("checking", { done: total - c.pending, total })
        : tr.t("checked", { files: total, sheets: formRows.length, ready: formRows.filter((r) => r.status === "ready").length, work: c.rows.filter((r) => r.status === "needs-work" || r.status === "unreadable").length });
  return (
    <FluentProvider theme={webLightTheme}>
      <main className={s.page}>
        <div className={s.screen}>
        <header className={s.header}>
          <div>
            <Title2 as="h1">{tr.t("appTitle")}</Title2>
            <Text as="p" block className={s.muted}>
              {tr.t("appIntro")}
            </Text>
          </div>
          <Button appearance="subtle" onClick={switchLocale} title={tr.t("languageLabel")} lang={locale === "zh-CN" ? "en" : "zh-CN"} data-testid="language">
            {tr.t("language")}
          </Button>
        </header>
        <QuietDropZone tr={tr} onFiles={c.add} />
        <div className={s.bar}>
          <Text role="status" aria-live="polite" className={s.grow} data-testid="status">
            {status}
          </Text>
          <Button appearance="primary" disabled={c.files.length === 0} onClick={() => void c.downloadSummary()} data-testid="download-summary">
            {tr.t("downloadSummary")}
          </Button>
          <Button disabled={c.rows.length === 0 || c.pending > 0} onClick={print} title={tr.t("printHint")} data-testid="print">
            {tr.t("print")}
          </Button>
          <Button disabled={total === 0} onClick={c.clear}>
            {tr.t("clearList")}
          </Button>
        </div>
        {/* The pane's rule options, the same component: changing one checks every file again. */}
        <QuietSettings tr={paneTr} settings={c.settings} onChange={c.changeSettings} />
        {c.pending > 0 && <ProgressBar value={(total - c.pending) / total} aria-label={status} bar={{ className: s.still }} data-testid="progress" />}
        {c.skipped.length > 0 && (
          <MessageBar intent="warning">
            <MessageBarBody>{tr.t("skipped", { names: c.skipped.join("、") })}</MessageBarBody>
          </MessageBar>
        )}
        {c.notice && (
          <MessageBar intent={c.notice.kind === "error" ? "error" : "success"} data-testid="notice">
            <MessageBarBody>
              {tr.t(c.notice.key, c.notice.vars)}
              {c.notice.detail ? `${locale === "zh-CN" ? "" : " "}${typeof c.notice.detail === "string" ? c.notice.detail : tr.m(c.notice.detail)}` : ""}
            </MessageBarBody>
          </MessageBar>
        )}
        {c.rows.length > 0 && <ResultsTable tr={tr} rows={c.rows} onDownload={onDownload} busyFile={c.busyFile} />}
        <footer className={s.footer}>
          <Text size={200} className={s.muted}>
            {tr.t("privacy")}
          </Text>
          <details id="help" className={s.help}>
            <summary data-testid="help">{tr.t("help")}</summary>
            <Text as="p" size={200}>
              {tr.t("helpText")}
            </Text>
          </details>
          <Text size={200} className={s.muted} data-testid="version">
            {tr.t("version", { version: VERSION })}
          </Text>
        </footer>
        </div>
        {printing && c.rows.length > 0 ? <PrintReport tr={tr} rows={c.rows} madeAt={printing} /> : null}
      </main>
    </FluentProvider>
  );
}
