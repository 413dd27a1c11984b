// No import circle in src/ (issue 17 §3): type imports count too, since a circle held only by
// `import type` lines is one value import away from a module being undefined at load. The graph is
// read from the sources: import / export … from, import(), require().
import fs from "node:fs";
import path from "node:path";

const SRC = path.join(__dirname, "..", "src");

/** Circles still to be taken apart, by their files: none. */
const KNOWN: string[][] = [];

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

function graph(): Map<string, string[]> {
  const g = new Map<string, string[]>();
  for (const f of sources(SRC)) {
    const text = fs.readFileSync(f, "utf8");
    const deps = new Set<string>();
    for (const m of text.matchAll(/(?:import|export)\s[^'"]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|require\(\s*["']([^"']+)["']\s*\)|import\s+["']([^"']+)["']/g)) {
      const spec = m[1] ?? m[2] ?? m[3] ?? m[4];
      if (!spec.startsWith(".")) continue;
      const base = path.resolve(path.dirname(f), spec);
      const hit = [`${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")].find((c) => fs.existsSync(c));
      if (hit) deps.add(hit);
    }
    g.set(f, [...deps]);
  }
  return g;
}

/** Strongly connected components of more than one file (Tarjan). */
export function circles(g: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    on.add(v);
    for (const w of g.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const c: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        c.push(w);
      } while (w !== v);
      if (c.length > 1) out.push(c.map((x) => path.relative(SRC, x).split(path.sep).join("/")).sort());
    }
  };
  for (const v of g.keys()) if (!index.has(v)) visit(v);
  return out;
}

test("src/ has no import circle, type imports included", () => {
  const found = circles(graph());
  const known = new Set(KNOWN.map((c) => c.join(" ")));
  expect(found.filter((c) => !known.has(c.join(" ")))).toEqual([]);
  // The core was one 51-file circle, the emulator a 12-file one.
  expect(found).toEqual([]);
});

test("the cycle finder finds a circle held by type imports only", () => {
  const g = new Map([
    ["a", ["b"]],
    ["b", ["c"]],
    ["c", ["a"]],
    ["d", ["a"]],
  ]);
  expect(circles(g).map((c) => c.length)).toEqual([3]);
});
