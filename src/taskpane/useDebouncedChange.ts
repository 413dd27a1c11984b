// Re-check when the workbook changes: subscribe with actions.onChange while enabled, wait until the
// changes stop for `delay` ms, then call `onSettled` once. Unsubscribes on unmount.
import { useCallback, useEffect, useRef } from "react";
import type { AddinActions } from "../host/actions";

export const CHANGE_DEBOUNCE_MS = 800;

interface DebouncedChange {
  /** Start (or restart) the wait, as a change event does; for changes the pane makes itself (settings). */
  schedule(): void;
}

export function useDebouncedChange(
  actions: AddinActions,
  onSettled: () => void,
  /** Asked when an event arrives: true drops it (an action of ours is running and writing). */
  ignore: () => boolean,
  delay = CHANGE_DEBOUNCE_MS,
  /**
   * Subscribe to change events at all. Off, no handler is registered: on Excel below ExcelApi 1.20
   * registering one already clears the undo stack. `schedule` works either way.
   */
  enabled = true,
): DebouncedChange {
  const settledRef = useRef(onSettled);
  const ignoreRef = useRef(ignore);
  settledRef.current = onSettled;
  ignoreRef.current = ignore;
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const schedule = useCallback(() => {
    if (timer.current !== undefined) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = undefined;
      settledRef.current();
    }, delay);
  }, [delay]);

  useEffect(() => {
    if (!enabled) return undefined;
    let unmounted = false;
    let unsubscribe: (() => Promise<void>) | null = null;
    const handler = () => {
      if (!ignoreRef.current()) schedule();
    };
    // Through a promise, so that an adapter throwing at once (no Excel) is handled like a rejection.
    Promise.resolve()
      .then(() => actions.onChange(handler))
      .then(
        (off) => {
          if (unmounted) void off().catch(() => undefined);
          else unsubscribe = off;
        },
        // No change events (an old Excel): the buttons still work.
        () => undefined,
      );
    return () => {
      unmounted = true;
      if (timer.current !== undefined) clearTimeout(timer.current);
      timer.current = undefined;
      if (unsubscribe) void unsubscribe().catch(() => undefined);
    };
  }, [actions, schedule, enabled]);

  useEffect(
    () => () => {
      if (timer.current !== undefined) clearTimeout(timer.current);
      timer.current = undefined;
    },
    [],
  );

  return { schedule };
}
