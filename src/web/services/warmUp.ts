import { resolveSettings } from "../../core/settings";
import { checkWorkbookBytes } from "../../xlsx/checkBytes";

/** The bytes of a base64 data URL (`data:…;base64,…`). */
export function bytesOfDataUrl(url: string): Uint8Array {
  const b64 = url.slice(url.indexOf(",") + 1);
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/**
 * A worker checks a bundled form (a public sample, warmUp.xlsx) again and again while it waits for
 * the first file, so that the reader's and the engine's code is compiled and optimised before the
 * files come: on a cold worker the first dozens of forms each take several times what they take
 * warm. One round at a time, each its own task, so a file that comes is taken between two rounds;
 * it stops at the first file, or after `rounds`. The results are thrown away. Resolves to the rounds run.
 */
export function warmUp(bytes: Uint8Array, idle: () => boolean, rounds = 40): Promise<number> {
  const settings = resolveSettings({});
  let done = 0;
  return new Promise((resolve) => {
    const step = () => {
      if (done >= rounds || !idle()) {
        resolve(done);
        return;
      }
      checkWorkbookBytes("warm-up.xlsx", bytes, { settings }).then(
        () => {
          done++;
          setTimeout(step, 0);
        },
        // A bundled form that cannot be checked (it always can) only leaves the worker cold.
        () => resolve(done),
      );
    };
    setTimeout(step, 0);
  });
}
