/** A1 addresses, 1-based rows and columns. */

const LETTERS: string[] = [];

export function columnLetters(col: number): string {
  if (col > 0 && col <= 16_384) return (LETTERS[col] ??= lettersOf(col));
  return lettersOf(col);
}

function lettersOf(col: number): string {
  let s = "";
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function toA1(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

export interface CellRef {
  row: number;
  col: number;
}

export function parseA1(address: string): CellRef {
  // The usual reference (letters then at most nine digits, G13) read in one pass, without a match
  // array for each; any other as the pattern reads it.
  const len = address.length;
  let col = 0;
  let i = 0;
  for (; i < len; i++) {
    const c = address.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  if (i > 0 && i < len && len - i <= 9) {
    let row = 0;
    let j = i;
    for (; j < len; j++) {
      const c = address.charCodeAt(j);
      if (c < 48 || c > 57) break;
      row = row * 10 + (c - 48);
    }
    if (j === len) return { col, row };
  }
  return parseA1ByPattern(address);
}

/** parseA1 as a regular expression reads it: `$` allowed, white space around trimmed. */
export function parseA1ByPattern(address: string): CellRef {
  const m = /^\$?([A-Za-z]+)\$?(\d+)$/.exec(address.trim());
  if (!m) throw new Error(`Not an A1 address: ${address}`);
  return { col: columnNumber(m[1]), row: Number(m[2]) };
}

/**
 * parseA1(address).col, for a reader of thousands of references: the usual one (letters then digits,
 * G13) read in one pass; any other as parseA1 reads it (or refuses it).
 */
export function columnOfA1(address: string): number {
  const len = address.length;
  let i = 0;
  for (let c = address.charCodeAt(0); (c >= 65 && c <= 90) || (c >= 97 && c <= 122); c = address.charCodeAt(++i));
  if (i === 0 || i === len) return parseA1(address).col;
  for (let j = i; j < len; j++) {
    const c = address.charCodeAt(j);
    if (c < 48 || c > 57) return parseA1(address).col;
  }
  return columnNumber(address.slice(0, i));
}

export interface RangeRef {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "A1:H1", "Sheet1!A1:H1" or a single cell. */
export function parseRange(range: string): RangeRef {
  const bare = range.includes("!") ? range.slice(range.lastIndexOf("!") + 1) : range;
  const [a, b] = bare.split(":");
  const p = parseA1(a);
  const q = b ? parseA1(b) : p;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

export function rangeToA1(r: RangeRef): string {
  const a = toA1(r.top, r.left);
  const b = toA1(r.bottom, r.right);
  return a === b ? a : `${a}:${b}`;
}
