import { BaseProperty, BaseResource } from "adminjs";

/** The name AdminJS shows for the back-office's database, whatever the driver (SQLite has no URL to ask). */
export const NOM_BASE = "frais-justice";

/** A property's type, as AdminJS's `BaseProperty` takes it. */
export type TypePropriete = NonNullable<ConstructorParameters<typeof BaseProperty>[0]["type"]>;

/** One property of a computed resource: its path, its type, whether the list may sort on it (in display order). */
export type DefinitionPropriete = readonly [path: string, type: TypePropriete, triable: boolean];

/**
 * Base of the back-office's resources that answer from their own statements (mémoires, tickets,
 * structures, utilisateurs) rather than through an ORM adapter: AdminJS never picks it for a
 * database object, and its properties are the given table (the one whose path is `id` is the id).
 */
export abstract class RessourceCalculee extends BaseResource {
  private readonly proprietes: ReadonlyArray<BaseProperty>;

  protected constructor(
    base: unknown,
    private readonly identifiant: string,
    definitions: ReadonlyArray<DefinitionPropriete>,
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
}
