import { ClientObject } from "../clientObject";
import { ClientCollection } from "../collection";
import type { EmuRequestContext } from "../context";
import { EmulatorError } from "../errors";
import { parseAddress, WHOLE_SHEET } from "../addresses";
import { newSheet, usedRange, type SheetState, type WorkbookState } from "../state";
import { EventHandlers } from "./events";
import { CommentCollection } from "./comments";
import { CustomXmlPartCollection } from "./customXml";
import { NoteCollection } from "./notes";
import { layoutOf } from "../layout";
import { PageLayout } from "./pageLayout";
import { Range, rangeResolver } from "./range";

export class Workbook extends ClientObject<WorkbookState> {
  protected readonly _scalars = [] as const;

  constructor(context: EmuRequestContext) {
    super(context, () => context.host.state, false, false);
  }

  protected _read(): unknown {
    return undefined;
  }

  get worksheets(): WorksheetCollection {
    return this._child("worksheets", () => new WorksheetCollection(this.context));
  }

  /** ExcelApi 1.10: the threaded comments of every sheet. */
  get comments(): CommentCollection {
    return this._child(
      "comments",
      () =>
        new CommentCollection(this.context, () => {
          this.context.host.requireSet("1.10", "Workbook.comments");
          return this.context.host.state;
        }),
    );
  }

  /** ExcelApi 1.5. */
  get customXmlParts(): CustomXmlPartCollection {
    return this._child(
      "customXmlParts",
      () =>
        new CustomXmlPartCollection(this.context, () => {
          this.context.host.requireSet("1.5", "Workbook.customXmlParts");
          return this.context.host.state;
        }),
    );
  }
}

function findSheet(state: WorkbookState, key: string): SheetState | null {
  return state.sheets.find((s) => s.id === key) ?? state.sheets.find((s) => s.name.toLowerCase() === key.toLowerCase()) ?? null;
}

export class WorksheetCollection extends ClientCollection<WorkbookState, string, Worksheet> {
  private _onChanged?: EventHandlers;

  constructor(context: EmuRequestContext) {
    super(context, () => context.host.state, false, false);
  }

  protected _keys(t: WorkbookState): string[] {
    return t.sheets.map((s) => s.id);
  }

  protected _item(id: string): Worksheet {
    return new Worksheet(this.context, () => findSheet(this.context.host.state, id), false, false);
  }

  getActiveWorksheet(): Worksheet {
    return new Worksheet(this.context, () => {
      const st = this.context.host.state;
      return st.sheets.find((s) => s.id === st.activeSheetId) ?? st.sheets[0] ?? null;
    });
  }

  getItem(key: string): Worksheet {
    return new Worksheet(this.context, () => findSheet(this.context.host.state, key));
  }

  getItemOrNullObject(key: string): Worksheet {
    return new Worksheet(this.context, () => findSheet(this.context.host.state, key), true);
  }

  add(name: string): Worksheet {
    return new Worksheet(this.context, () => {
      const st = this.context.host.state;
      if (findSheet(st, name)) throw new EmulatorError("ItemAlreadyExists", `A sheet named ${name} already exists.`);
      this.context.host._touch();
      const s = newSheet(st, name);
      st.sheets.push(s);
      return s;
    });
  }

  /** ExcelApi 1.9: changes on any sheet. */
  get onChanged(): EventHandlers {
    this._onChanged ??= new EventHandlers(this.context, () => "*", "1.9", "WorksheetCollection.onChanged");
    return this._onChanged;
  }
}

export class Worksheet extends ClientObject<SheetState> {
  protected readonly _scalars = ["id", "name", "position", "visibility", "standardHeight", "standardWidth"] as const;
  private _onChanged?: EventHandlers;

  protected _read(s: SheetState, prop: string): unknown {
    switch (prop) {
      case "id":
        return s.id;
      case "name":
        return s.name;
      case "position":
        return this.context.host.state.sheets.indexOf(s);
      case "standardHeight":
        this.context.host.requireSet("1.7", "Worksheet.standardHeight");
        return layoutOf(s).standardHeight;
      case "standardWidth":
        this.context.host.requireSet("1.7", "Worksheet.standardWidth");
        return layoutOf(s).standardWidth;
      case "visibility":
        return s.visibility ?? "Visible";
      default:
        return "Visible";
    }
  }

  get id(): string {
    return this._get("id");
  }

  get name(): string {
    return this._get("name");
  }

  get position(): number {
    return this._get("position");
  }

