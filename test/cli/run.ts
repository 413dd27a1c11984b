// Run `jixiao` in this process with captured output (the CLI tests' harness).
import { Writable } from "node:stream";
import { main } from "../../src/cli/jixiao";

export class Capture extends Writable {
  data = "";
  override _write(chunk: Buffer, _enc: string, cb: () => void) {
    this.data += chunk.toString();
    cb();
  }
}

export async function runCli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out = new Capture();
  const err = new Capture();
  const code = await main(args, { out, err });
  return { code, out: out.data, err: err.data };
}
