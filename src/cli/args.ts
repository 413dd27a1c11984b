import { parseArgs } from "node:util";
import * as z from "../core/zod";
import { SettingsSchema, type SettingsInput } from "../core/settings";

export type Lang = "zh-CN" | "en-US";

export interface CliOptions {
  command: "check" | "clear" | "help" | "version";
  files: string[];
  json: boolean;
  lang: Lang;
  fix: boolean;
  /** With --fix: the copy to submit, without the add-in's marks and notes (earlier ones taken away too). */
  clean: boolean;
  out?: string;
  mark: boolean;
  /** A one-row-per-sheet summary written to this CSV file. */
  csv?: string;
  /** The reviewer's summary workbook. */
  summary?: string;
  quiet: boolean;
  /** Overwrite an existing --out file (never an input). */
  force: boolean;
  /** Worker threads checking files at once; each file has its own time and memory limit. */
  jobs?: number;
  fileTimeoutS?: number;
  fileMemoryMb?: number;
  settings: SettingsInput;
}

export class UsageError extends Error {}

/** A day: longer than any file takes, and far below the 2^31 − 1 ms a timer can wait. */
const MAX_FILE_TIMEOUT_S = 86_400;
const MAX_FILE_MEMORY_MB = 65_536;

const LangSchema = z.enum(["zh-CN", "en-US"]);

/** The options, as the parser takes them: also what a mistyped option is matched against. */
const OPTIONS = {
      json: { type: "boolean", default: false },
      lang: { type: "string" },
      fix: { type: "boolean", default: false },
      clean: { type: "boolean", default: false },
      mark: { type: "boolean", default: false },
      out: { type: "string", short: "o" },
      csv: { type: "string" },
      summary: { type: "string" },
      rounding: { type: "string" },
      reverse: { type: "string" },
      "over-threshold": { type: "string" },
      "cross-check": { type: "string" },
      "print-check": { type: "string" },
      plausibility: { type: "boolean", default: false },
      quiet: { type: "boolean", short: "q", default: false },
      force: { type: "boolean", default: false },
      jobs: { type: "string", short: "j" },
      "file-timeout": { type: "string" },
      "file-memory": { type: "string" },
      help: { type: "boolean", short: "h", default: false },
      version: { type: "boolean", short: "v", default: false },
} as const;

/** The edit distance of two option names (Levenshtein), for "did you mean". */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}

/** The valid option nearest to a mistyped one (`--fxi` → `--fix`), when one is near enough. */
export function nearestOption(typed: string): string | null {
  const name = typed.replace(/^-+/, "").split("=")[0];
  let best: { opt: string; d: number } | null = null;
  for (const [long, o] of Object.entries(OPTIONS)) {
    const d = Math.min(distance(name, long), "short" in o && name.length === 1 && o.short === name ? 0 : 99);
    if (!best || d < best.d) best = { opt: `--${long}`, d };
  }
  return best && best.d <= Math.max(2, Math.floor(name.length / 3)) ? best.opt : null;
}

/** Node's own parse errors (English) in one line of Chinese with English, naming the option and the nearest valid one. */
function usageOf(e: Error & { code?: string }): UsageError {
  const quoted = /'([^']+)'/.exec(e.message)?.[1] ?? "";
  const opt = /--[\w-]+/.exec(quoted)?.[0] ?? /-\w/.exec(quoted)?.[0] ?? quoted;
  if (e.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    const near = nearestOption(opt);
    return new UsageError(near ? `未知选项 ${opt}，是否要用 ${near}？（unknown option ${opt}; did you mean ${near}?）` : `未知选项 ${opt}（unknown option ${opt}）`);
  }
  if (/argument missing/.test(e.message)) return new UsageError(`选项 ${opt} 后面缺少值（${opt} needs a value）`);
  if (/does not take an argument/.test(e.message)) return new UsageError(`选项 ${opt} 不带值（${opt} takes no value）`);
  return new UsageError(`命令行有误：${opt || e.message}（${e.message}）`);
}

