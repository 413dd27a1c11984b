import { EmulatorError, propertyNotLoaded } from "./errors";
import type { EmuRequestContext } from "./context";

type LoadArg = string | string[] | { select?: string; expand?: string } | Record<string, unknown> | undefined;

/** The property names a load() argument asks for ("values, text", ["values"], {values: true}, {select}). */
export function loadNames(arg: LoadArg): string[] | null {
  if (arg === undefined) return null;
  if (typeof arg === "string") return arg.split(",").map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(arg)) return arg.flatMap((s) => s.split(",")).map((s) => s.trim()).filter(Boolean);
  if (typeof arg.select === "string" || typeof arg.expand === "string") {
    return [...loadNames(arg.select as string | undefined) ?? [], ...loadNames(arg.expand as string | undefined) ?? []];
  }
  const out: string[] = [];
  for (const [k, v] of Object.entries(arg)) {
    if (v === true) out.push(k);
    else if (v && typeof v === "object") out.push(...(loadNames(v as LoadArg) ?? []).map((p) => `${k}/${p}`));
  }
  return out;
}

/**
 * A proxy like Office.js's ClientObject: calls queue instructions on the request context, nothing
 * reaches the workbook before context.sync(), and a property can only be read once it was loaded
 * and synced. The object a proxy stands for is looked up when its creating instruction runs, in
 * batch order (an *OrNullObject proxy then gets isNullObject instead of an ItemNotFound error).
 */
export abstract class ClientObject<T> {
  /** @internal undefined: not looked up yet; null: a null object. */
  _target: T | null | undefined = undefined;
  private readonly _loaded = new Map<string, unknown>();
  private readonly _nav = new Map<string, ClientObject<unknown>>();

  constructor(
    readonly context: EmuRequestContext,
    private readonly _resolver: () => T | null,
    private readonly _nullable = false,
    queueLookup = true,
  ) {
    if (queueLookup) context._enqueue(() => void this._resolve());
  }

  /** The scalar properties a bare load() loads. */
  protected abstract readonly _scalars: readonly string[];
  /** Read one scalar property of the target (the value is copied into the proxy at sync). */
  protected abstract _read(target: T, prop: string): unknown;

  /** @internal */
  _resolve(): T | null {
    if (this._target === undefined) {
      const t = this._resolver();
      if (t === null && !this._nullable) {
        throw new EmulatorError("ItemNotFound", `The requested resource doesn't exist (${this.constructor.name}).`);
      }
      this._target = t;
    }
    return this._target;
  }

  get isNullObject(): boolean {
    if (this._target === undefined) throw propertyNotLoaded("isNullObject");
    return this._target === null;
  }

  load(arg?: LoadArg): this {
    const names = loadNames(arg);
    this.context._enqueue(() => this._loadNow(names));
    return this;
  }

  /** @internal Runs inside a sync. */
  _loadNow(names: string[] | null): void {
    const t = this._resolve();
    for (const name of names ?? this._scalars) {
      const slash = name.indexOf("/");
      if (slash >= 0) {
        this._navigate(name.slice(0, slash))._loadNow([name.slice(slash + 1)]);
        continue;
      }
      if (!this._scalars.includes(name)) {
        const nav = this._navigate(name);
        nav._loadNow(null);
        continue;
      }
      const value = t === null ? null : copy(this._read(t, name));
      this.context.host._respond(value);
      this._loaded.set(name, value);
    }
  }

  /** A navigation property (range.conditionalFormats, sheet.protection…), one proxy per name. */
  protected _child<C extends ClientObject<unknown>>(name: string, make: () => C): C {
    let c = this._nav.get(name);
    if (!c) {
      c = make();
      this._nav.set(name, c);
    }
    return c as C;
  }

  private _navigate(name: string): ClientObject<unknown> {
    const v = (this as unknown as Record<string, unknown>)[name];
    if (!(v instanceof ClientObject)) throw new EmulatorError("InvalidArgument", `Cannot load '${name}' on ${this.constructor.name}.`);
    return v;
  }

  protected _get<V>(prop: string): V {
    if (!this._loaded.has(prop)) throw propertyNotLoaded(prop);
    // The value was copied when loaded, so it is detached from the workbook; like Office.js, reads
    // return that same object (copying on every read made `range.values[i][j]` loops quadratic).
    return this._loaded.get(prop) as V;
  }

  /** Queue an instruction on the target; a null object ignores it. */
  protected _queue(fn: (target: T) => void): void {
    this.context._enqueue(() => {
      const t = this._resolve();
      if (t !== null) fn(t);
    });
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._loaded);
  }
}

/** The result of a method returning a value (getCount()), readable after sync. */
export class ClientResult<V> {
  private _set = false;
  private _value: V | undefined;

  get value(): V {
    if (!this._set) throw propertyNotLoaded("value");
    return this._value as V;
  }

  /** @internal */
  _fill(v: V): void {
    this._value = v;
    this._set = true;
  }
}

function copy<V>(v: V): V {
  if (v === null || typeof v !== "object") return v;
  return JSON.parse(JSON.stringify(v)) as V;
}
