import type { EmuRequestContext } from "../context";

type Handler = (args: unknown) => unknown;

/** OfficeExtension.EventHandlerResult: remove() is queued on the context the handler was added in. */
class EventHandlerResult {
  constructor(readonly context: EmuRequestContext) {}

  remove(): void {
    this.context._enqueue(() => this.context.host._unregister((r) => r.token === this));
  }
}

/** OfficeExtension.EventHandlers: add() takes effect at the next sync. */
export class EventHandlers {
  constructor(
    private readonly context: EmuRequestContext,
    private readonly scope: () => string,
    private readonly version: string,
    private readonly api: string,
  ) {}

  add(handler: Handler): EventHandlerResult {
    const result = new EventHandlerResult(this.context);
    this.context._enqueue(() => {
      this.context.host.requireSet(this.version, this.api);
      this.context.host._register({ scope: this.scope(), handler, token: result });
    });
    return result;
  }

  remove(handler: Handler): void {
    this.context._enqueue(() => this.context.host._unregister((r) => r.handler === handler));
  }
}
