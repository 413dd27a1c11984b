import fs from "node:fs";
import path from "node:path";

/** Excel's lock files (~$name.xlsx) sit beside open workbooks: never forms. */
const isWorkbookName = (name: string) => /\.xlsx$/i.test(name) && !name.startsWith("~$");

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name, "zh-CN"))) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(p));
    // Copies this command wrote earlier (--fix, --mark) are not forms to check again.
    else if (entry.isFile() && isWorkbookName(entry.name) && !/\.(filled|marked)\.xlsx$/i.test(entry.name)) out.push(p);
  }
  return out;
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
export function expandInputs(args: string[]): string[] {
  const out: string[] = [];
  for (const arg of args) {
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(arg);
    } catch {
      stat = undefined;
    }
    if (stat?.isDirectory()) {
      out.push(...walk(arg));
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
  return [...new Set(out)];
}

/** The same file named twice (another path, a link) is checked once. */
export function uniqueFiles(files: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const f of files) {
    let key: string;
    try {
      const st = fs.statSync(f);
      key = `${st.dev}:${st.ino}`;
    } catch {
      key = `missing:${path.resolve(f)}`;
    }
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  return out;
}
