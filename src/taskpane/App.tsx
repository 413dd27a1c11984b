// The task pane. Everything Office-specific comes in through `actions` (AddinActions), so the same
// component runs in Excel, in the emulator playground and in the tests.
import * as React from "react";
import {
  AriaLiveAnnouncer,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import type { Settings } from "../core/settings";
import type { AddinActions, Scope } from "../host/actions";
import { ActionBar } from "./ActionBar";
import type { PaneTheme } from "./officeEnv";
import { Results } from "./Results";
import { SettingsPanel } from "./SettingsPanel";
import { onRibbonAction } from "../host/ribbonSignal";
import { defaultStorage, loadLiveCheck, loadSettings, saveLiveCheck, saveSettings, type SettingsStorage } from "../host/settingsStore";
import { LiveCheckSwitch } from "./LiveCheckSwitch";
import { translator, type Locale } from "./strings";
import { CHANGE_DEBOUNCE_MS, useDebouncedChange } from "./useDebouncedChange";
import { usePaneActions } from "./usePaneActions";

const useStyles = makeStyles({
  root: {
    minHeight: "100vh",
    boxSizing: "border-box",
    padding: tokens.spacingHorizontalM,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  intro: { color: tokens.colorNeutralForeground3 },
  notice: { margin: 0, minHeight: "1.4em" },
});

interface AppProps {
  actions: AddinActions;
  locale: Locale;
  theme?: PaneTheme;
  /** Where the settings are kept; localStorage by default. */
  storage?: SettingsStorage | null;
  /** Read and check once when the pane opens (default true); it writes nothing. */
  checkOnMount?: boolean;
  /** Wait after the last change before checking again. */
  debounceMs?: number;
}

export function App({
  actions,
  locale,
  theme = { dark: false },
  storage = defaultStorage(),
  checkOnMount = true,
  debounceMs = CHANGE_DEBOUNCE_MS,
}: AppProps): React.JSX.Element {
  const s = useStyles();
  const tr = React.useMemo(() => translator(locale), [locale]);
  const [settings, setSettings] = React.useState<Settings>(() => loadSettings(storage));
  const [scope, setScope] = React.useState<Scope>("active");
  const keepsUndo = React.useMemo(() => actions.keepsUndo(), [actions]);
  const [live, setLive] = React.useState<boolean>(() => loadLiveCheck(storage) ?? keepsUndo);
  const { state, run, recheck, select, isBusy } = usePaneActions(actions, settings, scope);
  const change = useDebouncedChange(actions, recheck, isBusy, debounceMs, live);

  // Read and check when the pane opens, and again when the scope is switched (the results on show
  // are for the other scope). Only 检查 and 填写得分 write to the sheet.
  const checkedScope = React.useRef<Scope | null>(checkOnMount ? null : scope);
  React.useEffect(() => {
    if (checkedScope.current === scope) return;
    checkedScope.current = scope;
    void run("check", { auto: true });
  }, [scope, run]);

  const changeLive = (on: boolean) => {
    setLive(on);
    saveLiveCheck(storage, on);
  };

  // A ribbon command ran in the function file's page: check again (its marks raise no change event).
  const scheduleCheck = change.schedule;
  React.useEffect(() => onRibbonAction(typeof window !== "undefined" ? window : undefined, scheduleCheck), [scheduleCheck]);

  const changeSettings = (next: Settings) => {
    setSettings(next);
    saveSettings(storage, next);
    if (state.outcome) change.schedule();
  };

  return (
    <FluentProvider
      theme={theme.dark ? webDarkTheme : webLightTheme}
      style={theme.background ? { backgroundColor: theme.background } : undefined}
      lang={locale}
    >
      {/* Lets the error MessageBar announce itself to screen readers. */}
      <AriaLiveAnnouncer>
        <main className={s.root}>
          <header>
            <h1 className={s.title}>{tr.t("appTitle")}</h1>
            <Text size={200} className={s.intro}>
              {tr.t("appIntro")}
            </Text>
          </header>
          <ActionBar tr={tr} busy={state.busy} scope={scope} onScope={setScope} onRun={(a) => void run(a)} />
          <LiveCheckSwitch tr={tr} on={live} keepsUndo={keepsUndo} onChange={changeLive} />
          {state.error && (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{tr.t("errorTitle")}</MessageBarTitle>
                {tr.m(state.error)}
              </MessageBarBody>
            </MessageBar>
          )}
          <p className={s.notice} role="status" aria-live="polite">
            {state.notice ? tr.m(state.notice) : ""}
          </p>
          <Results tr={tr} outcome={state.outcome} busy={state.busy !== null} onSelect={(sheet, cell) => void select(sheet, cell)} />
          <SettingsPanel tr={tr} settings={settings} onChange={changeSettings} />
        </main>
      </AriaLiveAnnouncer>
    </FluentProvider>
  );
}
