import { BaseProperty, BaseRecord, BaseResource, type ActionContext, type ParamsType } from "adminjs";

/** The name AdminJS shows for the back-office's database, whatever the driver (SQLite has no URL to ask). */
export const NOM_BASE = "frais-justice";

/** A property's type, as AdminJS's `BaseProperty` takes it. */
export type TypePropriete = NonNullable<ConstructorParameters<typeof BaseProperty>[0]["type"]>;

/** One property of a computed resource: its path, its type, whether the list may sort on it (in display order). */
export type DefinitionPropriete = readonly [path: string, type: TypePropriete, triable: boolean];

/** Why AdminJS's generic writes are refused on a resource (its records change only through the domain's commands). */
export interface EcrituresInterdites {
  readonly creation: string;
  readonly modification: string;
}

/**
 * Base of the back-office's resources that answer from their own statements (mémoires, tickets,
 * structures, utilisateurs) rather than through an ORM adapter: AdminJS never picks it for a
 * database object, and its properties are the given table (the one whose path is `id` is the id).
 * AdminJS's generic create, update and delete are refused with the resource's reasons; `findMany`
 * reads each record through the resource's scoped `findOne`.
 */
export abstract class RessourceCalculee extends BaseResource {
  private readonly proprietes: ReadonlyArray<BaseProperty>;

  protected constructor(
    base: unknown,
    private readonly identifiant: string,
    definitions: ReadonlyArray<DefinitionPropriete>,
    private readonly interdites: EcrituresInterdites,
  ) {
    super(base);
    this.proprietes = definitions.map(([path, type, isSortable], position) => new BaseProperty({ path, type, isId: path === "id", isSortable, position }));
  }

  static override isAdapterFor(): boolean {
    return false;
  }

  override databaseName(): string {
    return NOM_BASE;
  }

  override databaseType(): string {
    return "sql";
  }

  override id(): string {
    return this.identifiant;
  }

  override properties(): Array<BaseProperty> {
    return [...this.proprietes];
  }

  override property(path: string): BaseProperty | null {
    return this.proprietes.find((p) => p.path() === path) ?? null;
  }

  /** Whether a record `findOne` returned is one the caller may act on (all of them unless the resource says otherwise). */
  protected retenu(_record: BaseRecord): boolean {
    return true;
  }

  override async findMany(ids: Array<string | number>, context?: ActionContext): Promise<Array<BaseRecord>> {
    const records = await Promise.all(ids.map((id) => this.findOne(String(id), context)));
    return records.filter((r): r is BaseRecord => r !== null && this.retenu(r));
  }

  override build(params: Record<string, unknown>): BaseRecord {
    return new BaseRecord(params, this);
  }

  override create(): Promise<ParamsType> {
    return Promise.reject(new Error(this.interdites.creation));
  }

  override update(): Promise<ParamsType> {
    return Promise.reject(new Error(this.interdites.modification));
  }

  override delete(): Promise<void> {
    return Promise.reject(new Error("suppression interdite"));
  }
}
