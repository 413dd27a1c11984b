import { parseA1, toA1 } from "../../core/address";
import { bareAddress } from "../addresses";
import { ClientObject } from "../clientObject";
import { ClientCollection } from "../collection";
import { accessDenied, EmulatorError } from "../errors";
import type { SheetState } from "../state";
import { Range } from "./range";

interface NoteTarget {
  sheet: SheetState;
  address: string;
}

function noteOf(t: NoteTarget) {
  const n = t.sheet.notes.get(t.address);
  if (!n) throw new EmulatorError("ItemNotFound", `There is no note on ${t.address}.`);
  return n;
}

function cellAddress(key: string): string {
  try {
    const { row, col } = parseA1(bareAddress(key));
    return toA1(row, col);
  } catch {
    throw new EmulatorError("InvalidArgument", `InvalidCellAddress: ${key}`);
  }
}

/** Worksheet.notes (ExcelApi 1.18): one note per cell, keyed by its address. */
export class NoteCollection extends ClientCollection<SheetState, string, Note> {
  protected _keys(s: SheetState): string[] {
    return [...s.notes.keys()].sort((a, b) => {
      const p = parseA1(a);
      const q = parseA1(b);
      return p.row - q.row || p.col - q.col;
    });
  }

  protected _item(address: string): Note {
    const s = this._resolve()!;
    return new Note(this.context, () => ({ sheet: s, address }), false, false);
  }

  add(cell: string | Range, content: string): Note {
    return new Note(
      this.context,
      () => {
        const s = this._resolve();
        if (!s) return null;
        let address: string;
        if (typeof cell === "string") address = cellAddress(cell);
        else {
          const t = cell._resolve();
          if (!t || t.ref.top !== t.ref.bottom || t.ref.left !== t.ref.right) throw new EmulatorError("InvalidArgument", "InvalidCellAddress: a note goes on one cell.");
          address = toA1(t.ref.top, t.ref.left);
        }
        if (s.protected && !s.protectionOptions.allowEditObjects) throw accessDenied(s.name, "NoteCollection.add");
        // A cell holds a note or a threaded comment, never both (Excel refuses the second).
        if (s.comments.has(address)) throw new EmulatorError("InvalidOperation", `The cell ${address} has a threaded comment; a note cannot be added to it.`);
        if (s.notes.has(address)) throw new EmulatorError("ItemAlreadyExists", `The cell ${address} already has a note.`);
        this.context.host._touch();
        s.notes.set(address, { content: String(content), author: "jixiao" });
        return { sheet: s, address };
      },
      true,
    );
  }

  getItem(key: string): Note {
    return new Note(this.context, () => this.lookup(key));
  }

  getItemOrNullObject(key: string): Note {
    return new Note(this.context, () => this.lookup(key), true);
  }

  getItemAt(index: number): Note {
    return new Note(this.context, () => {
      const s = this._resolve();
      if (!s) return null;
      const a = this._keys(s)[index];
      if (a === undefined) throw new EmulatorError("ItemNotFound", `No note at index ${index}.`);
      return { sheet: s, address: a };
    });
  }

  private lookup(key: string): NoteTarget | null {
    const s = this._resolve();
    if (!s) return null;
    const address = cellAddress(key);
    return s.notes.has(address) ? { sheet: s, address } : null;
  }
}

export class Note extends ClientObject<NoteTarget> {
  protected readonly _scalars = ["content", "authorName", "visible"] as const;

  protected _read(t: NoteTarget, prop: string): unknown {
    const n = noteOf(t);
    if (prop === "content") return n.content;
    if (prop === "authorName") return n.author;
    return false;
  }

  get content(): string {
    return this._get("content");
  }
  set content(c: string) {
    this._queue((t) => {
      const n = noteOf(t);
      if (t.sheet.protected && !t.sheet.protectionOptions.allowEditObjects) throw accessDenied(t.sheet.name, "Note.content");
      this.context.host._touch();
      n.content = String(c);
    });
  }
  get authorName(): string {
    return this._get("authorName");
  }

  delete(): void {
    this._queue((t) => {
      noteOf(t);
      if (t.sheet.protected && !t.sheet.protectionOptions.allowEditObjects) throw accessDenied(t.sheet.name, "Note.delete");
      this.context.host._touch();
      t.sheet.notes.delete(t.address);
    });
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
