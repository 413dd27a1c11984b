import type { EmulatedExcel } from "./host";
import { Workbook } from "./proxies/workbook";

export interface EmuRunOptions {
  /** ExcelApi 1.20: every sync of the run makes one undo step together. */
  mergeUndoGroup?: boolean;
  delayForCellEdit?: boolean;
}

/** Excel.RequestContext: the queue of instructions that the next sync() sends to the host. */
export class EmuRequestContext {
  readonly workbook: Workbook;
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
  /** @internal */
  _queue: Array<() => void> = [];
  /** @internal Bytes of the values queued for the next sync (the request payload). */
  _requestBytes = 0;
  /** @internal Set once a sync of this run recorded an undo step (for mergeUndoGroup). */
  _undoRecorded = false;

  constructor(
    readonly host: EmulatedExcel,
    readonly runOptions: EmuRunOptions = {},
  ) {
    this.workbook = new Workbook(this);
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
