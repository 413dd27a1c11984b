import { ClientObject, ClientResult } from "../clientObject";
import { ClientCollection } from "../collection";
import { EmulatorError } from "../errors";
import { newId, type CustomXmlPartData, type WorkbookState } from "../state";

/** The namespace of a document's root element (xmlns="…"), "" when it has none. */
function rootNamespace(xml: string): string {
  const root = /<([A-Za-z_][\w.-]*:)?[A-Za-z_][\w.-]*\b([^>]*)>/.exec(xml.replace(/<\?xml[^>]*\?>/, ""));
  if (!root) throw new EmulatorError("InvalidArgument", "The XML is not well formed.");
  const prefix = root[1] ? root[1].slice(0, -1) : "";
  const attr = new RegExp(`\\bxmlns${prefix ? `:${prefix}` : ""}\\s*=\\s*"([^"]*)"`).exec(root[2]);
  return attr ? attr[1] : "";
}

function parts(state: WorkbookState): CustomXmlPartData[] {
  state.customXml ??= [];
  return state.customXml;
}

/** Workbook.customXmlParts (ExcelApi 1.5): XML stored in the workbook, invisible in the grid. */
export class CustomXmlPartCollection extends ClientCollection<WorkbookState, string, CustomXmlPart> {
  protected _keys(state: WorkbookState): string[] {
    return parts(state).map((p) => p.id);
  }

  protected _item(id: string): CustomXmlPart {
    return new CustomXmlPart(this.context, () => this.find(id), false, false);
  }

  add(xml: string): CustomXmlPart {
    return new CustomXmlPart(this.context, () => {
      const state = this._resolve();
      if (!state) return null;
      this.context.host._touch();
      const part = { id: newId(state, "xml"), namespaceUri: rootNamespace(xml), xml };
      parts(state).push(part);
      return part;
    });
  }

  getItem(id: string): CustomXmlPart {
    return new CustomXmlPart(this.context, () => {
      const p = this.find(id);
      if (!p) throw new EmulatorError("ItemNotFound", `No custom XML part ${id}.`);
      return p;
    });
  }

  getItemOrNullObject(id: string): CustomXmlPart {
    return new CustomXmlPart(this.context, () => this.find(id), true);
  }

  getByNamespace(namespaceUri: string): CustomXmlPartScopedCollection {
    return new CustomXmlPartScopedCollection(this.context, () => this._resolve(), false, true, namespaceUri);
  }

  private find(id: string): CustomXmlPartData | null {
    const state = this._resolve();
    return state ? (parts(state).find((p) => p.id === id) ?? null) : null;
  }
}

export class CustomXmlPartScopedCollection extends ClientCollection<WorkbookState, string, CustomXmlPart> {
  constructor(
    context: ConstructorParameters<typeof ClientObject>[0],
    resolver: () => WorkbookState | null,
    nullable: boolean,
    queueLookup: boolean,
    private readonly ns: string,
  ) {
    super(context, resolver, nullable, queueLookup);
  }

  protected _keys(state: WorkbookState): string[] {
    return parts(state).filter((p) => p.namespaceUri === this.ns).map((p) => p.id);
  }

  protected _item(id: string): CustomXmlPart {
    return new CustomXmlPart(this.context, () => this.partOf(id), false, false);
  }

  /** The one part of this namespace; a null object when there is none, an error when there are several. */
  getOnlyItemOrNullObject(): CustomXmlPart {
    return new CustomXmlPart(
      this.context,
      () => {
        const state = this._resolve();
        if (!state) return null;
        const ids = this._keys(state);
        if (ids.length > 1) throw new EmulatorError("InvalidOperation", `There is more than one custom XML part in ${this.ns}.`);
        return ids.length === 1 ? this.partOf(ids[0]) : null;
      },
      true,
    );
  }

  private partOf(id: string): CustomXmlPartData | null {
    const state = this._resolve();
    return state ? (parts(state).find((p) => p.id === id) ?? null) : null;
  }
}

export class CustomXmlPart extends ClientObject<CustomXmlPartData> {
  protected readonly _scalars = ["id", "namespaceUri"] as const;

  protected _read(p: CustomXmlPartData, prop: string): unknown {
    return prop === "id" ? p.id : p.namespaceUri;
  }

  get id(): string {
    return this._get("id");
  }
  get namespaceUri(): string {
    return this._get("namespaceUri");
  }

  getXml(): ClientResult<string> {
    const r = new ClientResult<string>();
    this._queue((p) => {
      this.context.host._respond(p.xml);
      r._fill(p.xml);
    });
    return r;
  }

  setXml(xml: string): void {
    this._queue((p) => {
      const ns = rootNamespace(xml);
      this.context.host._touch();
      p.xml = xml;
      p.namespaceUri = ns;
    });
  }

  delete(): void {
    this._queue((p) => {
      const state = this.context.host.state;
      this.context.host._touch();
      state.customXml = parts(state).filter((x) => x !== p);
    });
  }
}
