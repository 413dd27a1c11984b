// The package reader reads a row with no cells, `<row r="40" ht="15" customHeight="1"/>`, straight from
// the document (plainEmptyRow in src/xlsx/readPackage.ts) and any other row through the XML scanner.
// The two must read alike: the same sheet with every row's name prefixed (`<x:row …>`, which only the
// scanner reads, as a row) gives the same snapshot, row heights and hidden rows included,
// or is refused alike — over rows written with their attributes in any order, either quote, white
// space and line breaks between, `>` and `/` inside values, values with
// references and tabs, malformed tags (a name written twice among them), prefixed names, and rows
// with cells among them.
import fc from "fast-check";
import JSZip from "jszip";
import { readPackageSnapshots } from "../../src/xlsx/readPackage";

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

async function book(rows: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`);
  zip.file("_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  zip.file("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS}><sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>`);
  zip.file("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`);
  zip.file("xl/worksheets/sheet1.xml", `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData>${rows}</sheetData><mergeCells count="1"><mergeCell ref="A1:A60"/></mergeCells></worksheet>`);
  return zip.generateAsync({ type: "uint8array" });
}

const space = fc.constantFrom(" ", "  ", "\n", "\r\n ", "\t");
const attrName = fc.constantFrom("ht", "customHeight", "hidden", "spans", "s", "customFormat", "x14ac:dyDescent", "rr", "h", "HT");
/** Values as writers put them, with references and white space (which the scanner decodes and normalises). */
const attrValue = fc.constantFrom("1", "15", "20.25", "0", "true", "false", "1:8", "a>b", "x/y", "&#49;", "&#49;8", "1&amp;", "1\t2", "", "409", "-3", "2e1", "18.75", " 1", "tru&#101;");

/** One attribute as written: white space before it, its name, `=` with white space around, either quote. */
const attribute = fc.tuple(space, attrName, fc.constantFrom("=", " = ", "=\n"), fc.constantFrom('"', "'"), attrValue).map(([sp, n, eq, q, v]) => ({ name: n, text: `${sp}${n}${eq}${q}${v}${q}` }));

/** A well-formed row: empty and self-closing (the fast path's), or with a cell, or prefixed; its number written or not. */
const row = (n: number) =>
  fc
    .tuple(fc.uniqueArray(attribute, { selector: (a) => a.name, maxLength: 6 }), fc.constantFrom("r", "r", "none", "ref"), fc.constantFrom("/>", "/>", "/>", " />", "\n/>", "></row>", `><c r="B${n}"><v>1</v></c></row>`), fc.constantFrom("row", "row", "row", "x:row"))
    .map(([attrs, numbered, end, name]) => {
      const r = numbered === "r" ? ` r="${n}"` : numbered === "ref" ? ` r="&#${48 + (n % 10)};${n >= 10 ? "" : ""}"` : "";
      const close = name === "x:row" ? end.replace("</row>", "</x:row>") : end;
      return `<${name}${r}${attrs.map((a) => a.text).join("")}${close}`;
    });

const sheetRows = fc.integer({ min: 1, max: 9 }).chain((count) => fc.tuple(...Array.from({ length: count }, (_, k) => row(k + 1))));

/** The rows with their names prefixed, `<x:row …>`: read by the scanner (as `row`), none straight. */
const slowed = (rows: string[]) => rows.map((r) => r.replace(/^<row\b/, "<x:row").replace(/<\/row>$/, "</x:row>")).join("");

const outcome = async (bytes: Uint8Array) => {
  try {
    const [s] = await readPackageSnapshots(bytes);
    return { layout: s.layout?.rows ?? null, values: s.values, origin: s.origin };
  } catch (e) {
    return { refused: (e as Error).constructor.name };
  }
};

