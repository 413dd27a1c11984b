// Where copies go, and how they are written, so that nothing a person has is lost: a copy never
// lands on any input (compared as files: real paths, device and inode, case-insensitively where the
// file system is), never replaces an existing file unless --force, never collides with another
// copy of the same run, and appears only when complete (written beside its destination, then linked
// or renamed into place).
import fs from "node:fs";
import path from "node:path";

export interface Target {
  path: string;
  /** The name was chosen by jixiao (default or folder mode): a free name may replace it. */
  derived: boolean;
}

/** The file systems of Windows and macOS compare names without case. */
const CASE_INSENSITIVE = process.platform === "win32" || process.platform === "darwin";

/** The real path of a file that may not exist yet: its folder's real path and its own name. */
function realTarget(p: string): string {
  const abs = path.resolve(p);
  let real: string;
  try {
    real = fs.realpathSync.native(abs);
  } catch {
    let dir: string;
    try {
      dir = fs.realpathSync.native(path.dirname(abs));
    } catch {
      dir = path.dirname(abs);
    }
    real = path.join(dir, path.basename(abs));
  }
  return CASE_INSENSITIVE ? real.toLowerCase() : real;
}

/** Device and inode of an existing file (hard links share them), or null. */
function identity(p: string): string | null {
  try {
    const st = fs.statSync(p);
    return `${st.dev}:${st.ino}`;
  } catch {
    return null;
  }
}

/** Whether two paths are, or would be, the same file. */
export function sameFile(a: string, b: string): boolean {
  if (realTarget(a) === realTarget(b)) return true;
  const ia = identity(a);
  return ia !== null && ia === identity(b);
}

/** "a.filled.xlsx" → "a.filled (2).xlsx", "a.filled (3).xlsx", … until one is free. */
export function freeName(p: string, taken: (candidate: string) => boolean): string {
  if (!taken(p)) return p;
  const ext = path.extname(p);
  const stem = p.slice(0, p.length - ext.length);
  for (let i = 2; i < 10_000; i++) {
    const c = `${stem} (${i})${ext}`;
    if (!taken(c)) return c;
  }
  throw new Error(`no free name for ${p}`);
}

class OutputError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

/**
 * Write `bytes` to `target` as a whole: into a temporary file in the same folder first, then linked
 * into place, which fails if a file appeared there meanwhile (another run), or renamed over it with
 * `force`. On failure the temporary file is removed and nothing is left at the destination.
 */
export function writeWhole(target: string, bytes: Uint8Array, force: boolean): void {
  const dir = path.dirname(target);
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  try {
    fs.writeFileSync(tmp, bytes, { flag: "wx" });
    if (force) fs.renameSync(tmp, target);
    else {
      fs.linkSync(tmp, target);
      fs.unlinkSync(tmp);
    }
  } catch (e) {
    try {
      fs.unlinkSync(tmp);
    } catch {
      // never created, or already moved
    }
    throw explain(e, target);
  }
}

/** A file-system error as a person can read it. */
export function explain(e: unknown, target: string): OutputError {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case "EEXIST":
      return new OutputError(`${target} 已存在，未覆盖（如需覆盖请加 --force）。`, `${target} exists and was not overwritten (add --force to overwrite).`);
    case "ENOSPC":
      return new OutputError(`磁盘空间不足，未能写出 ${target}。`, `No space left on the disk; ${target} was not written.`);
    case "EACCES":
    case "EPERM":
    case "EROFS":
      return new OutputError(`没有写入权限，未能写出 ${target}。`, `No permission to write ${target}.`);
    case "ENOENT":
    case "ENOTDIR":
      return new OutputError(`文件夹不存在，未能写出 ${target}。`, `The folder does not exist; ${target} was not written.`);
    default:
      return new OutputError(`未能写出 ${target}（${code ?? (e as Error).message}）。`, `Could not write ${target} (${code ?? (e as Error).message}).`);
  }
}

interface PlanOptions {
  suffix: string;
  out?: string;
  force: boolean;
  /** More than one input: --out is a folder. */
  many: boolean;
  /** Files no copy may land on besides the inputs: those passed over, the run's other outputs. */
  avoid?: readonly string[];
}

/** `derived`: the name was chosen here, so it was free; the copy never replaces anything there. */
export type Planned = { file: string; target?: string; derived?: boolean; error?: { zh: string; en: string } };

/**
 * The copy of each input, decided before anything is written: never an input or a file to avoid,
 * never an existing file (a name jixiao chose is moved to a free one, --force or not; a name the
 * person gave is refused unless `force`), never the copy of another input of the same run.
 */
export function planTargets(files: string[], opts: PlanOptions): Planned[] {
  const reserved = new Set<string>();
  const avoid = opts.avoid ?? [];
  // Inputs looked up, not compared pairwise: a thousand copies plan in linear time. The same test
  // as sameFile: the real path, or the device and inode (a hard link).
  const inputReal = new Set<string>();
  const inputIds = new Set<string>();
  for (const f of [...files, ...avoid]) {
    inputReal.add(realTarget(f));
    const id = identity(f);
    if (id !== null) inputIds.add(id);
  }
  const isInput = (p: string) => {
    if (inputReal.has(realTarget(p))) return true;
    const id = identity(p);
    return id !== null && inputIds.has(id);
  };
  const taken = (p: string) => reserved.has(realTarget(p)) || isInput(p) || fs.existsSync(p);
  if (opts.out && opts.many) {
    try {
      fs.mkdirSync(opts.out, { recursive: true });
    } catch (e) {
      const err = explain(e, opts.out);
      return files.map((file) => ({ file, error: { zh: err.zh, en: err.en } }));
    }
  }
  return files.map((file) => {
    // The copy is the original package edited, so it keeps what the original is: its macros (.xlsm),
    // its being a template (.xltx, .xltm). It keeps the extension too.
    // A copy of an .xls, .ods or .et is an .xlsx (the report says so).
    const ext = /\.(xlsx|xlsm|xltx|xltm)$/i.exec(file)?.[1].toLowerCase() ?? "xlsx";
    const base = path.basename(file).replace(/\.(xlsx|xlsm|xltx|xltm|xls|ods|et)$/i, "");
    const suffix = opts.suffix.replace(/\.xlsx$/, `.${ext}`);
    const t: Target =
      opts.out && !opts.many
        ? { path: opts.out, derived: false }
        : { path: path.join(opts.out && opts.many ? opts.out : path.dirname(file), `${base}${suffix}`), derived: true };
    if (isInput(t.path)) {
      if (!t.derived) return { file, error: { zh: "输出文件不能是输入文件（原文件不会被改动）。", en: "The output cannot be an input file (inputs are never modified)." } };
    }
    if (!t.derived && !opts.force && fs.existsSync(t.path)) {
      return { file, error: { zh: `${t.path} 已存在，未覆盖（如需覆盖请加 --force）。`, en: `${t.path} exists and was not overwritten (add --force to overwrite).` } };
    }
    if (!t.derived && reserved.has(realTarget(t.path))) {
      return { file, error: { zh: "输出文件与本次的另一个输出相同。", en: "The output is another output of this run." } };
    }
    const chosen = t.derived ? freeName(t.path, taken) : t.path;
    reserved.add(realTarget(chosen));
    return { file, target: chosen, derived: t.derived };
  });
}
