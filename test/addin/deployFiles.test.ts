// The files IT deploys with (README "在内网部署"): the trusted-catalog registry script in the form of
// Microsoft's "Sideload Office Add-ins for testing from a network share", and the office.js address.
import { CATALOG_ID, catalogCmd, catalogReg, checkShare, officeJsUrl, OFFICE_JS_21VIANET, OFFICE_JS_GLOBAL, OFFICE_JS_LOCAL, regFileBytes } from "../../scripts/deploy-files";

describe("TrustNetworkShareCatalog.reg", () => {
  test("the key, Id, Url and Flags values Microsoft's registry script sets", () => {
    const text = catalogReg("\\\\TestServer\\OfficeAddinManifests");
    const lines = text.split("\r\n");
    expect(lines[0]).toBe("Windows Registry Editor Version 5.00");
    const key = lines.find((l) => l.startsWith("["))!;
    const m = /^\[HKEY_CURRENT_USER\\Software\\Microsoft\\Office\\16\.0\\WEF\\TrustedCatalogs\\(\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\})\]$/.exec(key);
    expect(m).not.toBeNull();
    expect(lines).toContain(`"Id"="${m![1]}"`);
    // Every backslash of the path doubled.
    expect(lines).toContain('"Url"="\\\\\\\\TestServer\\\\OfficeAddinManifests"');
    expect(lines).toContain('"Flags"=dword:00000001');
    // Comments only start with a semicolon; no other line kinds.
    for (const l of lines.slice(1)) expect(l === "" || l.startsWith(";") || l.startsWith("[") || l.startsWith('"')).toBe(true);
  });

  test("one catalog id for jixiao, in the .reg and in trust-catalog.cmd: running either again replaces the share, adds no catalog", () => {
    const idOf = (text: string) => /TrustedCatalogs\\(\{[0-9A-F-]+\})/.exec(text)?.[1];
    expect(idOf(catalogReg("\\\\srv\\jixiao"))).toBe(CATALOG_ID);
    expect(idOf(catalogReg("\\\\other\\share"))).toBe(CATALOG_ID);
    expect(idOf(catalogCmd())).toBe(CATALOG_ID);
    expect(catalogReg("//srv/jixiao/")).toBe(catalogReg("\\\\srv\\jixiao"));
    // cmd reads a batch file in the console's code page: ASCII only, CRLF, the same three values.
    expect([...catalogCmd()].every((ch) => ch.charCodeAt(0) < 0x80)).toBe(true);
    expect(catalogCmd().split("\r\n").filter((l) => l.startsWith("reg add")).map((l) => /\/v (\w+)/.exec(l)![1])).toEqual(["Id", "Url", "Flags"]);
  });

  test("a Chinese share name survives: the file is UTF-16LE with a byte-order mark, as regedit writes it", () => {
    const bytes = regFileBytes(catalogReg("\\\\财政局服务器\\绩效加载项"));
    expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    const back = bytes.subarray(2).toString("utf16le");
    expect(back).toContain('"Url"="\\\\\\\\财政局服务器\\\\绩效加载项"');
  });

  test.each(["C:\\addins", "\\\\server", "https://host/share", "", '\\\\srv\\a"b'])("%j is refused, in Chinese and English", (bad) => {
    expect(() => checkShare(bad)).toThrow(/共享|网络路径|network path|quotes/);
  });
});

describe("where the pages load office.js from (OFFICE_JS_CDN)", () => {
  test.each([
    [undefined, OFFICE_JS_LOCAL],
    ["", OFFICE_JS_LOCAL],
    ["1", OFFICE_JS_GLOBAL],
    ["global", OFFICE_JS_GLOBAL],
    ["21vianet", OFFICE_JS_21VIANET],
    ["CN", OFFICE_JS_21VIANET],
  ])("%j → %s", (setting, url) => {
    expect(officeJsUrl(setting)).toBe(url);
  });

  test("the 21Vianet address is the one Microsoft names for that cloud, and an unknown setting stops the build", () => {
    expect(OFFICE_JS_21VIANET).toBe("https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js");
    expect(() => officeJsUrl("azure")).toThrow(/21vianet/);
  });
});