export function parseCli(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
  } catch (e) {
    if ((e as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) throw usageOf(e as Error & { code?: string });
    throw e;
  }
  const { values, positionals } = parsed;
  const lang = LangSchema.safeParse(values.lang ?? "zh-CN");
  if (!lang.success) throw new UsageError(`--lang 只能是 zh-CN 或 en-US（--lang takes zh-CN or en-US）: ${values.lang}`);
  if (values.help) return base("help");
  if (values.version) return base("version");
  // `jixiao 文件.xlsx` is `jixiao check 文件.xlsx`: the only command is check.
  const implicit = positionals.length > 0 && !["check", "clear", "help"].includes(positionals[0]) && (/\.(xlsx|xlsm|xltx|xltm|xls|ods|et)$/i.test(positionals[0]) || positionals[0] === "-" || /[\\/*?]/.test(positionals[0]));
  const [command, ...files] = implicit ? ["check", ...positionals] : positionals;
  if (!command || command === "help") return base("help");
  if (command !== "check" && command !== "clear") throw new UsageError(`未知命令 ${command}：命令是 check 或 clear（unknown command ${command}; the commands are check and clear）`);
  if (files.length === 0) throw new UsageError(command === "clear" ? "请给出要去掉标记的工作簿文件（give at least one workbook file）" : "请给出要检查的工作簿文件（give at least one workbook file）");
  if (command === "clear") {
    const notWith = (["fix", "mark", "clean", "csv", "summary", "rounding", "reverse", "over-threshold", "cross-check", "print-check", "plausibility"] as const).filter((k) => values[k] !== undefined && values[k] !== false);
    if (notWith.length > 0) {
      const named = notWith.map((k) => `--${k}`).join(" ");
      throw new UsageError(`clear 只去掉本程序的标记和批注，不与 ${named} 同用（clear only removes this program's marks and notes; drop ${named}）`);
    }
  }
  if (values.out && !values.fix && !values.mark && command !== "clear") throw new UsageError("--out 需与 --fix 或 --mark 一起使用（--out goes with --fix or --mark）");
  if (values.fix && values.mark) throw new UsageError("--fix 已包含标记，不能与 --mark 同用（--fix already marks; drop --mark）");
  if (values.clean && !values.fix) throw new UsageError("--clean 需与 --fix 一起使用：得到不带标记和批注的已填写副本（--clean goes with --fix: a filled copy without marks and notes）");

  const settings = z.partial(SettingsSchema).safeParse({
    rounding: values.rounding,
    reverseFormula: values.reverse,
    overachievementThreshold: values["over-threshold"] === undefined ? undefined : Number(values["over-threshold"]),
    crossCheckSeverity: values["cross-check"],
    printCheck: values["print-check"],
    ...(values.plausibility ? { plausibility: true } : {}),
  });
  if (!settings.success) {
    throw new UsageError(
      "设置无效（invalid setting）：--rounding truncate|half-up|up，--reverse ratio|deviation，--over-threshold 0 以上的数（e.g. 0.5），--cross-check warning|error，--print-check notice|warning|off",
    );
  }
  // Bounded above too: a timer past 2^31 − 1 ms fires at once, and a worker cannot have more memory than the machine.
  const whole = (name: string, v: string | undefined, min: number, max: number): number | undefined => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!/^\s*\d+\s*$/.test(v) || !Number.isInteger(n) || n < min || n > max) {
      throw new UsageError(`--${name} 需要 ${min} 到 ${max} 之间的整数（--${name} takes a whole number from ${min} to ${max}）: ${v}`);
    }
    return n;
  };
  const jobs = whole("jobs", values.jobs, 1, 256);
  const fileTimeoutS = whole("file-timeout", values["file-timeout"], 1, MAX_FILE_TIMEOUT_S);
  const fileMemoryMb = whole("file-memory", values["file-memory"], 64, MAX_FILE_MEMORY_MB);
  return {
    command,
    ...(jobs !== undefined ? { jobs } : {}),
    ...(fileTimeoutS !== undefined ? { fileTimeoutS } : {}),
    ...(fileMemoryMb !== undefined ? { fileMemoryMb } : {}),
    files,
    json: values.json,
    lang: lang.data,
    fix: values.fix,
    clean: values.clean,
    mark: values.mark,
    out: values.out,
    csv: values.csv,
    summary: values.summary,
    quiet: values.quiet,
    force: values.force,
    settings: settings.data,
  };

  function base(c: CliOptions["command"]): CliOptions {
    return { command: c, files: [], json: false, lang: lang.success ? lang.data : "zh-CN", fix: false, clean: false, mark: false, quiet: false, force: false, settings: {} };
  }
}

export { USAGE } from "./usage";
