// The command itself, loaded by jixiao.ts once --help and --version are out of the way.
import { crossCheckFiles, crossFindingsBySheet } from "../core/crossCheck";
import { resolveSettings } from "../core/settings";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FileResult } from "../xlsx/checkWorkbook";
import { parseCli, UsageError, type CliOptions } from "./args";
import { USAGE } from "./usage";
import { expandInputs, uniqueFiles, type Skipped } from "./inputs";
import { planTargets, sameFile, writeWhole, type Planned } from "./outputs";
import { isOwnSummary, refuseOutputs } from "./outputGuard";
import { checkInWorkers, defaultJobs, DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT_S, isDigest, workerScript, type Outcome } from "./pool";
import type { WorkerJob } from "./checkWorker";
import { CSV_HEADER, EARLIER_CSV_HEADERS, summaryCsvOf } from "./summaryCsv";
import { digest, digestParts, jsonChunks, pairedGroups, Spool, stored, textChunks, writeChunks, type FileDigest } from "./batch";
import { visible } from "./report";

/** The version in package.json (two folders up from src/cli and from dist/cli alike). */
export interface Io {
  out: { write(s: string): unknown };
  err: { write(s: string): unknown };
  /** Where `jixiao check -` reads its workbook (process.stdin by default). */
  stdin?: AsyncIterable<Uint8Array | string>;
}

/** How a workbook read from standard input is named in the report. */
const STDIN_NAME = "-";

/** `-`: the workbook on standard input, kept in a private temporary file for the worker to read. */
async function stdinFile(stdin: AsyncIterable<Uint8Array | string>): Promise<{ path: string; dir: string }> {
  const chunks: Buffer[] = [];
  for await (const c of stdin) chunks.push(typeof c === "string" ? Buffer.from(c, "binary") : Buffer.from(c));
  const bytes = Buffer.concat(chunks);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-stdin-"));
  // Named by what it is, so that an .xls or .ods on standard input is read as one.
  const { otherFormatOf } = await import("../xlsx/sniff");
  const ext = otherFormatOf("stdin", new Uint8Array(bytes)) ?? "xlsx";
  const file = path.join(dir, `stdin.${ext}`);
  fs.writeFileSync(file, bytes, { mode: 0o600 });
  return { path: file, dir };
}

export async function runMain(argv: string[], io: Io, version: () => string): Promise<number> {
  let opts: CliOptions;
  try {
    opts = parseCli(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      // One line that says what is wrong, and where help is: never the whole usage scrolling it away.
      io.err.write(`jixiao: ${(e as Error).message}\n请运行 jixiao --help 查看用法（run jixiao --help for usage）\n`);
      return 2;
    }
    throw e;
  }
  if (opts.command === "help") {
    io.out.write(USAGE);
    return 0;
  }
  if (opts.command === "version") {
    io.out.write(`jixiao ${version()}\n`);
    return 0;
  }
  const skipped: Skipped[] = [];
  let fromStdin: { path: string; dir: string } | null = null;
  if (opts.files.includes(STDIN_NAME)) {
    if ((opts.fix || opts.mark || opts.command === "clear") && !opts.out) {
      io.err.write("jixiao: 从标准输入读取时，--fix / --mark / clear 需要用 -o 指定副本文件（with -, --fix, --mark and clear need -o <file>）\n请运行 jixiao --help 查看用法（run jixiao --help for usage）\n");
      return 2;
    }
    fromStdin = await stdinFile(io.stdin ?? process.stdin);
    opts.files = opts.files.map((f) => (f === STDIN_NAME ? fromStdin!.path : f));
  }
  try {
    if (opts.command === "clear") {
      const { clearAll } = await import("./clear");
      return await clearAll(opts, io, skipped, fromStdin ? { path: fromStdin.path, name: STDIN_NAME } : null);
    }
    return await checkAll(opts, io, skipped, fromStdin, version);
  } finally {
    if (fromStdin) fs.rmSync(fromStdin.dir, { recursive: true, force: true });
  }
}

