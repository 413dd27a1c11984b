import fc from "fast-check";
import { MATCHERS, TABLE_CHAR } from "../../src/core/forms/columns";
import { analyzeSheet } from "../../src/core/engine";
import { openWorkbook } from "../../src/xlsx/package/workbook";
import { writeZip } from "../../src/xlsx/package/zip";
import { readWorkbookSnapshots } from "../../src/xlsx/readPackage";
import { formFree, markedStrings } from "../../src/xlsx/formFree";

/**
 * A sheet that can hold no form is not read cell by cell (formFree): held here to reading every sheet
 * whole, over workbooks whose forms write their header words every way a file can spell them.
 */

test("every header word that can start an indicator table (a first level, a name) holds TABLE_CHAR", () => {
  const starts = MATCHERS.filter(([role]) => role === "level1" || role === "name").map(([, m]) => m);
  const parts = ["一级", "二级", "三级", "指标", "目标", "名称", "内容", "指", "标", "级", "值", "(", "a", " "];
  fc.assert(
    fc.property(fc.array(fc.oneof(fc.constantFrom(...parts), fc.string({ maxLength: 2, unit: "grapheme" })), { maxLength: 5 }), (p) => {
      const key = p.join("");
      if (starts.some((m) => m(key))) expect(key).toContain(TABLE_CHAR);
    }),
    { numRuns: 20_000 },
  );
});

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** How a text cell is written: each way a program (or a hostile hand) spells its text. */
const WAYS = ["shared", "sharedEscaped", "sharedQuoted", "sharedSpaced", "sharedZero", "sharedPadded", "valueAttr", "inline", "inlineEscaped", "inlineCharRef", "inlineCdata", "formulaText", "formulaCharRef", "numberFormat"] as const;
type Way = (typeof WAYS)[number];

interface Book {
  strings: string[];
  /** Whether the styles hold a number format that shows the header word (style 1). */
  formatShows: boolean;
  sheets: string[];
}

