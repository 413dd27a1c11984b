// A batch's memory does not grow with its files: each file's result is reduced, as it comes, to what
// the outputs need (its report, spooled to a temporary file; its summary rows; its pairing keys) and
// then let go. The cross-check pairs sheets by those keys; only the files it pairs are read again,
// a group of paired files at a time, and their reports made anew with the differences found.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pairKeyOf, pairsOf, type PairKey } from "../core/crossCheck";
import type { Message } from "../core/rules/types";
import { summaryRows, type SummaryRow } from "../core/summaryRows";
import type { FileResult } from "../xlsx/checkWorkbook";
import type { Lang } from "./args";
import { textTrailer, toJson, toText } from "./report";

/** A place in the spool file. */
interface SpoolRef {
  pos: number;
  len: number;
}

/**
 * Rendered reports kept on disk until the batch is done, so that a thousand files cost no memory.
 * Written a run of reports at a time and read back a window at a time (a system call for each of
 * 5,000 reports was a tenth of the main thread's work in a batch): at most WRITE_RUN + READ_WINDOW
 * bytes are held.
 */
export class Spool {
  private readonly dir: string;
  private readonly fd: number;
  /** Bytes put so far, written or waiting. */
  private size = 0;
  /** Reports put and not yet written, from `written` on. */
  private waiting: Buffer[] = [];
  private waitingBytes = 0;
  private written = 0;
  /** The part of the file last read, and where it starts. */
  private window: Buffer = Buffer.alloc(0);
  private windowPos = 0;

  static readonly WRITE_RUN = 256 * 1024;
  static readonly READ_WINDOW = 1024 * 1024;

  constructor() {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-spool-"));
    this.fd = fs.openSync(path.join(this.dir, "reports"), "w+", 0o600);
  }

  put(text: string): SpoolRef {
    const bytes = Buffer.from(text, "utf8");
    const ref = { pos: this.size, len: bytes.length };
    this.size += bytes.length;
    this.waiting.push(bytes);
    this.waitingBytes += bytes.length;
    if (this.waitingBytes >= Spool.WRITE_RUN) this.flush();
    return ref;
  }

  get(ref: SpoolRef): string {
    this.flush();
    if (ref.pos < this.windowPos || ref.pos + ref.len > this.windowPos + this.window.length) {
      // From a little before: reports come in as the workers finish them, and are read in the files' order.
      const from = Math.max(0, ref.pos - Spool.READ_WINDOW / 8);
      const len = Math.min(Math.max(ref.pos + ref.len - from, Spool.READ_WINDOW), this.size - from);
      const bytes = Buffer.allocUnsafe(len);
      let got = 0;
      while (got < len) {
        const n = fs.readSync(this.fd, bytes, got, len - got, from + got);
        if (n === 0) break;
        got += n;
      }
      this.window = bytes.subarray(0, got);
      this.windowPos = from;
    }
    const at = ref.pos - this.windowPos;
    return this.window.toString("utf8", at, at + ref.len);
  }

  private flush(): void {
    if (this.waiting.length === 0) return;
    const run = this.waiting.length === 1 ? this.waiting[0] : Buffer.concat(this.waiting, this.waitingBytes);
    let done = 0;
    while (done < run.length) done += fs.writeSync(this.fd, run, done, run.length - done, this.written + done);
    this.written += run.length;
    this.waiting = [];
    this.waitingBytes = 0;
  }