async function checkAll(opts: CliOptions, io: Io, skipped: Skipped[], fromStdin: { path: string } | null, version: () => string): Promise<number> {
  const named = opts.files;
  const sizes = new Map<string, number>();
  opts.files = uniqueFiles(expandInputs(opts.files, skipped), sizes);
  // An earlier summary of this program's inside a checked folder is not a form: passed over, and
  // said so. Any other workbook the outputs would land on is refused below, before anything is done.
  const summaryPath = opts.summary;
  const namedItself = (p: string) => named.some((a) => fs.existsSync(a) && fs.statSync(a).isFile() && sameFile(a, p));
  if (summaryPath && opts.files.some((f) => sameFile(f, summaryPath)) && !namedItself(summaryPath) && (await isOwnSummary(summaryPath))) {
    opts.files = opts.files.filter((f) => {
      if (!sameFile(f, summaryPath)) return true;
      skipped.push({ path: f, reason: { zh: "本程序写出的汇总工作簿", en: "the summary workbook this command writes" } });
      return false;
    });
  }
  const single = opts.out && opts.files.length <= 1 ? opts.out : undefined;
  const refusal = await refuseOutputs(
    { summary: opts.summary, csv: opts.csv, out: single, force: opts.force },
    opts.files,
    skipped.map((x) => x.path),
    [CSV_HEADER, ...EARLIER_CSV_HEADERS].map((h) => h.join(",")),
  );
  if (refusal) {
    io.err.write(`jixiao: ${visible(opts.lang === "zh-CN" ? `${refusal.zh}（${refusal.en}）` : refusal.en)}\n`);
    return 2;
  }
  const many = opts.files.length > 1;
  const copying = opts.fix || opts.mark;
  const planned = copying
    ? planTargets(opts.files, {
        suffix: opts.fix ? (opts.clean ? ".submit.xlsx" : ".filled.xlsx") : ".marked.xlsx",
        out: opts.out,
        force: opts.force,
        many,
        avoid: [...skipped.map((x) => x.path), ...[opts.summary, opts.csv].filter((x): x is string => x !== undefined)],
      })
    : opts.files.map((file): Planned => ({ file }));
  const progress = (i: number) => {
    if (!many || opts.quiet) return;
    const name = visible(planned[i].file);
    io.err.write(opts.lang === "zh-CN" ? `[${i + 1}/${planned.length}] 正在检查 ${name}\n` : `[${i + 1}/${planned.length}] checking ${name}\n`);
  };
  const jobs = planned.map((p) => ({
    file: p.file,
    size: sizes.get(p.file),
    settings: opts.settings,
    memoryMb: opts.fileMemoryMb ?? DEFAULT_MEMORY_MB,
    // A name jixiao chose was free when planned: it never replaces a file that appears there meanwhile.
    force: opts.force && !p.derived,
    ...(p.target ? (opts.fix ? { fixOut: p.target } : { markOut: p.target }) : {}),
    ...(opts.clean ? { clean: true } : {}),
  }));
  const script = workerScript();
  type Job = (typeof jobs)[number] & Pick<WorkerJob, "extraFindings" | "digest" | "reportAs" | "plannedError">;
  const runJobs = async (list: Job[], onStart: (i: number) => void, onResult: (i: number, r: Outcome) => void): Promise<void> => {
    if (script) {
      await checkInWorkers(script, list, {
        jobs: opts.jobs ?? defaultJobs(),
        timeoutMs: (opts.fileTimeoutS ?? DEFAULT_TIMEOUT_S) * 1000,
        memoryMb: opts.fileMemoryMb ?? DEFAULT_MEMORY_MB,
        onStart,
        onResult,
      });
      return;
    }
    // Run from the sources (the tests): in this process, one file after another.
    // ExcelJS and the readers load only when a file is checked here (--help and --version never load them).
    const { checkWorkbook } = await import("../xlsx/checkWorkbook");
    for (const [i, job] of list.entries()) {
      onStart(i);
      onResult(i, await checkWorkbook(job.file, { ...job, writeCopy: (target, bytes) => writeWhole(target, bytes, job.force) }));
    }
  };
  /** A result as the batch reports it: a copy that could not be planned says why; standard input is "-". */
  const asReported = (r: FileResult, i: number): FileResult => {
    let x = planned[i].error && !r.error ? { ...r, error: planned[i].error } : r;
    if (fromStdin && x.file === fromStdin.path) x = { ...x, file: STDIN_NAME };
    return x;
  };
  const settings = resolveSettings(opts.settings);
  const keepRows = opts.csv !== undefined || opts.summary !== undefined;
  const digestOpts = { lang: opts.lang, json: opts.json, keepRows };
  /** A job as the first pass runs it: its worker posts the file's digest, made as asReported would. */
  const digesting = (job: Job, i: number): Job => ({
    ...job,
    digest: digestOpts,
    ...(fromStdin && job.file === fromStdin.path ? { reportAs: STDIN_NAME } : {}),
    ...(planned[i].error ? { plannedError: planned[i].error } : {}),
  });
  const spool = new Spool();
  let peakHeap = 0;
  const reportHeap = !!process.env.JIXIAO_REPORT_HEAP;
  const digests: FileDigest[] = new Array(jobs.length);
  const outs: Array<string | undefined> = new Array(jobs.length);
  try {
    // Each file reduced to its report, rows and pairing keys as it comes; its forms are let go.
    await runJobs(jobs.map(digesting), progress, (i, r) => {
      // A worker's digest as it comes; a result (checked here, or a file a worker could not finish) digested here.
      const parts = isDigest(r) ? r : digestParts(asReported(r, i), digestOpts);
      outs[i] = parts.out;
      digests[i] = stored(parts, spool);
      if (reportHeap) {
        // What stays held once the file is digested (run with --expose-gc for a collection first).
        (globalThis as { gc?: () => void }).gc?.();
        peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
      }
    });
    // The cross-check (RULES-2 §10): the paired files read again, a group at a time, and reported anew.
    for (const group of pairedGroups(digests)) {
      // The same job again; a copy it wrote is this run's own file now, so it is replaced.
      const again = group.files.map((i): Job => ({ ...jobs[i], force: jobs[i].force || outs[i] !== undefined }));
      const full: FileResult[] = new Array(group.files.length);
      await runJobs(again, () => undefined, (k, r) => (full[k] = asReported(r as FileResult, group.files[k])));
      const crossed = crossCheckFiles(full, settings, group.pairs);
      for (const [k, i] of group.files.entries()) {
        let r = crossed[k];
        const extra = crossFindingsBySheet(r);
        // A copy of a form with differences from its declaration is made again with those marked too.
        if (copying && r.out && !r.error && Object.keys(extra).length > 0) {
          let redone: FileResult | undefined;
          await runJobs([{ ...again[k], force: true, extraFindings: extra }], () => undefined, (_, x) => (redone = x as FileResult));
          if (redone?.error) r = { ...r, error: redone.error };
        }
        digests[i] = digest(r, spool, opts.lang, opts.json, keepRows);
      }
    }
    const pick = (m: { zh: string; en: string }) => (opts.lang === "zh-CN" ? m.zh : m.en);
    if (opts.json) {
      await writeChunks(io.out, jsonChunks(digests, spool, skipped.length > 0 ? skipped.map((x) => ({ path: x.path, reason: pick(x.reason) })) : undefined));
      io.out.write("\n");
    } else {
      await writeChunks(io.out, textChunks(digests, spool, opts.lang));
      io.out.write("\n");
      if (skipped.length > 0) {
        io.out.write(opts.lang === "zh-CN" ? `未检查 ${skipped.length} 项：\n` : `Not checked (${skipped.length}):\n`);
        for (const x of skipped) io.out.write(visible(`  ${x.path}：${pick(x.reason)}`) + "\n");
      }
    }
  } finally {
    spool.close();
  }
  const rows = keepRows ? digests.flatMap((d) => d.rows) : [];
  // For the batch test and npm run bench: the main thread's heap as each file's result came in.
  if (reportHeap) io.err.write(`peakHeapMb=${Math.round(peakHeap / 2 ** 20)}\n`);
  if (opts.csv) {
    try {
      // An earlier CSV of this program's is replaced only with --force (refuseOutputs made sure).
      writeWhole(opts.csv, Buffer.from(summaryCsvOf(rows), "utf8"), opts.force);
      if (!opts.json) io.out.write(opts.lang === "zh-CN" ? `汇总表已写出：${visible(opts.csv)}\n` : `Summary written to ${visible(opts.csv)}\n`);
    } catch (e) {
      const m = e as { zh?: string; en?: string };
      io.err.write(`jixiao: ${opts.lang === "zh-CN" ? (m.zh ?? String(e)) : (m.en ?? String(e))}\n`);
      return 2;
    }
  }
  if (opts.summary) {
    try {
      const dir = path.dirname(path.resolve(opts.summary));
      const { summaryWorkbookOf } = await import("../xlsx/summaryWorkbook");
      const bytes = await summaryWorkbookOf(rows, {
        linkOf: (file) => (file === STDIN_NAME ? null : path.relative(dir, path.resolve(file)).split(path.sep).join("/")),
        madeAt: new Date(),
        version: version(),
        settings: resolveSettings(opts.settings),
      });
      // An earlier summary of this program's is replaced only with --force (refuseOutputs made sure).
      writeWhole(opts.summary, bytes, opts.force);
      if (!opts.json) io.out.write(opts.lang === "zh-CN" ? `汇总工作簿已写出：${visible(opts.summary)}\n` : `Summary workbook written to ${visible(opts.summary)}\n`);
    } catch (e) {
      const m = e as { zh?: string; en?: string };
      io.err.write(`jixiao: ${opts.lang === "zh-CN" ? (m.zh ?? String(e)) : (m.en ?? String(e))}\n`);
      return 2;
    }
  }
  if (digests.some((d) => d.error)) return 2;
  if (digests.some((d) => d.failing)) return 1;
  return 0;
}
