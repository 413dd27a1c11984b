// Generated styles.xml parts for the property tests of its readers and of the fill's Styles: prefixed
// and plain names, several numFmts, fonts and cellXfs, self-closing and empty elements, an xf whose
// alignment is not its first child or comes twice, comments, processing instructions, CDATA, entities
// and white space in values, elements no reader knows at every depth.
import fc from "fast-check";

export const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

const value = fc.constantFrom("0", "1", "true", "false", "2", "14", "164", "165", " 7 ", "x", "1e1", "&#49;", "11", "10.5", "409", "410", "0.5", "&amp;");
const code = fc.constantFrom('0.00%', "yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;", "&quot;¥&quot;#,##0.00", "[Red]0.0", "@", "0.00 ", "a&#x9;b", "<![CDATA[x]]>");
const junk = fc.constantFrom("", "<!-- a note -->", "<?pi x?>", " \n ", "<ext uri=\"x\"><y/></ext>", "text", "<![CDATA[<xf/>]]>");

function el(p: string, name: string, attrs: string, kids: string[], selfClose: boolean): string {
  return selfClose && kids.length === 0 ? `<${p}${name}${attrs}/>` : `<${p}${name}${attrs}>${kids.join("")}</${p}${name}>`;
}

const part = (p: string) => {
  const numFmt = fc.tuple(fc.option(value), fc.option(code), fc.constantFrom("numFmt", "other"), junk).map(([id, c, n, j]) => j + el(p, n, `${id !== null ? ` numFmtId="${id}"` : ""}${c !== null && !c.startsWith("<!") ? ` formatCode="${c}"` : ""}`, [], true));
  const sz = fc.tuple(fc.constantFrom("sz", "b", "name"), fc.option(value)).map(([n, v]) => el(p, n, v !== null ? ` val="${v}"` : "", [], true));
  const font = fc.tuple(fc.constantFrom("font", "other"), fc.array(sz, { maxLength: 3 }), fc.boolean(), junk).map(([n, kids, sc, j]) => j + el(p, n, "", kids, sc));
  const alignment = fc.tuple(fc.constantFrom("alignment", "protection", "extLst"), fc.option(value), fc.boolean()).map(([n, v, sc]) => el(p, n, v !== null ? ` wrapText="${v}" horizontal="center"` : ' vertical="top"', sc ? [] : ["<x/>"], sc));
  const xf = fc.tuple(fc.constantFrom("xf", "xf", "xf", "other"), fc.option(value), fc.array(alignment, { maxLength: 3 }), fc.boolean(), junk).map(([n, id, kids, sc, j]) => j + el(p, n, `${id !== null ? ` numFmtId="${id}"` : ""} fontId="0"`, kids, sc));
  const section = fc.oneof(
    fc.tuple(fc.array(numFmt, { maxLength: 4 }), fc.boolean()).map(([k, sc]) => el(p, "numFmts", ` count="${k.length}"`, k, sc)),
    fc.tuple(fc.array(font, { maxLength: 3 }), fc.boolean()).map(([k, sc]) => el(p, "fonts", "", k, sc)),
    fc.tuple(fc.array(xf, { maxLength: 5 }), fc.boolean()).map(([k, sc]) => el(p, "cellXfs", "", k, sc)),
    fc.tuple(fc.array(xf, { maxLength: 2 }), fc.constantFrom("cellStyleXfs", "dxfs", "extLst")).map(([k, n]) => el(p, n, "", k, false)),
    junk,
  );
  return fc.tuple(fc.array(section, { maxLength: 7 }), fc.boolean(), fc.boolean()).map(
    ([kids, decl, empty]) => `${decl ? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' : ""}${empty ? `<${p}styleSheet ${NS}/>` : el(p, "styleSheet", ` ${p ? `xmlns:${p.slice(0, -1)}` : "xmlns"}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`, kids, false)}`,
  );
};

export const styles = fc.constantFrom("", "x:", "main:").chain(part);
