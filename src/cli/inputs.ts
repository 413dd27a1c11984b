import fs from "node:fs";
import path from "node:path";

/**
 * The workbooks this command reads: .xlsx, with macros (.xlsm), templates (.xltx, .xltm), and
 * Excel 97–2003 (.xls), OpenDocument (.ods) and WPS (.et) files.
 */
const WORKBOOK_EXT = /\.(xlsx|xlsm|xltx|xltm|xls|ods|et)$/i;
/** Excel's lock files (~$name.xlsx) sit beside open workbooks: never forms. */
const isWorkbookName = (name: string) => WORKBOOK_EXT.test(name) && !name.startsWith("~$");

/** What folder mode passed over, and why: told to the person, never silent. */
export interface Skipped {
  path: string;
  reason: { zh: string; en: string };
}

const NOT_A_FILE = { zh: "不是普通文件（管道、设备等），未打开", en: "not a regular file (a pipe, a device…); not opened" };

/** What a path is, following a symbolic link: a file, a folder, something else, or nothing. */
function kindOf(p: string): "file" | "dir" | "other" | "missing" {
  try {
    const st = fs.statSync(p);
    return st.isFile() ? "file" : st.isDirectory() ? "dir" : "other";
  } catch {
    return "missing";
  }
}

function walk(dir: string, skipped: Skipped[], ownCopy: RegExp, files: Set<string>): string[] {
  const out: string[] = [];
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "";
    skipped.push({ path: dir, reason: { zh: `无法打开文件夹（${code}）`, en: `the folder cannot be opened (${code})` } });
    return out;
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name, "zh-CN"))) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      out.push(...walk(p, skipped, ownCopy, files));
      continue;
    }
    if (!WORKBOOK_EXT.test(entry.name)) continue;
    // A link is followed to a workbook; a link to a folder is listed, not entered (it may lead back up).
    const kind = entry.isSymbolicLink() ? kindOf(p) : entry.isFile() ? "file" : "other";
    if (kind === "dir") skipped.push({ path: p, reason: { zh: "指向文件夹的链接，未进入", en: "a link to a folder; not entered" } });
    else if (kind === "missing") skipped.push({ path: p, reason: { zh: "链接指向的文件不存在", en: "a link to a file that does not exist" } });
    else if (kind === "other") skipped.push({ path: p, reason: NOT_A_FILE });
    else if (entry.name.startsWith("~$")) skipped.push({ path: p, reason: { zh: "Excel 的临时锁定文件", en: "an Excel lock file" } });
    // Copies this command wrote earlier (--fix, --mark, clear) are not forms to check again.
    else if (ownCopy.test(entry.name)) skipped.push({ path: p, reason: { zh: "本程序之前写出的副本", en: "a copy this command wrote earlier" } });
    else {
      out.push(p);
      if (kind === "file") files.add(p);
    }
  }
  return out;
}

/** The names of the copies this command writes with these suffixes (`x.filled.xlsx`, `x.filled (2).xlsx`). */
export function copiesOf(suffixes: string[]): RegExp {
  return new RegExp(`\\.(${suffixes.join("|")})( \\(\\d+\\))?\\.(xlsx|xlsm|xltx|xltm|xls|ods|et)$`, "i");
}

function globToRegExp(pattern: string): RegExp {
  const body = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${body}$`, "i");
}

/**
 * What the person named: files as given, every .xlsx under a folder, and `*` / `?` patterns in the
 * file name expanded here (Windows' command prompt passes them on unexpanded). A name that matches
 * nothing is kept, so that it is reported as missing.
 */
export function expandInputs(args: string[], skipped: Skipped[] = [], ownCopy: RegExp = copiesOf(["filled", "marked", "submit", "cleared"])): string[] {
  const out: string[] = [];
  // What a folder's listing or a link's target already showed to be a regular file (no stat again).
  const files = new Set<string>();
  for (const arg of args) {
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(arg);
    } catch {
      stat = undefined;
    }
    if (stat?.isDirectory()) {
      out.push(...walk(arg, skipped, ownCopy, files));
      continue;
    }
    const base = path.basename(arg);
    if (!stat && /[*?]/.test(base)) {
      const dir = path.dirname(arg);
      const re = globToRegExp(base);
      let names: string[] = [];
      try {
        names = fs.readdirSync(dir).filter((n) => re.test(n) && isWorkbookName(n)).sort((a, b) => a.localeCompare(b, "zh-CN"));
      } catch {
        names = [];
      }
      if (names.length > 0) {
        out.push(...names.map((n) => path.join(dir, n)));
        continue;
      }
    }
    out.push(arg);
  }
  // A pipe or a device named or matched is never opened: reading one can wait for ever.
  return [...new Set(out)].filter((p) => {
    if (files.has(p) || kindOf(p) !== "other") return true;
    skipped.push({ path: p, reason: NOT_A_FILE });
    return false;
  });
}

/**
 * The same file named twice (another path, a link) is checked once. `sizes`, when given, gets each
 * file's size as its stat tells it (the pool sends a file ahead only behind a small one).
 */
export function uniqueFiles(files: string[], sizes?: Map<string, number>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const f of files) {
    let key: string;
    try {
      const st = fs.statSync(f);
      key = `${st.dev}:${st.ino}`;
      sizes?.set(f, st.size);
    } catch {
      key = `missing:${path.resolve(f)}`;
    }
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  return out;
}
