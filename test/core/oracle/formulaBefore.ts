// src/core/formula.ts as it was before its tokenizer read character codes and its parser climbed a
// table of precedence (regular expressions on each rest of the text, closures at each level): the
// oracle test/core/formula.test.ts holds the new evaluator to, on formulas generated and garbled.
import { columnNumber } from "../../../src/core/address";
import { fixedDecimal } from "../../../src/core/decimals";
import type { CellValue } from "../../../src/core/snapshot";

type Scalar = CellValue;

/**
 * The one formula evaluator: the formulas forms use for their figures (SUM, MIN, MAX, AVERAGE,
 * COUNT, ROUND, ROUNDDOWN, ROUNDUP, TRUNC, INT, ABS, IF, IFERROR, references and ranges, + - * / ^ %
 * and comparisons), which the engine computes where a file holds no result or a stale one
 * (src/core/recalc.ts), and the formulas of custom conditional formats (AND, OR, N, LEN, TRIM,
 * ISNUMBER, SEARCH), which the emulator evaluates. Anything else is reported as unsupported, never
 * guessed.
 */

export class FormulaError {
  constructor(readonly code: "#VALUE!" | "#DIV/0!" | "#NAME?" | "#NUM!") {}
}

type Val = Scalar | FormulaError;

export class UnsupportedFormula extends Error {}

interface Token {
  kind: "num" | "str" | "ident" | "op" | "(" | ")" | ",";
  text: string;
}

export function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '"') {
      let s = "";
      i++;
      for (;;) {
        if (i >= src.length) throw new UnsupportedFormula("unterminated string");
        if (src[i] === '"') {
          if (src[i + 1] === '"') {
            s += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        s += src[i++];
      }
      out.push({ kind: "str", text: s });
    } else if (/[0-9.]/.test(ch)) {
      const m = /^[0-9]*\.?[0-9]+(?:[eE][+-]?[0-9]+)?/.exec(src.slice(i));
      if (!m) throw new UnsupportedFormula(`bad number at ${i}`);
      out.push({ kind: "num", text: m[0] });
      i += m[0].length;
    } else if (/[A-Za-z_$]/.test(ch)) {
      const m = /^[A-Za-z_$][A-Za-z0-9_.$]*/.exec(src.slice(i))!;
      out.push({ kind: "ident", text: m[0] });
      i += m[0].length;
    } else if (ch === "(" || ch === ")" || ch === ",") {
      out.push({ kind: ch, text: ch });
      i++;
    } else {
      const two = src.slice(i, i + 2);
      if (two === "<=" || two === ">=" || two === "<>") {
        out.push({ kind: "op", text: two });
        i += 2;
      } else if ("=<>&+-*/^%:".includes(ch)) {
        out.push({ kind: "op", text: ch });
        i++;
      } else {
        throw new UnsupportedFormula(`unexpected '${ch}'`);
      }
    }
  }
  return out;
}

type Node =
  | { t: "lit"; v: Val }
  | { t: "ref"; row: number; col: number; absRow: boolean; absCol: boolean }
  | { t: "range"; from: { row: number; col: number }; to: { row: number; col: number } }
  | { t: "call"; name: string; args: Node[] }
  | { t: "bin"; op: string; a: Node; b: Node }
  | { t: "neg"; a: Node };

class Parser {
  private i = 0;
  constructor(private readonly toks: Token[]) {}

  parse(): Node {
    const n = this.comparison();
    if (this.i < this.toks.length) throw new UnsupportedFormula(`unexpected ${this.toks[this.i].text}`);
    return n;
  }

  private peek(): Token | undefined {
    return this.toks[this.i];
  }

  private take(kind: Token["kind"], text?: string): Token {
    const t = this.toks[this.i];
    if (!t || t.kind !== kind || (text !== undefined && t.text !== text)) throw new UnsupportedFormula(`expected ${text ?? kind}`);
    this.i++;
    return t;
  }

  private binary(next: () => Node, ops: string[]): Node {
    let a = next();
    for (let t = this.peek(); t && t.kind === "op" && ops.includes(t.text); t = this.peek()) {
      this.i++;
      a = { t: "bin", op: t.text, a, b: next() };
    }
    return a;
  }

