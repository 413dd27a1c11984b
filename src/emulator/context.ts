import type { ContextHost } from "./hostTypes";

export interface EmuRunOptions {
  /** ExcelApi 1.20: every sync of the run makes one undo step together. */
  mergeUndoGroup?: boolean;
  delayForCellEdit?: boolean;
}

/** Excel.RequestContext: the queue of instructions that the next sync() sends to the host. */
export class EmuRequestContext {
  /** The workbook proxy (proxies/workbook.ts), made by the host for each context. */
  readonly workbook: unknown;
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
  /** @internal */
  _queue: Array<() => void> = [];
  /** @internal Bytes of the values queued for the next sync (the request payload). */
  _requestBytes = 0;
  /** @internal Set once a sync of this run recorded an undo step (for mergeUndoGroup). */
  _undoRecorded = false;

  constructor(
    readonly host: ContextHost,
    readonly runOptions: EmuRunOptions = {},
    workbookOf: (ctx: EmuRequestContext) => unknown = () => undefined,
  ) {
    this.workbook = workbookOf(this);
  }

  /** @internal */
  _enqueue(op: () => void): void {
    this._queue.push(op);
  }

  async sync<T>(passThroughValue?: T): Promise<T> {
    await this.host._execute(this);
    return passThroughValue as T;
  }

  load<O extends { load(arg?: unknown): unknown }>(object: O, propertyNames?: string | string[]): O {
    object.load(propertyNames);
    return object;
  }
}
