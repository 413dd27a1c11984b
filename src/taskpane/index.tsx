// Task pane entry point (taskpane.html): waits for Office, then renders the pane with the Office.js
// adapter, Office's display language and theme. No network: office.js is served by the add-in itself.
import * as React from "react";
import { createRoot } from "react-dom/client";
import { createActions } from "../excel/actions";
import { App } from "./App";
import { localeFor, themeFor } from "./officeEnv";

function start(): void {
  const root = document.getElementById("root");
  if (!root) return;
  const inOffice = typeof Office !== "undefined" && !!Office.context;
  const locale = localeFor(inOffice ? Office.context.displayLanguage : navigator.language);
  const theme = themeFor(inOffice ? Office.context.officeTheme : undefined);
  document.documentElement.lang = locale;
  createRoot(root).render(<App actions={createActions()} locale={locale} theme={theme} />);
}

// Outside Office (a plain browser tab) office.js may be missing: render anyway; the actions then
// report that Excel is not available.
if (typeof Office !== "undefined") {
  void Office.onReady(() => start());
} else {
  start();
}
