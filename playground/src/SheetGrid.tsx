// The active sheet of the emulated workbook as a grid: row numbers and column letters, merged areas,
// the conditional formats the add-in wrote (as the emulator evaluates them), notes, the selection
// (which the pane moves with range.select()) and editing (double-click, F2 or just type; Enter).
import * as React from "react";
import { parseRange, toA1, type RangeRef } from "../../src/core/address";
import type { SheetState } from "../../src/emulator/state";
import { store, useWorkbookVersion } from "./store";
import { areaAt, columnLetters, formulaBarText, sheetView, typeInto, type CellView } from "./workbook";

interface Editing {
  address: string;
  value: string;
}

/** The selection of the active sheet as a range (the workbook's one selection, if it is on this sheet). */
function selectionOn(sheet: SheetState): RangeRef | null {
  const sel = store.host?.state.selection;
  if (!sel || sel.sheetId !== sheet.id) return null;
  try {
    return parseRange(sel.address.slice(sel.address.lastIndexOf("!") + 1).replace(/\$/g, ""));
  } catch {
    return null;
  }
}

function select(sheet: SheetState, row: number, col: number): void {
  const host = store.host;
  if (!host) return;
  const area = areaAt(sheet, row, col);
  host.state.selection = { sheetId: sheet.id, address: toA1(area.top, area.left) };
  store.changed();
}

function cellStyle(cell: CellView): React.CSSProperties {
  const st = cell.style;
  return {
    fontWeight: st.bold ? 600 : undefined,
    fontStyle: st.italic ? "italic" : undefined,
    fontSize: st.fontSize ? `${Math.round(st.fontSize * 1.1)}px` : undefined,
    textAlign: st.align ?? (cell.numeric ? "right" : undefined),
    overflow: cell.spill ? "visible" : undefined,
    verticalAlign: st.valign,
    backgroundColor: cell.cfFill ?? st.fill,
    color: cell.cfFont ?? st.color,
  };
}

