// readStyles reads styles.xml in one pass of the scanner; held here equal to the two readings it
// replaced (test/xlsx/oracle/stylesBefore.ts) over generated parts: prefixed and plain names, several
// numFmts, fonts and cellXfs, self-closing and empty elements, an xf whose alignment is not its first
// child or comes twice, comments, processing instructions, CDATA, entities and white space in values,
// elements the reader does not know at every depth — and parts no reader may take (unclosed, crossed,
// a DOCTYPE, an undeclared entity), which both refuse.
import fc from "fast-check";
import { readStyles } from "../../src/xlsx/package/stylesRead";
import { childrenOf, forgetTexts, isKnownText, rootOf } from "../../src/xlsx/package/xml";
import { styleFormatsBefore, styleLayoutBefore } from "./oracle/stylesBefore";
import { NS, styles } from "./gen/stylesXml";


/** A generated part spoiled as a damaged file may be: a tag left open, crossed, a DOCTYPE, an undeclared entity. */
const spoiled = fc.tuple(styles, fc.constantFrom("cut", "cross", "doctype", "entity", "none")).map(([xml, how]) => {
  if (how === "cut") return xml.slice(0, Math.max(1, Math.floor(xml.length * 0.7)));
  if (how === "cross") return xml.replace(/<\/(\w+:)?xf>/, "</wrong>");
  if (how === "doctype") return `<!DOCTYPE s [<!ENTITY e "x">]>${xml}`;
  if (how === "entity") return xml.replace(/numFmtId="/, 'numFmtId="&bogus;');
  return xml;
});

/** What the readings before gave (the root is checked on its own below). */
const withoutRoot = ({ root: _root, children: _children, ...read }: ReturnType<typeof readStyles>) => read;

const outcome = <T>(f: () => T): { ok: T } | { threw: true } => {
  try {
    return { ok: f() };
  } catch {
    return { threw: true };
  }
};

describe("readStyles", () => {
  afterEach(() => forgetTexts());

  /** The part read both ways: the same reading, or refused by both. */
  const readAlike = (xml: string) => {
    const got = outcome(() => withoutRoot(readStyles(xml)));
    forgetTexts();
    expect(got).toEqual(outcome(() => ({ ...styleFormatsBefore(xml), ...styleLayoutBefore(xml) })));
  };

  it("reads what the two readings before it read, over generated styles parts", () => {
    fc.assert(fc.property(styles, readAlike), { numRuns: 3000 });
  });

  it("refuses what they refused, and reads what they read, over spoiled parts", () => {
    fc.assert(fc.property(spoiled, readAlike), { numRuns: 2000 });
  });

  it("leaves the part known well-formed with the root the scanner finds, for a fill to start from", () => {
    fc.assert(
      fc.property(styles, (xml) => {
        forgetTexts();
        const read = readStyles(xml);
        expect(isKnownText(xml)).toBe(true);
        // What the module keeps of the part (the root and its children as the one pass found them) …
        const kept = rootOf(xml);
        const keptChildren = childrenOf(xml, kept);
        expect(kept).toEqual(read.root);
        expect(keptChildren).toEqual(read.children);
        // … is what a walk of the part afresh finds.
        forgetTexts();
        const fresh = rootOf(xml);
        expect(kept).toEqual(fresh);
        expect(keptChildren).toEqual(childrenOf(xml, fresh));
      }),
      { numRuns: 1000 },
    );
  });

  it("reads a part of 60,000 cell formats in one walk", () => {
    const xfs = Array.from({ length: 60_000 }, (_, i) => `<xf numFmtId="${i % 3 === 0 ? 164 : 2}" fontId="0"${i % 2 ? "/>" : '><alignment wrapText="1"/></xf>'}`).join("");
    const xml = `<styleSheet ${NS}><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts><fonts><font><sz val="12"/></font></fonts><cellXfs>${xfs}</cellXfs></styleSheet>`;
    const r = readStyles(xml);
    expect(r.formatIds.length).toBe(60_000);
    expect(r.custom.get(164)).toBe("0.0%");
    expect(r.wraps.filter(Boolean).length).toBe(30_000);
    expect(r.fontSize).toBe(12);
  });
});
