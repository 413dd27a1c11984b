/** Text normalisation shared by the header matcher and the value reader. */

/** Full-width ASCII variants (！ to ～) and the ideographic space become their ASCII forms. */
const HAS_FULL_WIDTH = /[\uff01-\uff5e\u3000]/;

export function toHalfWidth(s: string): string {
  if (!HAS_FULL_WIDTH.test(s)) return s;
  let out = "";
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCodePoint(c - 0xfee0);
    else if (c === 0x3000) out += " ";
    else out += ch;
  }
  return out;
}

/** For matching header words: half-width, no white space of any kind (line breaks included). */
const NEEDS_KEYING = /[\s\uff01-\uff5e\u3000]/;

export function headerKey(s: unknown): string {
  if (s === null || s === undefined) return "";
  const str = String(s);
  if (!NEEDS_KEYING.test(str)) return str;
  return toHalfWidth(str).replace(/\s+/g, "");
}
