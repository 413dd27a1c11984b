// The Excel add-in manifest (manifest.xml): schema validity, locales, permissions, ribbon buttons, icons, and
// the URL rewriting that builds dist/manifest.xml (scripts/manifest-url.js).
// jsdom (installed with jest-environment-jsdom) parses the XML; xmllint-wasm checks it against the XSDs in
// tools/manifest-schemas, as tools/validate-manifest.mjs does.
import fs from "fs";
import path from "path";
import { JSDOM } from "jsdom";
import { validateXML } from "xmllint-wasm";
import { DEV_BASE_URL, buildManifest, checkBaseUrl } from "../../scripts/manifest-url";

jest.setTimeout(60_000);

const ROOT = path.resolve(__dirname, "../..");
const MANIFEST = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  ov: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
};
const HAN = /[\u4e00-\u9fff]/;

async function validate(xml: string): Promise<{ valid: boolean; rawOutput: string }> {
  const dir = path.join(ROOT, "tools/manifest-schemas");
  const schemas = fs.readdirSync(dir).filter((f) => f.endsWith(".xsd"))
    .map((f) => ({ fileName: f, contents: fs.readFileSync(path.join(dir, f), "utf8") }));
  const main = schemas.find((s) => s.fileName === "OfficeAppManifestV1_1.xsd");
  if (!main) throw new Error("OfficeAppManifestV1_1.xsd missing");
  return validateXML({
    xml: [{ fileName: "manifest.xml", contents: xml }],
    schema: [main],
    preload: schemas.filter((s) => s !== main),
  });
}

function parse(xml: string): Document {
  const doc = new JSDOM(xml, { contentType: "application/xml" }).window.document;
  if (doc.getElementsByTagName("parsererror").length > 0) throw new Error("manifest.xml is not well-formed XML");
  return doc;
}

const doc = parse(MANIFEST);
const all = (ns: string, name: string, root: Document | Element = doc): Element[] =>
  Array.from(root.getElementsByTagNameNS(ns, name));
const one = (ns: string, name: string, root: Document | Element = doc): Element => {
  const found = all(ns, name, root);
  if (found.length !== 1) throw new Error(`expected one <${name}>, found ${found.length}`);
  return found[0];
};
const children = (el: Element, name: string): Element[] => Array.from(el.children).filter((c) => c.localName === name);
const xsiType = (el: Element): string | null => el.getAttributeNS(NS.xsi, "type");

/** resid → its resource element (bt:Image, bt:Url or bt:String). */
function resources(): Map<string, Element> {
  const map = new Map<string, Element>();
  const res = one(NS.ov, "Resources");
  for (const group of ["Images", "Urls", "ShortStrings", "LongStrings"]) {
    for (const el of Array.from(one(NS.bt, group, res).children)) {
      const id = el.getAttribute("id") ?? "";
      expect(map.has(id)).toBe(false);
      map.set(id, el);
    }
  }
  return map;
}
const RES = resources();
const resValue = (resid: string | null): string => {
  const el = resid ? RES.get(resid) : undefined;
  if (!el) throw new Error(`resource ${resid} not defined`);
  return el.getAttribute("DefaultValue") ?? "";
};
const enUS = (el: Element): string[] =>
  Array.from(el.children).filter((c) => c.localName === "Override" && c.getAttribute("Locale") === "en-US")
    .map((c) => c.getAttribute("Value") ?? "");

