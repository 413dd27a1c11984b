import { writeNotes } from "./notes";
import { openWorkbook } from "./workbook";
import { splice } from "./xml";

/** The notes a person left, written into a package as the person's own (never taken for the add-in's). */
export async function restoreNotes(bytes: Uint8Array, notes: Array<{ sheet: string; cell: string; text: string; author: string }>): Promise<Uint8Array> {
  if (notes.length === 0) return bytes;
  const book = await openWorkbook(bytes).catch(() => null);
  if (!book) return bytes;
  const { pkg } = book;
  for (const { name, rel } of book.sheets) {
    const mine = notes.filter((n) => n.sheet === name);
    const part = rel && !rel.external && !rel.outside ? rel.target : undefined;
    const sheetXml = part ? await pkg.read(part) : undefined;
    if (mine.length === 0 || !part || sheetXml === undefined) continue;
    const written = await writeNotes(pkg, part, sheetXml, mine.map((n) => ({ cell: n.cell, text: n.text, author: n.author || "作者" })));
    if (written.sheetEdits.length > 0) pkg.write(part, splice(sheetXml, written.sheetEdits));
  }
  return pkg.bytes();
}
