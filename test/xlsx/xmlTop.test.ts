// The edit layer keeps the last document's root and children (src/xlsx/package/xml.ts): asked about
// another text, even one whose root spans the same characters, it answers for that text.
import { childrenOf, rootOf } from "../../src/xlsx/package/xml";
import { isProtected, legacyDrawingId } from "../../src/xlsx/package/sheetXml";

test("children are the asked text's, not the last one's, and a caller's changes to the list do not stay", () => {
  const a = "<r><a/><b/></r>";
  const b = "<r><c/><d/></r>";
  expect(childrenOf(a, rootOf(a)).map((e) => e.name)).toEqual(["a", "b"]);
  expect(childrenOf(b, rootOf(b)).map((e) => e.name)).toEqual(["c", "d"]);
  const again = childrenOf(b, rootOf(b));
  again.pop();
  expect(childrenOf(b, rootOf(b)).map((e) => e.name)).toEqual(["c", "d"]);
  // A text asked for again after another is read anew, and still well-formed or refused.
  expect(childrenOf(a, rootOf(a)).map((e) => e.name)).toEqual(["a", "b"]);
  expect(() => rootOf("<r><a></b></r>")).toThrow();
});

test("a sheet without the words is neither protected nor drawn on; with them, as written (a prefix too)", () => {
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  expect(isProtected(`<worksheet ${ns}><sheetData/></worksheet>`)).toBe(false);
  expect(isProtected(`<worksheet ${ns}><sheetData/><sheetProtection sheet="1"/></worksheet>`)).toBe(true);
  expect(isProtected(`<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData/><x:sheetProtection sheet="true"/></x:worksheet>`)).toBe(true);
  // The word in a cell's text is not the element.
  expect(isProtected(`<worksheet ${ns}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>sheetProtection</t></is></c></row></sheetData></worksheet>`)).toBe(false);
  expect(legacyDrawingId(`<worksheet ${ns}><sheetData/></worksheet>`)).toBeUndefined();
  expect(legacyDrawingId(`<worksheet ${ns}><sheetData/><legacyDrawing r:id="rId7"/></worksheet>`)).toBe("rId7");
});
