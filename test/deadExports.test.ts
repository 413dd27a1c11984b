/**
 * No dead exports in src/ (issue 17 §5): every name a module exports is named in some other file —
 * another module, a test, a script, the bench or the playground. An export nothing else names is a
 * file's own business and loses its `export`; a thing nothing uses at all is deleted.
 */
import fs from "node:fs";
import path from "node:path";

const ROOT = path.join(__dirname, "..");
const DIRS = ["src", "test", "scripts", "bench", "playground", "tools"];

function files(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" ? [] : files(p);
    return /\.(ts|tsx|js|mjs|cjs)$/.test(e.name) ? [p] : [];
  });
}

/** The names a module exports by declaration or in an `export { … }` list of its own. */
export function exportedNames(source: string): string[] {
  const names = new Set<string>();
  for (const m of source.matchAll(/^export\s+(?:declare\s+)?(?:async\s+)?(?:function\*?|const|let|class|interface|type|enum|abstract\s+class)\s+([A-Za-z_$][\w$]*)/gm)) names.add(m[1]);
  for (const m of source.matchAll(/^export\s*(?:type\s*)?\{([^}]*)\}(?!\s*from)/gm)) {
    for (const part of m[1].split(",")) {
      const name = part.trim().replace(/^type\s+/, "").split(/\s+as\s+/).pop();
      if (name) names.add(name);
    }
  }
  return [...names];
}

test("the scan sees declarations and export lists, and not re-exports from elsewhere", () => {
  expect(exportedNames('export function a() {}\nexport const b = 1;\nexport type C = 1;\nconst d = 1;\nexport { d as e };\nexport { f } from "./x";\n').sort()).toEqual(["C", "a", "b", "e"]);
});

test("every export of src/ is named in another file", () => {
  const all = DIRS.flatMap((d) => files(path.join(ROOT, d)));
  const text = new Map(all.map((f) => [f, fs.readFileSync(f, "utf8")]));
  const dead: string[] = [];
  for (const f of all.filter((x) => x.startsWith(path.join(ROOT, "src")) && /\.tsx?$/.test(x))) {
    for (const name of exportedNames(text.get(f)!)) {
      const re = new RegExp(`\\b${name.replace(/\$/g, "\\$")}\\b`);
      if (!all.some((g) => g !== f && re.test(text.get(g)!))) dead.push(`${path.relative(ROOT, f)}: ${name}`);
    }
  }
  expect(dead).toEqual([]);
});