export function SheetGrid({ onMessage }: { onMessage(m: { zh: string; en: string } | null): void }): React.JSX.Element | null {
  const version = useWorkbookVersion();
  const wb = store.workbook;
  const host = wb?.host ?? null;
  const sheet = host?.activeSheet ?? null;
  const [editing, setEditing] = React.useState<Editing | null>(null);
  const scrollRef = React.useRef<HTMLDivElement>(null);
  const committed = React.useRef(false);
  const lastScrolled = React.useRef("");

  // `version` stands for every change inside the host's state.
  const view = React.useMemo(() => (host && sheet ? sheetView(host, wb!.source, sheet) : null), [version, host, sheet]);
  const sel = sheet ? selectionOn(sheet) : null;

  // A sheet switch or another workbook ends the edit (Excel would have committed it first).
  const sheetId = sheet?.id;
  React.useEffect(() => {
    setEditing(null);
    host?.setEditMode(false);
  }, [sheetId, host]);

  // Bring the selected cell into view when the selection moves (the pane's click on a finding).
  React.useEffect(() => {
    const key = sel && sheet ? `${sheet.id}|${sel.top}|${sel.left}` : "";
    if (!key || key === lastScrolled.current) return;
    lastScrolled.current = key;
    const td = scrollRef.current?.querySelector<HTMLElement>('td[data-selected="true"]');
    td?.scrollIntoView({ block: "nearest", inline: "nearest" });
  });

  if (!host || !sheet || !view) return null;

  const startEdit = (address: string, value?: string) => {
    if (sheet.protected) {
      onMessage({ zh: `工作表「${sheet.name}」受保护，不能编辑。`, en: `Sheet ${sheet.name} is protected.` });
      return;
    }
    const { top, left } = parseRange(address);
    committed.current = false;
    host.setEditMode(true);
    setEditing({ address, value: value ?? formulaBarText(sheet, top, left) });
    store.changed();
  };

  const finishEdit = (commit: boolean, move: "down" | "right" | null) => {
    if (!editing || committed.current) return;
    committed.current = true;
    host.setEditMode(false);
    const { address, value } = editing;
    setEditing(null);
    if (commit && !typeInto(host, sheet.name, address, value)) {
      onMessage({ zh: `工作表「${sheet.name}」受保护，不能编辑。`, en: `Sheet ${sheet.name} is protected.` });
    }
    store.changed();
    const { top, left } = parseRange(address);
    if (move) {
      const area = areaAt(sheet, top, left);
      if (move === "down") select(sheet, area.bottom + 1, left);
      else select(sheet, top, area.right + 1);
    }
    scrollRef.current?.focus({ preventScroll: true });
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>) => {
    if (editing) return;
    const cur = sel ?? { top: 1, left: 1, bottom: 1, right: 1 };
    const area = areaAt(sheet, cur.top, cur.left);
    const address = toA1(area.top, area.left);
    const moves: Record<string, [number, number]> = {
      ArrowUp: [cur.top - 1, cur.left],
      ArrowDown: [area.bottom + 1, cur.left],
      ArrowLeft: [cur.top, cur.left - 1],
      ArrowRight: [cur.top, area.right + 1],
    };
    if (e.key in moves) {
      const [r, c] = moves[e.key];
      if (r >= 1 && c >= 1 && r <= view.rows && c <= view.cols) select(sheet, r, c);
      e.preventDefault();
    } else if (e.key === "Enter" || e.key === "Tab") {
      if (e.key === "Enter") select(sheet, Math.min(area.bottom + 1, view.rows), cur.left);
      else select(sheet, cur.top, Math.min(area.right + 1, view.cols));
      e.preventDefault();
    } else if (e.key === "F2") {
      startEdit(address);
      e.preventDefault();
    } else if (e.key === "Delete") {
      if (sheet.protected) startEdit(address);
      else {
        typeInto(host, sheet.name, address, "");
        store.changed();
      }
      e.preventDefault();
    } else if (e.key === "Backspace") {
      startEdit(address, "");
      e.preventDefault();
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      startEdit(address, e.key);
      e.preventDefault();
    }
  };

  const selectedCell = sel ? areaAt(sheet, sel.top, sel.left) : null;
  const selectedAddress = selectedCell ? toA1(selectedCell.top, selectedCell.left) : "";
  const inSel = (r: number, c: number) => !!sel && r >= sel.top && r <= sel.bottom && c >= sel.left && c <= sel.right;

  return (
    <>
      <div className="formula-bar" aria-label="编辑栏 formula bar">
        <div className="name-box" data-testid="name-box">
          {sel ? (sel.top === sel.bottom && sel.left === sel.right ? selectedAddress : toA1(sel.top, sel.left) + ":" + toA1(sel.bottom, sel.right)) : ""}
        </div>
        <div className="fx">fx</div>
        <div className="content" data-testid="formula-bar">
          {selectedCell ? formulaBarText(sheet, selectedCell.top, selectedCell.left) : ""}
        </div>
      </div>
      <div className="grid-scroll" ref={scrollRef} tabIndex={0} onKeyDown={onKeyDown} aria-label={`工作表「${sheet.name}」`} data-testid="grid">
        <table className="grid" data-sheet={sheet.name} style={{ width: 44 + view.widths.reduce((a, b) => a + b, 0) }}>
          <colgroup>
            <col style={{ width: 44 }} />
            {view.widths.map((w, i) => (
              <col key={i} style={{ width: w }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th className="corner" />
              {view.widths.map((_, i) => (
                <th key={i} scope="col" className={sel && i + 1 >= sel.left && i + 1 <= sel.right ? "in-selection" : undefined}>
                  {columnLetters(i + 1)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {view.cells.map((line, i) => {
              const r = i + 1;
              return (
                <tr key={r}>
                  <th scope="row" className={sel && r >= sel.top && r <= sel.bottom ? "in-selection" : undefined}>
                    {r}
                  </th>
                  {line.map((cell) => {
                    const isSelected = cell.address === selectedAddress;
                    const isEditing = editing?.address === cell.address;
                    const cls = [cell.style.wrap ? "wrap" : "", !isSelected && inSel(cell.row, cell.col) ? "in-range" : ""].filter(Boolean).join(" ");
                    return (
                      <td
                        key={cell.address}
                        data-cell={cell.address}
                        data-selected={isSelected ? "true" : undefined}
                        data-cf-fill={cell.cfFill ?? undefined}
                        data-cf-font={cell.cfFont ?? undefined}
                        data-note={cell.note ?? undefined}
                        title={cell.note ?? undefined}
                        rowSpan={cell.rowSpan > 1 ? cell.rowSpan : undefined}
                        colSpan={cell.colSpan > 1 ? cell.colSpan : undefined}
                        className={cls || undefined}
                        style={cellStyle(cell)}
                        onMouseDown={(e) => {
                          if (isEditing) return;
                          if (editing) finishEdit(true, null);
                          select(sheet, cell.row, cell.col);
                          e.preventDefault();
                          scrollRef.current?.focus({ preventScroll: true });
                        }}
                        onDoubleClick={() => startEdit(cell.address)}
                      >
                        {isEditing ? (
                          <input
                            className="editor"
                            aria-label={`编辑 ${cell.address}`}
                            data-editor={cell.address}
                            autoFocus
                            value={editing.value}
                            onChange={(e) => setEditing({ address: cell.address, value: e.target.value })}
                            onKeyDown={(e) => {
                              if (e.nativeEvent.isComposing) return;
                              if (e.key === "Enter") {
                                e.preventDefault();
                                finishEdit(true, "down");
                              } else if (e.key === "Tab") {
                                e.preventDefault();
                                finishEdit(true, "right");
                              } else if (e.key === "Escape") {
                                e.preventDefault();
                                finishEdit(false, null);
                              }
                              e.stopPropagation();
                            }}
                            onBlur={() => finishEdit(true, null)}
                          />
                        ) : cell.spill ? (
                          <span className="spill" style={{ width: cell.spill - 7 }}>
                            {cell.text}
                          </span>
                        ) : (
                          cell.text
                        )}
                        {cell.note && <span className="note-marker" aria-hidden="true" />}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
        {view.truncated && <p className="grid-note">只显示前 {view.rows} 行。<span className="en">Only the first {view.rows} rows are drawn.</span></p>}
      </div>
    </>
  );
}

export function SheetTabs(): React.JSX.Element | null {
  useWorkbookVersion();
  const host = store.host;
  if (!host) return null;
  const active = host.activeSheet?.id;
  return (
    <div className="tabs" role="tablist" aria-label="工作表 sheets">
      {host.state.sheets.map((s) => (
        <button
          key={s.id}
          type="button"
          role="tab"
          data-sheet={s.name}
          aria-selected={s.id === active}
          onClick={() => {
            // A person clicking a sheet tab: Excel's active sheet changes (no API call, no event).
            host.state.activeSheetId = s.id;
            store.changed();
          }}
        >
          {s.name}
        </button>
      ))}
    </div>
  );
}