  private comparison(): Node {
    return this.binary(() => this.concat(), ["=", "<>", "<", ">", "<=", ">="]);
  }

  private concat(): Node {
    return this.binary(() => this.additive(), ["&"]);
  }

  private additive(): Node {
    return this.binary(() => this.term(), ["+", "-"]);
  }

  private term(): Node {
    return this.binary(() => this.power(), ["*", "/"]);
  }

  private power(): Node {
    return this.binary(() => this.unary(), ["^"]);
  }

  private unary(): Node {
    const t = this.peek();
    if (t && t.kind === "op" && (t.text === "-" || t.text === "+")) {
      this.i++;
      const a = this.unary();
      return t.text === "-" ? { t: "neg", a } : a;
    }
    let n = this.primary();
    // A trailing % divides by 100 (=50% is 0.5).
    while (this.peek()?.kind === "op" && this.peek()!.text === "%") {
      this.i++;
      n = { t: "bin", op: "/", a: n, b: { t: "lit", v: 100 } };
    }
    return n;
  }

  private primary(): Node {
    const t = this.peek();
    if (!t) throw new UnsupportedFormula("unexpected end");
    if (t.kind === "num") {
      this.i++;
      return { t: "lit", v: Number(t.text) };
    }
    if (t.kind === "str") {
      this.i++;
      return { t: "lit", v: t.text };
    }
    if (t.kind === "(") {
      this.i++;
      const n = this.comparison();
      this.take(")");
      return n;
    }
    if (t.kind === "ident") {
      this.i++;
      if (this.peek()?.kind === "(") {
        this.i++;
        const args: Node[] = [];
        if (this.peek()?.kind !== ")") {
          args.push(this.comparison());
          while (this.peek()?.kind === ",") {
            this.i++;
            args.push(this.comparison());
          }
        }
        this.take(")");
        return { t: "call", name: t.text.toUpperCase(), args };
      }
      const up = t.text.toUpperCase();
      if (up === "TRUE" || up === "FALSE") return { t: "lit", v: up === "TRUE" };
      const ref = refOf(up);
      if (!ref) throw new UnsupportedFormula(`unknown name ${t.text}`);
      const colon = this.peek();
      if (colon?.kind === "op" && colon.text === ":") {
        this.i++;
        const end = this.take("ident");
        const to = refOf(end.text.toUpperCase());
        if (!to) throw new UnsupportedFormula(`a range ending in ${end.text}`);
        return { t: "range", from: { row: Math.min(ref.row, to.row), col: Math.min(ref.col, to.col) }, to: { row: Math.max(ref.row, to.row), col: Math.max(ref.col, to.col) } };
      }
      return ref;
    }
    throw new UnsupportedFormula(`unexpected ${t.text}`);
  }
}

function refOf(up: string): Extract<Node, { t: "ref" }> | null {
  const m = /^(\$?)([A-Z]{1,3})(\$?)(\d+)$/.exec(up);
  return m ? { t: "ref", col: columnNumber(m[2]), row: Number(m[4]), absCol: m[1] === "$", absRow: m[3] === "$" } : null;
}

interface EvalEnv {
  /** The value of a cell (a formula's cached result), null when empty. */
  cell(row: number, col: number): Scalar;
  /** Offset of the cell being evaluated from the rule's anchor (relative references move with it). */
  rowOffset?: number;
  colOffset?: number;
}

function num(v: Val): number | FormulaError {
  if (v instanceof FormulaError) return v;
  if (v === null) return 0;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  const n = Number(v.trim());
  return v.trim() !== "" && Number.isFinite(n) ? n : new FormulaError("#VALUE!");
}

function str(v: Val): string | FormulaError {
  if (v instanceof FormulaError) return v;
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

function bool(v: Val): boolean | FormulaError {
  if (v instanceof FormulaError) return v;
  if (v === null) return false;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  const up = v.toUpperCase();
  if (up === "TRUE" || up === "FALSE") return up === "TRUE";
  return new FormulaError("#VALUE!");
}

function compare(op: string, a: Val, b: Val): Val {
  if (a instanceof FormulaError) return a;
  if (b instanceof FormulaError) return b;
  // A blank compares as 0 against a number, as "" against text, as FALSE against a boolean.
  const blankAs = (x: Val, other: Val): Val => (x !== null ? x : typeof other === "number" ? 0 : typeof other === "boolean" ? false : "");
  const x = blankAs(a, b);
  const y = blankAs(b, a);
  const rank = (v: Val) => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);
  let c: number;
  if (rank(x) !== rank(y)) c = rank(x) - rank(y);
  else if (typeof x === "string" && typeof y === "string") c = x.toLowerCase().localeCompare(y.toLowerCase());
  else c = Number(x) - Number(y);
  switch (op) {
    case "=":
      return c === 0;
    case "<>":
      return c !== 0;
    case "<":
      return c < 0;
    case ">":
      return c > 0;
    case "<=":
      return c <= 0;
    default:
      return c >= 0;
  }
}