/** A text cell written the given way (its shared string added to the book where it takes one). */
function textCell(book: Book, ref: string, text: string, way: Way): string {
  const shared = (t = text) => {
    let k = book.strings.indexOf(t);
    if (k < 0) k = book.strings.push(t) - 1;
    return k;
  };
  const spelled = (f: (ch: string) => string) => esc(text).split(TABLE_CHAR).join(f(TABLE_CHAR));
  switch (way) {
    case "shared":
      return `<c r="${ref}" t="s"><v>${shared()}</v></c>`;
    case "sharedEscaped":
      // The shared string itself holds the escape (_x6807_ for 标), as Excel writes a character it must.
      return `<c r="${ref}" t="s"><v>${shared(text.split(TABLE_CHAR).join(`_x${TABLE_CHAR.charCodeAt(0).toString(16).toUpperCase()}_`))}</v></c>`;
    case "sharedQuoted":
      return `<c r='${ref}' t='s'><v>${shared()}</v></c>`;
    case "sharedSpaced":
      return `<c r="${ref}" t = "s"><v>${shared()}</v></c>`;
    case "sharedZero":
      return `<c r="${ref}" t="s"><v>00${shared()}</v></c>`;
    case "sharedPadded":
      return `<c r="${ref}" t="s"><v> ${shared()}\n</v></c>`;
    case "valueAttr":
      return `<c r="${ref}" t="s"><v xml:space="preserve">${shared()}</v></c>`;
    case "inline":
      return `<c r="${ref}" t="inlineStr"><is><t>${esc(text)}</t></is></c>`;
    case "inlineEscaped":
      return `<c r="${ref}" t="inlineStr"><is><t>${spelled((c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`)}</t></is></c>`;
    case "inlineCharRef":
      return `<c r="${ref}" t="inlineStr"><is><t>${spelled((c) => `&#${c.charCodeAt(0)};`)}</t></is></c>`;
    case "inlineCdata":
      return `<c r="${ref}" t="inlineStr"><is><t><![CDATA[${text}]]></t></is></c>`;
    case "formulaText":
      return `<c r="${ref}" t="str"><f>"${esc(text)}"</f><v>${esc(text)}</v></c>`;
    case "formulaCharRef":
      // No stored result: the engine computes it from the formula's literal, spelled by reference.
      return `<c r="${ref}"><f>"${spelled((c) => `&#${c.charCodeAt(0)};`)}"</f></c>`;
    case "numberFormat":
      // A number shown through a format of literal text (a style for each header word: "<the word>").
      return book.formatShows && SHOWN.includes(text) ? `<c r="${ref}" s="${SHOWN.indexOf(text) + 1}"><v>1</v></c>` : `<c r="${ref}" t="s"><v>${shared()}</v></c>`;
  }
}

/** The header words the styles' formats show, style 1 onwards, where the book has them. */
const SHOWN = ["一级指标", "二级指标", "三级指标", "年度指标值"];
const HEADER = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析"];
const COLS = "ABCDEFGH";

/** A form whose header words are written `way`, its rows plain. */
function formSheet(book: Book, way: Way, rows: number): string {
  const header = HEADER.map((h, i) => textCell(book, `${COLS[i]}3`, h, h.includes(TABLE_CHAR) ? way : "shared")).join("");
  let body = `<row r="1">${textCell(book, "A1", "项目支出绩效自评表", "shared")}</row><row r="3">${header}</row>`;
  for (let r = 4; r < 4 + rows; r++) {
    body += `<row r="${r}">${textCell(book, `A${r}`, "产出", "shared")}${textCell(book, `B${r}`, "数量", "shared")}${textCell(book, `C${r}`, `项${r}`, "inline")}<c r="D${r}"><v>${r}</v></c><c r="E${r}"><v>${r - 1}</v></c><c r="F${r}"><v>10</v></c><c r="G${r}"><v>9</v></c></row>`;
  }
  body += `<row r="${4 + rows}">${textCell(book, `A${4 + rows}`, "总分", "shared")}<c r="F${4 + rows}"><v>${10 * rows}</v></c></row>`;
  return `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`;
}

/** Rows of data beside a form (a 资金明细): numbers, dates, texts without the header words; a stray cell written some way. */
function dataSheet(book: Book, rows: number, stray: { way: Way; text: string } | null, formula: boolean): string {
  let body = `<row r="1">${["日期", "摘要", "金额"].map((h, i) => textCell(book, `${COLS[i]}1`, h, "shared")).join("")}</row>`;
  for (let r = 2; r < 2 + rows; r++) {
    body += `<row r="${r}"><c r="A${r}"><v>${45000 + r}</v></c>${textCell(book, `B${r}`, `支付第${r}笔`, r % 2 ? "shared" : "inline")}<c r="C${r}"><v>${(r * 13.7).toFixed(2)}</v></c>`;
    // Small whole numbers, some the index of a marked shared string, in cells that are no shared strings.
    body += `<c r="D${r}"><v>${r % 12}</v></c>`;
    if (formula && r === 2) body += `<c r="E${r}"><f>SUM(C2:C3)</f><v>1</v></c>`;
    body += "</row>";
  }
  if (stray) body += `<row r="${rows + 3}">${textCell(book, `B${rows + 3}`, stray.text, stray.way)}</row>`;
  return `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`;
}

function pack(book: Book, fullCalc: boolean): Uint8Array {
  const enc = (s: string) => new TextEncoder().encode(s);
  const sheets = book.sheets.map((_, i) => i + 1);
  const numFmts = book.formatShows ? `<numFmts count="${SHOWN.length}">${SHOWN.map((w, k) => `<numFmt numFmtId="${164 + k}" formatCode="&quot;${w}&quot;"/>`).join("")}</numFmts>` : "";
  const xfs = ['<xf numFmtId="0"/>', ...SHOWN.map((_, k) => `<xf numFmtId="${book.formatShows ? 164 + k : 0}" applyNumberFormat="1"/>`)];
  const parts: Record<string, string> = {
    "[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
    "_rels/.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets.map((i) => `<sheet name="表${i}" sheetId="${i}" r:id="rId${i}"/>`).join("")}</sheets>${fullCalc ? '<calcPr fullCalcOnLoad="1"/>' : ""}</workbook>`,
    "xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((i) => `<Relationship Id="rId${i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i}.xml"/>`).join("")}<Relationship Id="rS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    "xl/styles.xml": `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${numFmts}<fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="${xfs.length}">${xfs.join("")}</cellXfs></styleSheet>`,
    "xl/sharedStrings.xml": `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${book.strings.length}">${book.strings.map((s) => `<si><t>${esc(s)}</t></si>`).join("")}</sst>`,
  };
  book.sheets.forEach((xml, i) => (parts[`xl/worksheets/sheet${i + 1}.xml`] = xml));
  return writeZip(Object.entries(parts).map(([name, text]) => ({ name, data: enc(text), time: 0, date: 33 })));
}

/** Every sheet's check, reading with the screen or every sheet whole; or the error either way met. */
async function results(bytes: Uint8Array, screen: boolean): Promise<{ results?: unknown[]; error?: string; empty?: boolean[] }> {
  try {
    const snaps = readWorkbookSnapshots(await openWorkbook(bytes), { screen });
    return { results: snaps.map((s) => analyzeSheet(s)), empty: snaps.map((s) => s.values.length === 0) };
  } catch (e) {
    return { error: `${(e as Error).constructor.name}: ${(e as Error).message}` };
  }
}

const sheetArb = fc.oneof(
  fc.record({ kind: fc.constant("form" as const), way: fc.constantFrom(...WAYS), rows: fc.integer({ min: 1, max: 6 }) }),
  fc.record({
    kind: fc.constant("data" as const),
    rows: fc.integer({ min: 1, max: 30 }),
    stray: fc.option(fc.record({ way: fc.constantFrom(...WAYS), text: fc.constantFrom("一级指标", "合计", "指标说明：见附件") }), { nil: null }),
    formula: fc.boolean(),
  }),
);

