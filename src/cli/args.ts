import { parseArgs } from "node:util";
import { z } from "zod";
import { SettingsSchema, type SettingsInput } from "../core/settings";

export type Lang = "zh-CN" | "en-US";

export interface CliOptions {
  command: "check" | "help" | "version";
  files: string[];
  json: boolean;
  lang: Lang;
  fix: boolean;
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
export const MAX_FILE_TIMEOUT_S = 86_400;
export const MAX_FILE_MEMORY_MB = 65_536;

const LangSchema = z.enum(["zh-CN", "en-US"]);

/** The options, as the parser takes them: also what a mistyped option is matched against. */
const OPTIONS = {
      json: { type: "boolean", default: false },
      lang: { type: "string" },
      fix: { type: "boolean", default: false },
      mark: { type: "boolean", default: false },
      out: { type: "string", short: "o" },
      csv: { type: "string" },
      summary: { type: "string" },
      rounding: { type: "string" },
      reverse: { type: "string" },
      "over-threshold": { type: "string" },
      "cross-check": { type: "string" },
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
  const implicit = positionals.length > 0 && positionals[0] !== "check" && positionals[0] !== "help" && (/\.(xlsx|xlsm|xltx|xltm|xls|ods|et)$/i.test(positionals[0]) || positionals[0] === "-" || /[\\/*?]/.test(positionals[0]));
  const [command, ...files] = implicit ? ["check", ...positionals] : positionals;
  if (!command || command === "help") return base("help");
  if (command !== "check") throw new UsageError(`未知命令 ${command}：唯一的命令是 check（unknown command ${command}; the command is check）`);
  if (files.length === 0) throw new UsageError("请给出要检查的工作簿文件（give at least one workbook file）");
  if (values.out && !values.fix && !values.mark) throw new UsageError("--out 需与 --fix 或 --mark 一起使用（--out goes with --fix or --mark）");
  if (values.fix && values.mark) throw new UsageError("--fix 已包含标记，不能与 --mark 同用（--fix already marks; drop --mark）");

  const settings = SettingsSchema.partial().safeParse({
    rounding: values.rounding,
    reverseFormula: values.reverse,
    overachievementThreshold: values["over-threshold"] === undefined ? undefined : Number(values["over-threshold"]),
    crossCheckSeverity: values["cross-check"],
    ...(values.plausibility ? { plausibility: true } : {}),
  });
  if (!settings.success) {
    throw new UsageError(
      "设置无效（invalid setting）：--rounding truncate|half-up|up，--reverse ratio|deviation，--over-threshold 0 以上的数（e.g. 0.5），--cross-check warning|error",
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
    command: "check",
    ...(jobs !== undefined ? { jobs } : {}),
    ...(fileTimeoutS !== undefined ? { fileTimeoutS } : {}),
    ...(fileMemoryMb !== undefined ? { fileMemoryMb } : {}),
    files,
    json: values.json,
    lang: lang.data,
    fix: values.fix,
    mark: values.mark,
    out: values.out,
    csv: values.csv,
    summary: values.summary,
    quiet: values.quiet,
    force: values.force,
    settings: settings.data,
  };

  function base(c: CliOptions["command"]): CliOptions {
    return { command: c, files: [], json: false, lang: lang.success ? lang.data : "zh-CN", fix: false, mark: false, quiet: false, force: false, settings: {} };
  }
}

export const USAGE = `绩效自评助手 jixiao — 检查财政项目支出绩效自评表、绩效目标表
(checks Chinese project performance self-evaluation and target forms)

用法 Usage:
  jixiao check <文件 | 文件夹 | *.xlsx | ->... [选项]     （check 可省略：jixiao 文件.xlsx）
  "-" 从标准输入读取一个工作簿（"-" reads one workbook from standard input）
  文件：.xlsx .xlsm .xltx .xltm .xls .ods .et（.xls/.ods/.et 的副本另存为 .xlsx）
  (files: .xlsx .xlsm .xltx .xltm .xls .ods .et; a copy of an .xls/.ods/.et is an .xlsx)
  文件夹：检查其中（含子文件夹）所有这些文件；通配符 * ? 由本程序展开
  (a folder: every such file in it and below; * and ? patterns are expanded by jixiao itself)

选项 Options:
  --json                 输出一个 JSON 文档（one JSON document on stdout）
  --lang zh-CN|en-US     报告语言，默认中文（report language, Chinese by default）
  --fix [-o, --out <路径>] 填写得分、总分、等级和偏差原因草稿并标记问题，写到副本；原文件不改动
                         (fill scores, total, grade and draft notes, mark problems, into a copy)
                         = 加载项的“填写得分”（the add-in's fill action）
                         默认副本：<原名>.filled.xlsx（已存在则另取 <原名>.filled (2).xlsx）；
                         多个文件时 --out 为文件夹；--out 指定的文件已存在时不覆盖（exit 2）
  --force                允许覆盖已存在的 --out 文件，以及本程序之前写出的 --summary / --csv 汇总
                         (overwrite an existing --out file, or a summary jixiao wrote earlier;
                         inputs, other workbooks and default copy names are never overwritten)
  --mark [--out <路径>]  只标记问题、不填写，= 加载项的“检查”（mark problems only, into a copy:
                         the add-in's check action）
  --summary <汇总.xlsx>  写出汇总工作簿：“汇总”每个绩效表一行、“问题清单”每个问题一行、“说明”
                         (the reviewer's summary workbook: 汇总, 问题清单, 说明)
  --csv <文件.csv>       另存一份汇总表：每个工作表一行（总分、等级、错误数、结论），Excel 可直接打开
                         (a one-row-per-sheet summary for reviewers, opens in Excel)
  --rounding truncate|half-up|up   两位小数的取舍方式，默认截位 truncate
  --reverse ratio|deviation        反向指标未完成时的计分公式，默认 ratio（分值×指标值/实际值）
  --over-threshold <比例>          超额完成需说明的幅度，默认 0.5（50%）
  --cross-check warning|error      自评表与同一项目的绩效目标表（同时检查时）对照的差异：默认警告
                                   (differences from the declared targets, when both are checked)
  --plausibility                   另做两项合理性提示（未经确认，默认不做）：执行率低于 60% 而指标得分率 ≥95%；
                                   执行率低于 80% 而评为“优”（two unconfirmed plausibility warnings）
  -j, --jobs <n>         同时检查的文件数，默认为 CPU 核数（files checked at once, one per core by default）
  --file-timeout <秒>    每个文件的检查时限，默认 120；超时的文件报告为“文件过大或结构异常”并跳过
  --file-memory <MB>     每个文件可用的内存，默认 2048（per-file time and memory limits; a file past
                         them is reported and skipped, the others are checked）
  -q, --quiet            不显示进度（no progress lines）
  -h, --help             显示本说明（show this help）
  -v, --version          显示版本（show the version）
  --                     其后的参数都是文件名，即使以 - 开头（file names that start with -）

退出码 Exit status: 0 无错误 no errors · 1 有错误 error findings
                   2 有文件无法读取或副本未能写出 a file could not be read or its copy written
`;