function pngSize(file: string): { width: number; height: number } {
  const b = fs.readFileSync(file);
  expect(b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  expect(b.toString("ascii", 12, 16)).toBe("IHDR");
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}
/** The file in assets/ a manifest URL refers to, checked to exist. */
function assetFile(url: string): string {
  expect(url.startsWith(`${DEV_BASE_URL}assets/`)).toBe(true);
  const file = path.join(ROOT, "assets", url.slice(`${DEV_BASE_URL}assets/`.length));
  expect(fs.existsSync(file)).toBe(true);
  return file;
}

describe("manifest.xml", () => {
  test("validates against the Office add-in manifest schemas", async () => {
    const result = await validate(MANIFEST);
    expect(result.rawOutput).toContain("validates");
    expect(result.valid).toBe(true);
  });

  test("is a task pane app for Excel with a fixed id and version", () => {
    const root = doc.documentElement;
    expect(root.namespaceURI).toBe(NS.app);
    expect(root.localName).toBe("OfficeApp");
    expect(xsiType(root)).toBe("TaskPaneApp");
    expect(one(NS.app, "Id").textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(one(NS.app, "Version").textContent).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(one(NS.app, "ProviderName").textContent?.trim()).not.toBe("");
    expect(all(NS.app, "Host").map((h) => h.getAttribute("Name"))).toEqual(["Workbook"]);
    expect(all(NS.ov, "Host").map(xsiType)).toEqual(["Workbook"]);
    expect(one(NS.app, "SourceLocation").getAttribute("DefaultValue")).toBe(`${DEV_BASE_URL}taskpane.html`);
  });

  test("uses only elements the 2020 schemas know (no <Runtimes>)", () => {
    expect(doc.getElementsByTagNameNS("*", "Runtimes")).toHaveLength(0);
    expect(xsiType(one(NS.ov, "VersionOverrides"))).toBe("VersionOverridesV1_0");
  });

  test("is in Chinese by default with English overrides for the name and description", () => {
    expect(one(NS.app, "DefaultLocale").textContent).toBe("zh-CN");
    const name = one(NS.app, "DisplayName");
    expect(name.getAttribute("DefaultValue")).toBe("绩效自评助手");
    expect(enUS(name)).toEqual(["Performance Self-Evaluation Assistant"]);
    const description = one(NS.app, "Description");
    expect(description.getAttribute("DefaultValue")).toMatch(HAN);
    expect(enUS(description)).toHaveLength(1);
    expect(enUS(description)[0]).toMatch(/^[\x20-\x7e]+$/);
  });

  test("every label and tooltip resource is Chinese with one English override", () => {
    const strings = [...RES.values()].filter((el) => el.localName === "String");
    expect(strings.length).toBeGreaterThanOrEqual(8);
    for (const el of strings) {
      const id = el.getAttribute("id");
      expect({ id, zh: HAN.test(el.getAttribute("DefaultValue") ?? "") }).toEqual({ id, zh: true });
      const en = enUS(el);
      expect({ id, overrides: en.length }).toEqual({ id, overrides: 1 });
      expect(en[0]).toMatch(/^[\x20-\x7e]+$/);
      expect(en[0]).not.toMatch(HAN);
    }
  });

  test("every resid refers to a defined resource, and every resource is used", () => {
    const used = new Set(Array.from(doc.querySelectorAll("[resid]")).map((el) => el.getAttribute("resid") ?? ""));
    for (const id of used) expect([id, RES.has(id)]).toEqual([id, true]);
    for (const id of RES.keys()) expect([id, used.has(id)]).toEqual([id, true]);
  });

  test("asks for ReadWriteDocument and ExcelApi 1.6", () => {
    expect(one(NS.app, "Permissions").textContent).toBe("ReadWriteDocument");
    const sets = one(NS.app, "Sets", one(NS.app, "Requirements"));
    expect(sets.getAttribute("DefaultMinVersion")).toBe("1.1");
    expect(children(sets, "Set").map((s) => [s.getAttribute("Name"), s.getAttribute("MinVersion")])).toEqual([
      ["ExcelApi", "1.6"],
    ]);
  });

  test("has a 绩效自评 group on the Home tab with the three buttons", () => {
    const tab = one(NS.ov, "OfficeTab");
    expect(tab.getAttribute("id")).toBe("TabHome");
    const group = one(NS.ov, "Group", tab);
    const label = (el: Element): string => resValue(children(el, "Label")[0]?.getAttribute("resid") ?? null);
    expect(label(group)).toBe("绩效自评");
    expect(enUS(RES.get(children(group, "Label")[0].getAttribute("resid") ?? "")!)).toEqual(["Self-Evaluation"]);

    const buttons = children(group, "Control").map((c) => {
      expect(xsiType(c)).toBe("Button");
      const supertip = children(c, "Supertip")[0];
      expect(resValue(children(supertip, "Title")[0].getAttribute("resid"))).toMatch(HAN);
      expect(resValue(children(supertip, "Description")[0].getAttribute("resid"))).toMatch(HAN);
      const action = children(c, "Action")[0];
      const fn = children(action, "FunctionName")[0]?.textContent ?? null;
      const source = children(action, "SourceLocation")[0]?.getAttribute("resid") ?? null;
      return { label: label(c), action: xsiType(action), fn, source: source && resValue(source) };
    });
    expect(buttons).toEqual([
      { label: "打开助手", action: "ShowTaskpane", fn: null, source: `${DEV_BASE_URL}taskpane.html` },
      { label: "检查", action: "ExecuteFunction", fn: "checkSheet", source: null },
      { label: "填写得分", action: "ExecuteFunction", fn: "fillSheet", source: null },
    ]);
    expect(resValue(one(NS.ov, "FunctionFile").getAttribute("resid"))).toBe(`${DEV_BASE_URL}commands.html`);
  });

  test("every URL is https://localhost:3000/ during development", () => {
    const urls = MANIFEST.replace(/<!--[\s\S]*?-->/g, "").match(/[a-z]+:\/\/[^"<\s]+/gi) ?? [];
    const external = urls.filter((u) => !u.startsWith("http://schemas.microsoft.com/") && !u.startsWith("http://www.w3.org/"));
    expect(external.length).toBeGreaterThan(10);
    expect(external.filter((u) => !u.startsWith(DEV_BASE_URL))).toEqual([]);
  });

  test("every icon exists in assets/ with the declared pixel size", () => {
    const iconUrl = one(NS.app, "IconUrl").getAttribute("DefaultValue") ?? "";
    expect(pngSize(assetFile(iconUrl))).toEqual({ width: 32, height: 32 });
    const hiRes = pngSize(assetFile(one(NS.app, "HighResolutionIconUrl").getAttribute("DefaultValue") ?? ""));
    expect([64, 80]).toContain(hiRes.width);
    expect(hiRes.height).toBe(hiRes.width);

    const refs = all(NS.bt, "Image").filter((el) => el.hasAttribute("resid"));
    expect(refs.length).toBe(4 * 3); // the group and three buttons, 16/32/80 each
    for (const el of all(NS.ov, "Icon")) {
      expect(children(el, "Image").map((i) => i.getAttribute("size"))).toEqual(["16", "32", "80"]);
    }
    for (const ref of refs) {
      const size = Number(ref.getAttribute("size"));
      expect(pngSize(assetFile(resValue(ref.getAttribute("resid"))))).toEqual({ width: size, height: size });
    }
    // every image resource too (some are shared between the group and a button)
    for (const el of all(NS.bt, "Image", one(NS.bt, "Images"))) assetFile(el.getAttribute("DefaultValue") ?? "");
  });

  test("the check and fill buttons have icons of their own", () => {
    const icons = all(NS.ov, "Control").map((c) =>
      children(children(c, "Icon")[0], "Image").map((i) => resValue(i.getAttribute("resid"))).join(" "));
    expect(new Set(icons).size).toBe(3);
  });
});

describe("src/commands/commands.ts", () => {
  test("registers a function for every FunctionName in the manifest", () => {
    const names = all(NS.ov, "FunctionName").map((f) => f.textContent ?? "");
    const associate = jest.fn();
    const g = globalThis as Record<string, unknown>;
    g.Office = { actions: { associate }, onReady: jest.fn(() => Promise.resolve({})) };
    try {
      jest.isolateModules(() => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- isolateModules needs a synchronous load
        require("../../src/commands/commands");
      });
      for (const name of names) {
        expect(associate).toHaveBeenCalledWith(name, expect.any(Function));
      }
    } finally {
      delete g.Office;
      for (const name of names) delete g[name];
    }
  });
});

describe("scripts/manifest-url.js", () => {
  const BASE = "https://addin.example.gov.cn/jixiao/";

  test("replaces every localhost URL with the base and drops the comments", async () => {
    const out = buildManifest(MANIFEST, BASE);
    expect(out).not.toMatch(/localhost/i);
    expect(out).not.toContain("<!--");
    expect(out.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    const withoutComments = MANIFEST.replace(/<!--[\s\S]*?-->/g, "");
    expect(out.split(BASE).length).toBe(withoutComments.split(DEV_BASE_URL).length);
    const built = parse(out);
    expect(built.getElementsByTagNameNS(NS.app, "SourceLocation")[0].getAttribute("DefaultValue")).toBe(`${BASE}taskpane.html`);
    expect((await validate(out)).valid).toBe(true);
  });

  test("keeps the manifest's URLs with the default base", () => {
    const out = buildManifest(MANIFEST);
    expect(out).toBe(MANIFEST.replace(/<!--[\s\S]*?-->\s*/g, ""));
  });

  test("accepts https bases with a path or a port", () => {
    expect(checkBaseUrl("https://jixiao.example.cn/")).toBe("https://jixiao.example.cn/");
    expect(buildManifest(MANIFEST, "https://10.0.0.5:8443/addins/jixiao/")).toContain(
      '"https://10.0.0.5:8443/addins/jixiao/taskpane.html"');
  });

  test.each([
    ["http://addin.example.gov.cn/jixiao/", /https/],
    ["https://addin.example.gov.cn/jixiao", /end with '\/'/],
    ["addin.example.gov.cn/jixiao/", /absolute URL/],
    ["", /empty/],
    ["https://addin.example.gov.cn/?v=1/", /query/],
    ["https://addin.example.gov.cn/a b/", /not allowed/],
    ['https://addin.example.gov.cn/"x/', /not allowed/],
    ["ftp://addin.example.gov.cn/", /https/],
  ])("rejects %p", (base, message) => {
    expect(() => checkBaseUrl(base)).toThrow(message);
    expect(() => buildManifest(MANIFEST, base)).toThrow(message);
  });
});

describe("webpack.config.js", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require("../../webpack.config.js") as (env: object, argv: { mode: string }) => {
    entry: Record<string, string>;
  };
  const saved = process.env.ADDIN_BASE_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.ADDIN_BASE_URL;
    else process.env.ADDIN_BASE_URL = saved;
  });

  test("fails clearly on a base URL that is not https", () => {
    process.env.ADDIN_BASE_URL = "http://addin.example.gov.cn/jixiao/";
    expect(() => config({}, { mode: "production" })).toThrow(/ADDIN_BASE_URL .* must use https/);
  });

  test("builds the task pane and the commands", () => {
    process.env.ADDIN_BASE_URL = "https://addin.example.gov.cn/jixiao/";
    const c = config({}, { mode: "production" });
    expect(Object.keys(c.entry).sort()).toEqual(["commands", "taskpane"]);
  });
});
