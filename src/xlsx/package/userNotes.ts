import { writeNotes } from "./notes";
import { Package, relationshipsOf, REL, sameType } from "./opc";
import { attr, childrenOf, relIdOf, rootOf } from "./xml";

/** The notes a person left, written into a package as the person's own (never taken for the add-in's). */
export async function restoreNotes(bytes: Uint8Array, notes: Array<{ sheet: string; cell: string; text: string; author: string }>): Promise<Uint8Array> {
  if (notes.length === 0) return bytes;
  const pkg = await Package.open(bytes);
  const book = (await relationshipsOf(pkg, "")).find((r) => sameType(r.type, REL.officeDocument) && !r.external)?.target;
  const xml = book ? await pkg.read(book) : undefined;
  if (!book || xml === undefined) return bytes;
  const rels = await relationshipsOf(pkg, book);
  const sheets = childrenOf(xml, rootOf(xml)).find((c) => c.name === "sheets");
  for (const s of sheets ? childrenOf(xml, sheets) : []) {
    const name = attr(xml, s, "name") ?? "";
    const mine = notes.filter((n) => n.sheet === name);
    const part = rels.find((r) => r.id === relIdOf(xml, s))?.target;
    const sheetXml = part ? await pkg.read(part) : undefined;
    if (mine.length === 0 || !part || sheetXml === undefined) continue;
    const written = await writeNotes(pkg, part, sheetXml, mine.map((n) => ({ cell: n.cell, text: n.text, author: n.author || "作者" })));
    if (written.sheetXml !== sheetXml) pkg.write(part, written.sheetXml);
  }
  return pkg.bytes();
}
