// A ribbon strip above the grid: the add-in's 绩效自评 group as Excel shows it. The buttons dispatch
// the manifest's ExecuteFunction commands to the real commands page (commands.html, built from
// src/commands), which runs in a hidden frame as Excel's function file does, against the emulated
// Excel. Its outcome dialog (dialog.html) shows in a frame over the page, as Office shows it.
import * as React from "react";
import type { EmulatedDialog } from "../../src/emulator";
import { store } from "./store";

declare global {
  interface Window {
    __jixiaoOffice?: unknown;
    __jixiaoDialogMessage?: (message: string) => void;
  }
}

const COMMANDS = [
  { name: "checkSheet", zh: "检查", en: "Check" },
  { name: "fillSheet", zh: "填写得分", en: "Fill In Scores" },
] as const;

export function Ribbon({ loadId }: { loadId: number }): React.JSX.Element {
  const [busy, setBusy] = React.useState<string | null>(null);
  const [dialog, setDialog] = React.useState<EmulatedDialog | null>(null);
  const [problem, setProblem] = React.useState<string | null>(null);

  // The framed pages find the emulator here (playground/public/emulated-office.js).
  window.__jixiaoOffice = (globalThis as { Office?: unknown }).Office;
  window.__jixiaoDialogMessage = (message) => dialog?.messageParent(message);

  const click = async (name: string) => {
    const office = store.office;
    if (!office || busy) return;
    setProblem(null);
    const before = office.dialogs.length;
    const d = office.dispatch(name);
    if (!d.delivered) {
      setProblem("命令未送达：命令页没有启动 Office.js。The command was not delivered: the commands page did not start Office.js.");
      return;
    }
    setBusy(name);
    const poll = setInterval(() => {
      const shown = office.dialogs[before];
      if (shown && !shown.closed) setDialog(shown);
      if (shown?.closed) setDialog(null);
    }, 50);
    await d.completed;
    clearInterval(poll);
    setDialog(null);
    setBusy(null);
  };

  return (
    <div className="ribbon" role="toolbar" aria-label="绩效自评 ribbon group" data-testid="ribbon">
      <span className="ribbon-group">
        绩效自评<span className="en">Self-Evaluation</span>
      </span>
      {COMMANDS.map((c) => (
        <button key={c.name} type="button" data-testid={`ribbon-${c.name}`} disabled={busy !== null} onClick={() => void click(c.name)}>
          {c.zh}
          <span className="en">{c.en}</span>
        </button>
      ))}
      {busy && <span className="ribbon-busy">正在运行… running…</span>}
      {problem && (
        <span role="alert" className="ribbon-problem">
          {problem}
        </span>
      )}
      {/* The function file: no UI, loaded once per workbook as Excel loads it with the add-in. */}
      <iframe key={loadId} title="commands.html (function file)" src="commands.html" data-testid="commands-frame" style={{ display: "none" }} />
      {dialog && (
        <div className="dialog-backdrop" data-testid="dialog">
          <iframe title="绩效自评助手 dialog" src={dialog.url.slice(dialog.url.indexOf("dialog.html"))} className="dialog-frame" data-testid="dialog-frame" />
          <button type="button" className="dialog-x" aria-label="关闭对话框 close the dialog" onClick={() => dialog.closeByUser()}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
