// Every message a person reads is in Chinese, library errors included (issue 15 §8): the library's own
// words stay in the English text only.
import fs from "node:fs";
import path from "node:path";
import { checkWorkbookBytes } from "../../src/xlsx/checkBytes";
import { libraryReason } from "../../src/xlsx/sniff";
import { SAMPLES } from "../helpers";

test.each([
  ["Bug : uncompressed data size mismatch", "压缩数据损坏或不完整"],
  ["Corrupted zip : can't find end of central directory", "压缩数据损坏或不完整"],
  ["invalid distance too far back", "压缩数据损坏或不完整"],
  ["File is password-protected", "文件已加密"],
  ["Invalid string length", "文件过大"],
  ["Unclosed root tag\nLine: 3", "内部 XML 不合规范"],
  ["something else entirely", "内部结构无法识别"],
])("%s → %s", (m, zh) => {
  const r = libraryReason(m);
  expect(r.zh).toBe(zh);
  expect(r.en).toBe(m);
});

test("a damaged zip: the officer's message has no library English in it", async () => {
  const bytes = new Uint8Array(fs.readFileSync(path.join(SAMPLES, "selfeval/zhengwuyun.xlsx")));
  // Damage the compressed data of the first parts, not the zip's directory.
  for (let i = 200; i < 2000; i += 7) bytes[i] ^= 0x5a;
  const { result } = await checkWorkbookBytes("a.xlsx", bytes);
  expect(result.error).toBeDefined();
  expect(result.error!.zh).not.toMatch(/[A-Za-z]{3,}/);
  expect(result.error!.en.length).toBeGreaterThan(0);
});
