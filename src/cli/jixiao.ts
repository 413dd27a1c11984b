#!/usr/bin/env node
import fs from "node:fs";
import path from "node:path";
import { checkWorkbook, type FileResult } from "../xlsx/checkWorkbook";
import { parseCli, UsageError, USAGE, type CliOptions } from "./args";
import { expandInputs } from "./inputs";
import { summaryCsv } from "./summaryCsv";
import { toJson, toText } from "./report";

function outPathFor(opts: CliOptions, file: string): string | undefined {
  if (!opts.fix && !opts.mark) return undefined;
  const suffix = opts.fix ? ".filled.xlsx" : ".marked.xlsx";
  const base = path.basename(file).replace(/\.xlsx$/i, "");
  if (!opts.out) return path.join(path.dirname(file), `${base}${suffix}`);
  if (opts.files.length > 1) {
    fs.mkdirSync(opts.out, { recursive: true });
    return path.join(opts.out, `${base}${suffix}`);
  }
  return opts.out;
}

export interface Io {
  out: { write(s: string): unknown };
  err: { write(s: string): unknown };
}

export async function main(argv: string[], io: Io = { out: process.stdout, err: process.stderr }): Promise<number> {
  let opts: CliOptions;
  try {
    opts = parseCli(argv);
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      io.err.write(`jixiao: ${(e as Error).message}\n\n${USAGE}`);
      return 2;
    }
    throw e;
  }
  if (opts.command === "help") {
    io.out.write(USAGE);
    return 0;
  }
  if (opts.command === "version") {
    io.out.write("jixiao 0.1.0\n");
    return 0;
  }
  opts.files = expandInputs(opts.files);
  const results: FileResult[] = [];
  const many = opts.files.length > 1;
  for (const [i, file] of opts.files.entries()) {
    if (many && !opts.quiet) {
      io.err.write(opts.lang === "zh-CN" ? `[${i + 1}/${opts.files.length}] 正在检查 ${file}\n` : `[${i + 1}/${opts.files.length}] checking ${file}\n`);
    }
    const out = outPathFor(opts, file);
    if (out && path.resolve(out) === path.resolve(file)) {
      results.push({
        file,
        error: { zh: "输出文件不能与原文件相同：原文件不会被改动。", en: "The output must differ from the input: the input is never modified." },
        sheets: [],
      });
      continue;
    }
    results.push(await checkWorkbook(file, { settings: opts.settings, ...(opts.fix ? { fixOut: out } : opts.mark ? { markOut: out } : {}) }));
  }
  io.out.write(opts.json ? `${JSON.stringify(toJson(results, opts.lang), null, 2)}\n` : `${toText(results, opts.lang)}\n`);
  if (opts.csv) {
    fs.writeFileSync(opts.csv, summaryCsv(results));
    if (!opts.json) io.out.write(opts.lang === "zh-CN" ? `汇总表已写出：${opts.csv}\n` : `Summary written to ${opts.csv}\n`);
  }
  if (results.some((r) => r.error)) return 2;
  if (results.some((r) => r.sheets.some((s) => s.findings.some((f) => f.severity === "error")))) return 1;
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`jixiao: 内部错误 internal error: ${(e as Error).stack ?? String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