describe("a sheet that can hold no form reads as one without a form", () => {
  const tally = { screened: 0, formsFound: new Set<Way>() };

  test("every sheet's check equals reading every sheet whole, over forms spelling their header every way and data beside them", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(sheetArb, { minLength: 1, maxLength: 3 }), fc.boolean(), fc.boolean(), fc.boolean(), async (specs, formatShows, fullCalc, formFirst) => {
        const book: Book = { strings: [], formatShows, sheets: [] };
        // The form's strings first (as a workbook whose form came first numbers them), or the data's.
        const ordered = formFirst ? specs : [...specs].reverse();
        const made = ordered.map((s) => (s.kind === "form" ? formSheet(book, s.way, s.rows) : dataSheet(book, s.rows, s.stray, s.formula)));
        book.sheets = formFirst ? made : made.reverse();
        const bytes = pack(book, fullCalc);
        const screened = await results(bytes, true);
        const whole = await results(bytes, false);
        expect(screened.error).toBe(whole.error);
        expect(screened.results).toEqual(whole.results);
        screened.empty?.forEach((e, i) => {
          if (e && !whole.empty![i]) tally.screened++;
          const r = whole.results![i] as { kind: string };
          const spec = specs[i];
          if (spec.kind === "form" && r.kind !== "none" && (spec.way !== "numberFormat" || formatShows)) tally.formsFound.add(spec.way);
        });
      }),
      { numRuns: 300 },
    );
    // The property was about something: data sheets were passed over, and forms spelled every way were found.
    expect(tally.screened).toBeGreaterThan(20);
    expect([...tally.formsFound].sort()).toEqual([...WAYS].sort());
  });

  test("a damaged sheet of data is refused as reading it whole refuses it, in the same words", async () => {
    const damages: Array<(xml: string) => string> = [
      (x) => x.slice(0, Math.floor(x.length * 0.7)),
      (x) => x.replace("</row>", "</rov>"),
      (x) => x.replace("<sheetData>", '<!DOCTYPE x [<!ENTITY a "b">]><sheetData>'),
      (x) => x.replace('<c r="A2">', '<c r="A2" r="A2">'),
      (x) => x.replace("<sheetData>", "<sheetDat>").replace("</sheetData>", "</sheetDat>"),
      (x) => x.replace("<worksheet ", "<sheet ").replace("</worksheet>", "</sheet>"),
    ];
    const refused: boolean[] = [];
    for (const damage of damages) {
      const book: Book = { strings: [], formatShows: false, sheets: [] };
      book.sheets = [formSheet(book, "shared", 3), damage(dataSheet(book, 20, null, false))];
      const bytes = pack(book, false);
      const screened = await results(bytes, true);
      const whole = await results(bytes, false);
      expect({ error: screened.error, results: screened.results }).toEqual({ error: whole.error, results: whole.results });
      refused.push(screened.error !== undefined);
    }
    // Every one, the repeated attribute too (not well formed: XML 1.0 §3.1).
    expect(refused).toEqual([true, true, true, true, true, true]);
  });
});

describe("formFree", () => {
  const marked = markedStrings(["日期", "一级指标", "金额", "三级指标"]);

  test("marks the shared strings holding the character, and none when none does", () => {
    expect([...marked!]).toEqual([1, 3]);
    expect(markedStrings(["日期", "金额"])).toBeNull();
  });

  test.each([
    ["a marked shared string", '<c t="s"><v>1</v></c>', false],
    ["an unmarked shared string", '<c t="s"><v>2</v></c>', true],
    ["a number equal to a marked index", "<c><v>1</v></c>", true],
    ["a marked index with leading zeros", '<c t="s"><v>003</v></c>', false],
    ["a marked index with space around it", '<c t="s"><v> 3\n</v></c>', false],
    ["a marked index after a cell without a value", '<c t="s"/><c t="s"><v>3</v></c>', false],
    ["a value element with an attribute", '<c t="s"><v xml:space="preserve">1</v></c>', false],
    ["a prefixed value element", '<x:c t="s"><x:v>1</x:v></x:c>', false],
    ["a type quoted otherwise", "<c t='s'><v>1</v></c>", false],
    ["a type spaced otherwise", '<c t = "s"><v>1</v></c>', false],
    ["the character in an inline string", '<c t="inlineStr"><is><t>指标</t></is></c>', false],
    ["a character reference", '<c t="inlineStr"><is><t>&#26631;</t></is></c>', false],
    ["an escape", '<c t="inlineStr"><is><t>_x6807_</t></is></c>', false],
    ["the character in CDATA", '<c t="inlineStr"><is><t><![CDATA[指标]]></t></is></c>', false],
    ["text without it", '<c t="inlineStr"><is><t><![CDATA[合计]]></t></is></c><c><f>SUM(A1:A2)</f><v>3</v></c>', true],
  ])("%s", (_label, cells, free) => {
    expect(formFree(`<worksheet><sheetData><row>${cells}</row></sheetData></worksheet>`, marked)).toBe(free);
  });
});
