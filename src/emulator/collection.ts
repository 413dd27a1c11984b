import { ClientObject, ClientResult, loadNames } from "./clientObject";
import { propertyNotLoaded } from "./errors";

/**
 * A collection proxy: load("items/x") (or just "x") loads the items with property x; `items` is
 * readable after the sync. Items are proxies of their own that look their object up again by key,
 * so an item loaded in one sync can be deleted in a later one.
 */
export abstract class ClientCollection<T, K, I extends ClientObject<unknown>> extends ClientObject<T> {
  private _items: I[] | undefined;
  protected readonly _scalars: readonly string[] = [];

  /** The keys of the items, in collection order. */
  protected abstract _keys(target: T): K[];
  /** A proxy for one item, already looked up (called inside a sync). */
  protected abstract _item(key: K): I;

  get items(): I[] {
    if (!this._items) throw propertyNotLoaded("items");
    return [...this._items];
  }

  protected _read(): unknown {
    return undefined;
  }

  override load(arg?: Parameters<ClientObject<T>["load"]>[0]): this {
    const names = loadNames(arg);
    this.context._enqueue(() => this._loadNow(names));
    return this;
  }

  override _loadNow(names: string[] | null): void {
    const t = this._resolve();
    const itemNames = names === null ? null : names.map((n) => (n.startsWith("items/") ? n.slice(6) : n)).filter((n) => n !== "items");
    const items = t === null ? [] : this._keys(t).map((k) => this._item(k));
    for (const it of items) it._loadNow(itemNames && itemNames.length > 0 ? itemNames : null);
    this._items = items;
  }

  getCount(): ClientResult<number> {
    const r = new ClientResult<number>();
    this._queue((t) => r._fill(this._keys(t).length));
    return r;
  }
}
