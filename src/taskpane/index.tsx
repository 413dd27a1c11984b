// Task pane entry point (taskpane.html). Placeholder: shows the product name only; the real task pane
// (check results, scores) replaces this file.
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, Title3, webLightTheme } from "@fluentui/react-components";

function App(): React.JSX.Element {
  return (
    <FluentProvider theme={webLightTheme} style={{ padding: 16, minHeight: "100vh" }}>
      <Title3 as="h1">绩效自评助手</Title3>
    </FluentProvider>
  );
}

function start(): void {
  const root = document.getElementById("root");
  if (root) createRoot(root).render(<App />);
}

// Outside Office (a plain browser tab, tests) office.js may be missing: render anyway.
if (typeof Office !== "undefined") {
  Office.onReady(() => start());
} else {
  start();
}
