#!/usr/bin/env node
// The jixiao command's entry. --help and --version answer at once, loading nothing else (a cold start
// is mostly module loading); everything else is in command.ts.
import fs from "node:fs";
import path from "node:path";
import type { Io } from "./command";
import { USAGE } from "./usage";

export type { Io } from "./command";

/** Set by the release's one-file build (webpack.cli.js), which has no package.json beside it. */
declare const __JIXIAO_VERSION__: string | undefined;

function version(): string {
  if (typeof __JIXIAO_VERSION__ === "string") return __JIXIAO_VERSION__;
  try {
    return (JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")) as { version: string }).version;
  } catch {
    return "unknown";
  }
}

/** Exactly `--help`, `-h`, `help`, nothing, `--version` or `-v`: answered without loading the checker. */
function answeredAtOnce(argv: string[], io: Io): number | null {
  if (argv.length === 0 || (argv.length === 1 && ["--help", "-h", "help"].includes(argv[0]))) {
    io.out.write(USAGE);
    return 0;
  }
  if (argv.length === 1 && (argv[0] === "--version" || argv[0] === "-v")) {
    io.out.write(`jixiao ${version()}\n`);
    return 0;
  }
  return null;
}

/**
 * --file-memory as written, for the worker started before the options are parsed; anything odd is
 * left to the parser (the worker is then started again with what it decides).
 */
function fileMemoryIn(argv: string[]): number | undefined {
  for (const [i, a] of argv.entries()) {
    const v = a === "--file-memory" ? argv[i + 1] : a.startsWith("--file-memory=") ? a.slice("--file-memory=".length) : undefined;
    if (v !== undefined) return /^\d+$/.test(v) ? Number(v) : undefined;
  }
  return undefined;
}

export async function main(argv: string[], io: Io = { out: process.stdout, err: process.stderr }): Promise<number> {
  const at = answeredAtOnce(argv, io);
  if (at !== null) return at;
  if (argv[0] === "check") {
    const { DEFAULT_MEMORY_MB, prestartWorker } = await import("./pool");
    prestartWorker(fileMemoryIn(argv) ?? DEFAULT_MEMORY_MB);
  }
  const { runMain } = await import("./command");
  return runMain(argv, io, version);
}

/** The command's process: exit code, and an internal error said as such. */
export function runCli(): void {
  // The reader of the report went away (`jixiao check 文件夹 | head`): stop quietly, as other commands
  // do, instead of a stack trace about a broken pipe.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
      // For npm run bench: the peak resident memory of the whole run, worker threads included.
      if (process.env.JIXIAO_REPORT_RSS) process.stderr.write(`maxRSS=${process.resourceUsage().maxRSS}\n`);
    },
    (e: unknown) => {
      process.stderr.write(`jixiao: 内部错误 internal error: ${(e as Error).stack ?? String(e)}\n`);
      process.exitCode = 2;
    },
  );
}

if (require.main === module) runCli();