function evalNode(n: Node, env: EvalEnv): Val {
  switch (n.t) {
    case "lit":
      return n.v;
    case "ref":
      return env.cell(n.absRow ? n.row : n.row + (env.rowOffset ?? 0), n.absCol ? n.col : n.col + (env.colOffset ?? 0));
    case "range":
      // A range stands alone only where Excel would intersect it with the formula's row or column.
      throw new UnsupportedFormula("a range outside a function");
    case "neg": {
      const v = num(evalNode(n.a, env));
      return v instanceof FormulaError ? v : -v;
    }
    case "bin": {
      const a = evalNode(n.a, env);
      const b = evalNode(n.b, env);
      if (n.op === "&") {
        const x = str(a);
        const y = str(b);
        return x instanceof FormulaError ? x : y instanceof FormulaError ? y : x + y;
      }
      if (["+", "-", "*", "/", "^"].includes(n.op)) {
        const x = num(a);
        const y = num(b);
        if (x instanceof FormulaError) return x;
        if (y instanceof FormulaError) return y;
        if (n.op === "/" && y === 0) return new FormulaError("#DIV/0!");
        if (n.op === "^") {
          const p = x ** y;
          return Number.isFinite(p) ? p : new FormulaError("#NUM!");
        }
        return n.op === "+" ? x + y : n.op === "-" ? x - y : n.op === "*" ? x * y : x / y;
      }
      return compare(n.op, a, b);
    }
    case "call":
      return call(n.name, n.args, env);
  }
}

function call(name: string, args: Node[], env: EvalEnv): Val {
  const arg = (i: number) => (i < args.length ? evalNode(args[i], env) : null);
  switch (name) {
    case "AND":
    case "OR": {
      let acc = name === "AND";
      for (let i = 0; i < args.length; i++) {
        const b = bool(arg(i));
        if (b instanceof FormulaError) return b;
        acc = name === "AND" ? acc && b : acc || b;
      }
      return acc;
    }
    case "NOT": {
      const b = bool(arg(0));
      return b instanceof FormulaError ? b : !b;
    }
    case "IF": {
      const b = bool(arg(0));
      if (b instanceof FormulaError) return b;
      return b ? arg(1) : args.length > 2 ? arg(2) : false;
    }
    case "N": {
      const v = arg(0);
      return typeof v === "number" ? v : typeof v === "boolean" ? (v ? 1 : 0) : v instanceof FormulaError ? v : 0;
    }
    case "LEN": {
      const s = str(arg(0));
      return s instanceof FormulaError ? s : [...s].length;
    }
    case "TRIM": {
      const s = str(arg(0));
      return s instanceof FormulaError ? s : s.replace(/ +/g, " ").trim();
    }
    case "ISNUMBER":
      return typeof arg(0) === "number";
    case "ISBLANK":
      return args[0]?.t === "ref" && arg(0) === null;
    case "ISERROR":
      return arg(0) instanceof FormulaError;
    case "SEARCH":
    case "FIND": {
      const needle = str(arg(0));
      const hay = str(arg(1));
      if (needle instanceof FormulaError) return needle;
      if (hay instanceof FormulaError) return hay;
      const at = name === "SEARCH" ? hay.toLowerCase().indexOf(needle.toLowerCase()) : hay.indexOf(needle);
      return at < 0 ? new FormulaError("#VALUE!") : at + 1;
    }
    case "TRUE":
      return true;
    case "FALSE":
      return false;
    case "SUM":
    case "MIN":
    case "MAX":
    case "AVERAGE":
    case "COUNT": {
      const xs = numbersOf(args, env);
      if (xs instanceof FormulaError) return xs;
      if (name === "COUNT") return xs.length;
      if (name === "SUM") return xs.reduce((a, b) => a + b, 0);
      if (name === "AVERAGE") return xs.length === 0 ? new FormulaError("#DIV/0!") : xs.reduce((a, b) => a + b, 0) / xs.length;
      if (xs.length === 0) return 0;
      return name === "MIN" ? Math.min(...xs) : Math.max(...xs);
    }
    case "ROUND":
    case "ROUNDDOWN":
    case "ROUNDUP":
    case "TRUNC": {
      const x = num(arg(0));
      const d = args.length > 1 ? num(arg(1)) : 0;
      if (x instanceof FormulaError) return x;
      if (d instanceof FormulaError) return d;
      return roundTo(x, Math.trunc(d), name === "ROUND" ? "half" : name === "ROUNDUP" ? "up" : "down");
    }
    case "INT": {
      const x = num(arg(0));
      return x instanceof FormulaError ? x : Math.floor(Number(x.toPrecision(15)));
    }
    case "ABS": {
      const x = num(arg(0));
      return x instanceof FormulaError ? x : Math.abs(x);
    }
    case "IFERROR": {
      const v = arg(0);
      return v instanceof FormulaError ? arg(1) : v;
    }
    default:
      throw new UnsupportedFormula(`function ${name}`);
  }
}