describe("rows read straight from the document", () => {
  it("read as the scanner reads them, over generated rows", async () => {
    await fc.assert(
      fc.asyncProperty(sheetRows, async (rows) => {
        const fast = await outcome(await book(rows.join("")));
        const slow = await outcome(await book(slowed(rows)));
        expect(fast).toEqual(slow);
      }),
      { numRuns: 600 },
    );
  });

  it("rows that repeat one tag but for their number (the rows below a form), some written otherwise among them: read as the scanner reads them", async () => {
    // A few tags' rests after the number, valid and not (a name twice, no space, a reference, cells); each row takes one.
    const rest = fc.oneof(
      fc.uniqueArray(attribute, { selector: (a) => a.name, maxLength: 5 }).map((attrs) => `"${attrs.map((a) => a.text).join("")}/>`),
      fc.constantFrom('" ht="15" ht="16"/>', '"ht="15"/>', '" r="3"/>', '" ht="1&amp;5"/>', '" ht="15"><c r="A1"><v>1</v></c></row>', '" ht="15" customHeight="1"/>', '"/>'),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(rest, { minLength: 1, maxLength: 3 }), fc.array(fc.nat(), { minLength: 1, maxLength: 30 }), async (rests, picks) => {
        const rows = picks.map((k, n) => `<row r="${n + 1}${rests[k % rests.length]}`);
        const fast = await outcome(await book(rows.join("")));
        const slow = await outcome(await book(slowed(rows)));
        expect(fast).toEqual(slow);
      }),
      { numRuns: 300 },
    );
  });

  it("reads most generated sheets (so the comparison is of rows read, not of refusals)", async () => {
    const sample = fc.sample(sheetRows, { numRuns: 200, seed: 7 });
    let read = 0;
    for (const rows of sample) if (!("refused" in (await outcome(await book(rows.join("")))))) read++;
    expect(read).toBeGreaterThan(180);
  });

  it.each([
    ["an undeclared entity", '<row r="1" x="&bogus;"/>'],
    ["a / apart from its >", '<row r="1" ht="15"/ >'],
    ["an attribute without a value", '<row r="1" a/>'],
    ["an unterminated value", '<row r="1" ht="15/><row r="2"/>'],
    ["a < in a value", '<row r="1" x="<"/>'],
    ["no white space between attributes", '<row r="1"ht="15"/>'],
    ["a row number that reads as none", '<row r="x"/>'],
    ["a name written twice", '<row r="1" ht="15" ht="16"/>'],
    ["a name the reader does not use written twice", '<row r="1" spans="1:8" s="0" spans="1:8"/>'],
    ["r written twice", '<row r="1" r="9"/>'],
    ["a name that is not one", '<row r="1" 1ht="15"/>'],
  ])("a row with %s: read or refused as the scanner reads it", async (_what, bad) => {
    const rows = ['<row r="1" ht="15"/>', bad.replace('r="1"', 'r="2"'), '<row r="3"/>'];
    expect(await outcome(await book(rows.join("")))).toEqual(await outcome(await book(slowed(rows))));
  });

  it.each([
    ['<row r="2" ht="15" ht="16"/>'],
    ['<row r="2" spans="1:8" s="0" spans="1:8"/>'],
    ['<row r="2" r="9"/>'],
    ['<row r="2" 1ht="15"/>'],
    ['<row r="2"ht="15"/>'],
  ])("%s is not well formed: refused, on either path", async (bad) => {
    const rows = ['<row r="1" ht="15"/>', bad, '<row r="3"/>'];
    expect(await outcome(await book(rows.join("")))).toHaveProperty("refused");
    expect(await outcome(await book(slowed(rows)))).toHaveProperty("refused");
  });

  it("a sheet of empty rows given heights: each height read", async () => {
    const rows = Array.from({ length: 50 }, (_, k) => `<row r="${k + 1}" spans="1:8" s="1" customFormat="1" ht="${15 + (k % 4)}" customHeight="1"${k % 7 === 0 ? ' hidden="1"' : ""}/>`).join("");
    const [s] = await readPackageSnapshots(await book(rows));
    expect(s.layout!.rows.length).toBe(50);
    expect(s.layout!.rows[9]).toEqual({ row: 10, height: 16, fixed: true });
    expect(s.layout!.rows[7]).toEqual({ row: 8, height: 18, fixed: true, hidden: true });
  });
});
