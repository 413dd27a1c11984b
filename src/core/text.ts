/** Text normalisation shared by the header matcher and the value reader. */

/** Full-width ASCII variants (！ to ～) and the ideographic space become their ASCII forms. */
const HAS_FULL_WIDTH = /[\uff01-\uff5e\u3000]/;

const FULL_WIDTH = /[\uff01-\uff5e\u3000]/g;
const halfOf = (ch: string): string => (ch === "\u3000" ? " " : String.fromCharCode(ch.charCodeAt(0) - 0xfee0));

export function toHalfWidth(s: string): string {
  // One replace, not a string grown a character at a time: a drafted reason of sixty characters made
  // sixty strings, and a filled form's thousands of drafts are keyed.
  return HAS_FULL_WIDTH.test(s) ? s.replace(FULL_WIDTH, halfOf) : s;
}

/** For matching header words: half-width, no white space of any kind (line breaks included). */
const NEEDS_KEYING = /[\s\uff01-\uff5e\u3000]/;

export function headerKey(s: unknown): string {
  if (s === null || s === undefined) return "";
  const str = String(s);
  if (!NEEDS_KEYING.test(str)) return str;
  return toHalfWidth(str).replace(/\s+/g, "");
}

/**
 * Characters that act instead of showing: C0 and C1 controls (a cell may hold ESC sequences, stored
 * by Excel as _x001B_), and the invisible format characters — bidirectional overrides and isolates
 * (a sheet named "\u202Eslx.exe" shows as "exe.xls"), zero-width characters, the soft hyphen, the
 * byte-order mark. Shown as escapes wherever text from a workbook reaches a person.
 */
// eslint-disable-next-line no-control-regex -- these are exactly the characters that must not act
const ACTING = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/g;

export function visibleText(s: string): string {
  return s.replace(ACTING, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0").toUpperCase()}` : `\\u${code.toString(16).padStart(4, "0").toUpperCase()}`;
  });
}

/** Excel's limit on a cell's text (and a note's), in UTF-16 code units. */
export const EXCEL_CELL_LIMIT = 32_767;

/** Text cut to fit a cell, with a marker saying so and how long the whole was; never half a character. */
export function fitCell(s: string, limit = EXCEL_CELL_LIMIT): string {
  if (s.length <= limit) return s;
  const marker = `……【已截断：全文 ${s.length} 字 truncated, ${s.length} characters in all】`;
  let cut = limit - marker.length;
  const c = s.charCodeAt(cut - 1);
  if (c >= 0xd800 && c <= 0xdbff) cut--;
  return s.slice(0, cut) + marker;
}
