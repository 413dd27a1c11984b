import { parseA1, toA1 } from "../../core/address";
import { bareAddress } from "../addresses";
import { ClientObject } from "../clientObject";
import { ClientCollection } from "../collection";
import { accessDenied, EmulatorError } from "../errors";
import type { SheetState, WorkbookState } from "../state";
import { Range } from "./range";

interface CommentTarget {
  sheet: SheetState;
  address: string;
}

/** The sheets a comment collection covers: one sheet (Worksheet.comments) or all (Workbook.comments). */
type Scope = SheetState | WorkbookState;

function sheetsOf(scope: Scope): SheetState[] {
  return "sheets" in scope ? scope.sheets : [scope];
}

/** Worksheet.comments / Workbook.comments (ExcelApi 1.10): threaded comments, one per cell. */
export class CommentCollection extends ClientCollection<Scope, CommentTarget, Comment> {
  protected _keys(scope: Scope): CommentTarget[] {
    return sheetsOf(scope).flatMap((sheet) => [...sheet.comments.keys()].map((address) => ({ sheet, address })));
  }

  protected _item(key: CommentTarget): Comment {
    return new Comment(this.context, () => key, false, false);
  }

  /** A cell of this sheet ("A1") or of the workbook ("Sheet1!A1"). */
  add(cellAddress: string, content: string): Comment {
    return new Comment(this.context, () => {
      const scope = this._resolve();
      if (!scope) return null;
      const t = this.locate(scope, cellAddress);
      if (t.sheet.protected && !t.sheet.protectionOptions.allowEditObjects) throw accessDenied(t.sheet.name, "CommentCollection.add");
      if (t.sheet.notes.has(t.address)) throw new EmulatorError("InvalidOperation", `The cell ${t.address} has a note; a threaded comment cannot be added to it.`);
      this.context.host._touch();
      t.sheet.comments.set(t.address, String(content));
      return t;
    });
  }

  getItemByCell(cellAddress: string): Comment {
    return new Comment(this.context, () => {
      const scope = this._resolve();
      if (!scope) return null;
      const t = this.locate(scope, cellAddress);
      if (!t.sheet.comments.has(t.address)) throw new EmulatorError("ItemNotFound", `There is no comment on ${t.address}.`);
      return t;
    });
  }

  private locate(scope: Scope, cellAddress: string): CommentTarget {
    const bang = cellAddress.lastIndexOf("!");
    let sheet: SheetState | undefined;
    if ("sheets" in scope) {
      const name = bang >= 0 ? cellAddress.slice(0, bang).replace(/^'|'$/g, "").replace(/''/g, "'") : "";
      sheet = scope.sheets.find((s) => s.name === name);
    } else sheet = scope;
    if (!sheet) throw new EmulatorError("InvalidArgument", `InvalidCellAddress: ${cellAddress}`);
    const { row, col } = parseA1(bareAddress(cellAddress));
    return { sheet, address: toA1(row, col) };
  }
}

export class Comment extends ClientObject<CommentTarget> {
  protected readonly _scalars = ["id", "content", "authorName"] as const;

  protected _read(t: CommentTarget, prop: string): unknown {
    const content = t.sheet.comments.get(t.address);
    if (content === undefined) throw new EmulatorError("ItemNotFound", "The comment no longer exists.");
    if (prop === "id") return `{comment-${t.sheet.id}-${t.address}}`;
    if (prop === "content") return content;
    return "";
  }

  get id(): string {
    return this._get("id");
  }
  get content(): string {
    return this._get("content");
  }

  getLocation(): Range {
    return new Range(this.context, () => {
      const t = this._resolve();
      if (!t) return null;
      const { row, col } = parseA1(t.address);
      return { sheet: t.sheet, ref: { top: row, left: col, bottom: row, right: col } };
    });
  }
}