  get visibility(): "Visible" | "Hidden" | "VeryHidden" {
    return this._get("visibility");
  }

  get standardHeight(): number {
    return this._get("standardHeight");
  }

  get standardWidth(): number {
    return this._get("standardWidth");
  }

  get protection(): WorksheetProtection {
    return this._child("protection", () => new WorksheetProtection(this.context, () => this._resolve(), true));
  }

  /** ExcelApi 1.9. */
  get pageLayout(): PageLayout {
    return this._child("pageLayout", () => new PageLayout(this.context, () => this._resolve(), true));
  }

  /** ExcelApi 1.18; absent (undefined) in a library older than that, as in the npm package's. */
  get notes(): NoteCollection {
    if (!this.context.host.library.notes) return undefined as unknown as NoteCollection;
    return this._child(
      "notes",
      () =>
        new NoteCollection(
          this.context,
          () => {
            this.context.host.requireSet("1.18", "Worksheet.notes");
            return this._resolve();
          },
          true,
        ),
    );
  }

  /** ExcelApi 1.10. */
  get comments(): CommentCollection {
    return this._child(
      "comments",
      () =>
        new CommentCollection(
          this.context,
          () => {
            this.context.host.requireSet("1.10", "Worksheet.comments");
            return this._resolve();
          },
          true,
        ),
    );
  }

  /** ExcelApi 1.7. */
  get onChanged(): EventHandlers {
    this._onChanged ??= new EventHandlers(this.context, () => this._resolve()?.id ?? "", "1.7", "Worksheet.onChanged");
    return this._onChanged;
  }

  /** The range at an address, or the whole sheet without one. */
  getRange(address?: string): Range {
    return new Range(
      this.context,
      rangeResolver(this, (s) => ({ sheet: s, ref: address === undefined ? { ...WHOLE_SHEET } : parseOrThrow(address) })),
    );
  }

  /** Zero-based, as in Office.js. */
  getCell(row: number, column: number): Range {
    return new Range(this.context, rangeResolver(this, (s) => ({ sheet: s, ref: { top: row + 1, left: column + 1, bottom: row + 1, right: column + 1 } })));
  }

  /** A blank sheet gives A1 (it does not throw). */
  getUsedRange(valuesOnly?: boolean): Range {
    return new Range(this.context, rangeResolver(this, (s) => ({ sheet: s, ref: usedRange(s, valuesOnly) ?? { top: 1, left: 1, bottom: 1, right: 1 } })));
  }

  /** ExcelApi 1.4: a blank sheet gives a null object. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    return new Range(
      this.context,
      rangeResolver(this, (s) => {
        this.context.host.requireSet("1.4", "Worksheet.getUsedRangeOrNullObject");
        const used = usedRange(s, valuesOnly);
        return used ? { sheet: s, ref: used } : null;
      }),
      true,
    );
  }

  activate(): void {
    this._queue((s) => {
      this.context.host.state.activeSheetId = s.id;
    });
  }
}

function parseOrThrow(address: string) {
  try {
    return parseAddress(address);
  } catch {
    throw new EmulatorError("InvalidArgument", `The argument is invalid or missing or has an incorrect format (address ${address}).`);
  }
}

class WorksheetProtection extends ClientObject<SheetState> {
  protected readonly _scalars = ["protected", "options"] as const;

  protected _read(s: SheetState, prop: string): unknown {
    if (prop === "options") return { ...s.protectionOptions, allowEditScenarios: false, allowFormatColumns: false, allowFormatRows: false, allowInsertColumns: false, allowInsertRows: false, allowInsertHyperlinks: false, allowDeleteColumns: false, allowDeleteRows: false, allowSort: false, allowAutoFilter: false, allowPivotTables: false, selectionMode: "Normal" };
    return s.protected;
  }

  get protected(): boolean {
    return this._get("protected");
  }

  /** ExcelApi 1.2. */
  get options(): Excel.WorksheetProtectionOptions {
    return this._get("options");
  }

  protect(options?: Excel.WorksheetProtectionOptions): void {
    this._queue((s) => {
      if (s.protected) throw new EmulatorError("InvalidOperation", "The sheet is already protected.");
      this.context.host._touch();
      s.protected = true;
      s.protectionOptions = { allowFormatCells: options?.allowFormatCells === true, allowEditObjects: options?.allowEditObjects === true };
    });
  }

  unprotect(): void {
    this._queue((s) => {
      this.context.host._touch();
      s.protected = false;
    });
  }
}
