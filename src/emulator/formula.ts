import { columnNumber } from "../core/address";
import type { Scalar } from "./state";

/**
 * A small evaluator for the formulas of custom conditional formats: literals, cell references,
 * comparisons, & and + - * /, and the functions below. Enough for the add-in's own rules (AND, OR,
 * N, LEN, TRIM, ISNUMBER, SEARCH) and simple user rules; anything else is reported as unsupported.
 */

export class FormulaError {
  constructor(readonly code: "#VALUE!" | "#DIV/0!" | "#NAME?") {}
}

type Val = Scalar | FormulaError;

export class UnsupportedFormula extends Error {}

interface Token {
  kind: "num" | "str" | "ident" | "op" | "(" | ")" | ",";
  text: string;
}

function tokenize(src: string): Token[] {
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
      } else if ("=<>&+-*/".includes(ch)) {
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
    return this.binary(() => this.unary(), ["*", "/"]);
  }

  private unary(): Node {
    const t = this.peek();
    if (t && t.kind === "op" && (t.text === "-" || t.text === "+")) {
      this.i++;
      const a = this.unary();
      return t.text === "-" ? { t: "neg", a } : a;
    }
    return this.primary();
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
      const m = /^(\$?)([A-Z]{1,3})(\$?)(\d+)$/.exec(up);
      if (!m) throw new UnsupportedFormula(`unknown name ${t.text}`);
      return { t: "ref", col: columnNumber(m[2]), row: Number(m[4]), absCol: m[1] === "$", absRow: m[3] === "$" };
    }
    throw new UnsupportedFormula(`unexpected ${t.text}`);
  }
}

export interface EvalEnv {
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
      if (["+", "-", "*", "/"].includes(n.op)) {
        const x = num(a);
        const y = num(b);
        if (x instanceof FormulaError) return x;
        if (y instanceof FormulaError) return y;
        if (n.op === "/" && y === 0) return new FormulaError("#DIV/0!");
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
    default:
      throw new UnsupportedFormula(`function ${name}`);
  }
}

/** Evaluate a formula ("=…"). Throws UnsupportedFormula for what this evaluator does not know. */
export function evaluateFormula(formula: string, env: EvalEnv): Val {
  const src = formula.startsWith("=") ? formula.slice(1) : formula;
  return evalNode(new Parser(tokenize(src)).parse(), env);
}

/** A conditional-format rule applies where its formula gives TRUE or a non-zero number. */
export function ruleHolds(formula: string, env: EvalEnv): boolean {
  const v = evaluateFormula(formula, env);
  if (v instanceof FormulaError) return false;
  const b = bool(v);
  return b === true;
}