  close(): void {
    fs.closeSync(this.fd);
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** What a batch keeps of a file. */
export interface FileDigest {
  file: string;
  error?: Message;
  /** A finding of severity error in any of its sheets. */
  failing: boolean;
  /** Its block of the readable report, or its object of the --json document. */
  report: SpoolRef;
  rows: SummaryRow[];
  /** One per sheet, for pairing declarations with self-evaluations. */
  keys: PairKey[];
}

/** The --json object of one file, as it sits inside the whole document (indented by four). */
function jsonItem(r: FileResult, lang: Lang): string {
  return JSON.stringify(toJson([r], lang).files[0], null, 2)
    .split("\n")
    .map((l) => `    ${l}`)
    .join("\n");
}

/**
 * What a batch keeps of a file, before its report is spooled: made where the file was checked (the
 * worker), so that only this crosses to the main thread, never the file's forms and evaluations.
 */
export interface DigestParts {
  file: string;
  error?: Message;
  failing: boolean;
  report: string;
  rows: SummaryRow[];
  keys: PairKey[];
  /** Where its copy went. */
  out?: string;
}

export interface DigestOptions {
  lang: Lang;
  json: boolean;
  keepRows: boolean;
}

export function digestParts(r: FileResult, { lang, json, keepRows }: DigestOptions): DigestParts {
  return {
    file: r.file,
    ...(r.error ? { error: r.error } : {}),
    failing: r.sheets.some((s) => s.findings.some((f) => f.severity === "error")),
    report: json ? jsonItem(r, lang) : toText([r], lang),
    rows: keepRows ? summaryRows([r]).map((row) => ({ ...row, result: null })) : [],
    keys: r.sheets.map((s) => pairKeyOf(r.file, s)),
    ...(r.out ? { out: r.out } : {}),
  };
}

/** A digest's report put in the spool. */
export function stored(p: DigestParts, spool: Spool): FileDigest {
  const { report, out: _out, ...rest } = p;
  return { ...rest, report: spool.put(report) };
}

export function digest(r: FileResult, spool: Spool, lang: Lang, json: boolean, keepRows: boolean): FileDigest {
  return stored(digestParts(r, { lang, json, keepRows }), spool);
}

/**
 * The readable report of the whole batch, in pieces read from the spool one file at a time: joined,
 * exactly what toText over every file would write. Written as it is read, the report of ten thousand
 * files is never held whole.
 */
export function* textChunks(digests: readonly FileDigest[], spool: Spool, lang: Lang): Generator<string> {
  for (const [i, d] of digests.entries()) yield i === 0 ? spool.get(d.report) : `\n${spool.get(d.report)}`;
  if (digests.length > 1) {
    const unreadable = digests.filter((d) => d.error).length;
    const withErrors = digests.filter((d) => !d.error && d.failing).length;
    yield `\n${textTrailer({ files: digests.length, unreadable, withErrors }, lang)}`;
  }
}

/** The --json document of the whole batch in pieces: joined, exactly what JSON.stringify(doc, null, 2) would write. */
export function* jsonChunks(digests: readonly FileDigest[], spool: Spool, skipped?: Array<{ path: string; reason: string }>): Generator<string> {
  if (digests.length === 0) yield '{\n  "files": []';
  else {
    yield '{\n  "files": [\n';
    for (const [i, d] of digests.entries()) yield i === 0 ? spool.get(d.report) : `,\n${spool.get(d.report)}`;
    yield "\n  ]";
  }
  if (skipped && skipped.length > 0) {
    yield `,\n  "skipped": ${JSON.stringify(skipped, null, 2)
      .split("\n")
      .map((l, i) => (i === 0 ? l : `  ${l}`))
      .join("\n")}`;
  }
  yield "\n}";
}

/** A stream's write, and its wait for room where it has one (a pipe to a slower reader). */
interface Sink {
  write(s: string): unknown;
  once?: (event: "drain", listener: () => void) => unknown;
}

/**
 * Pieces written in runs of about 64 KB, each waiting for the stream to take the last: what is held is
 * one run, not the whole report, however slowly the reader reads.
 */
export async function writeChunks(out: Sink, chunks: Iterable<string>): Promise<void> {
  let run = "";
  const flush = async () => {
    const more = out.write(run);
    run = "";
    if (more === false && typeof out.once === "function") await new Promise<void>((resolve) => out.once!("drain", resolve));
  };
  for (const c of chunks) {
    run += c;
    if (run.length >= 1 << 16) await flush();
  }
  if (run !== "") await flush();
}

/**
 * The files the cross-check ties together, in groups: two files are in one group when a sheet of
 * one is paired with a sheet of the other. Files in no pair are in no group. Each group lists its
 * files in batch order, with the pairs as indexes into the group's sheets (in the same order).
 */
export function pairedGroups(digests: readonly FileDigest[]): Array<{ files: number[]; pairs: Array<{ declared: number; stated: number }> }> {
  const keys: PairKey[] = [];
  const fileOf: number[] = [];
  const sheetNo: number[] = [];
  digests.forEach((d, i) =>
    d.keys.forEach((k, j) => {
      keys.push(k);
      fileOf.push(i);
      sheetNo.push(j);
    }),
  );
  const pairs = pairsOf(keys);
  const parent = digests.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
  for (const p of pairs) parent[root(fileOf[p.declared])] = root(fileOf[p.stated]);
  const groups = new Map<number, { files: number[]; pairs: Array<{ declared: number; stated: number }> }>();
  const inPair = new Set(pairs.flatMap((p) => [fileOf[p.declared], fileOf[p.stated]]));
  digests.forEach((_, i) => {
    if (!inPair.has(i)) return;
    const g = groups.get(root(i)) ?? { files: [], pairs: [] };
    g.files.push(i);
    groups.set(root(i), g);
  });
  for (const g of groups.values()) {
    // The group's sheets in order: each file's sheets, the files in batch order.
    const offset = new Map<number, number>();
    let n = 0;
    for (const f of g.files) {
      offset.set(f, n);
      n += digests[f].keys.length;
    }
    for (const p of pairs) {
      const fd = fileOf[p.declared];
      if (!offset.has(fd)) continue;
      g.pairs.push({ declared: offset.get(fd)! + sheetNo[p.declared], stated: offset.get(fileOf[p.stated])! + sheetNo[p.stated] });
    }
  }
  return [...groups.values()].sort((a, b) => a.files[0] - b.files[0]);
}