/**
 * The numbers of SUM's arguments as Excel takes them: in ranges and references only numbers count
 * (text, booleans and blanks are passed over); a literal or computed argument counts as a number.
 */
function numbersOf(args: Node[], env: EvalEnv): number[] | FormulaError {
  const out: number[] = [];
  for (const a of args) {
    if (a.t === "range" || a.t === "ref") {
      const from = a.t === "range" ? a.from : { row: a.row, col: a.col };
      const to = a.t === "range" ? a.to : from;
      if ((to.row - from.row + 1) * (to.col - from.col + 1) > 100_000) throw new UnsupportedFormula("a range too large to walk");
      for (let r = from.row; r <= to.row; r++) {
        for (let c = from.col; c <= to.col; c++) {
          const v = env.cell(r, c);
          if (typeof v === "number") out.push(v);
        }
      }
      continue;
    }
    const v = num(evalNode(a, env));
    if (v instanceof FormulaError) return v;
    out.push(v);
  }
  return out;
}

/** ROUND, ROUNDUP, ROUNDDOWN and TRUNC on the decimal digits, as Excel rounds (2.675 → 2.68). */
function roundTo(x: number, digits: number, mode: "half" | "up" | "down"): number {
  const sign = x < 0 ? -1 : 1;
  const a = Math.abs(x);
  if (mode === "half" && digits >= 0) return sign * Number(fixedDecimal(a, digits));
  const scale = 10 ** digits;
  const scaled = Number((a * scale).toPrecision(15));
  const n = mode === "up" ? Math.ceil(scaled) : mode === "down" ? Math.floor(scaled) : Math.floor(scaled + 0.5);
  return (sign * n) / scale || 0;
}

/** Evaluate a formula ("=…"). Throws UnsupportedFormula for what this evaluator does not know. */
/** Excel's longest formula (its specifications and limits): a longer one no spreadsheet wrote. */
const MAX_FORMULA_LENGTH = 8192;

export function evaluateFormula(formula: string, env: EvalEnv): Val {
  const src = formula.startsWith("=") ? formula.slice(1) : formula;
  if (src.length > MAX_FORMULA_LENGTH) throw new UnsupportedFormula("longer than Excel allows");
  try {
    return evalNode(new Parser(tokenize(src)).parse(), env);
  } catch (e) {
    // A formula nested deeper than the stack holds (`((((…1…))))`, `1+1+…+1` thousands long) is one
    // the engine cannot compute, like any other it does not know: its cell is reported unchecked.
    if (e instanceof RangeError) throw new UnsupportedFormula("nested too deep to evaluate");
    throw e;
  }
}

/** A conditional-format rule applies where its formula gives TRUE or a non-zero number. */
export function ruleHolds(formula: string, env: EvalEnv): boolean {
  const v = evaluateFormula(formula, env);
  if (v instanceof FormulaError) return false;
  const b = bool(v);
  return b === true;
}
