import { Resource } from "@adminjs/mikroorm";
import type { BaseRecord, Filter } from "adminjs";
import { bornesJour } from "./jours-paris.js";
import { NOM_BASE } from "./ressource-calculee.js";

/** Options of {@link RessourceOrm}. */
export interface OptionsRessourceOrm {
  /**
   * Columns that never leave the server (a password hash, a path on the server): not properties of
   * the resource (no column, filter or sort reaches them) and carried by no record, hidden or not.
   */
  readonly serveurSeulement?: ReadonlyArray<string>;
}

/**
 * The MikroORM resource of the back-office's plain tables (juridictions, agents, lots):
 * - no SQLite "Invalid URL" from `databaseName()` (it asks the driver for a connection URL that
 *   SQLite does not have): the names are given;
 * - a filter on a path the resource does not have (a forged URL) is ignored, not a server error;
 * - the columns of `serveurSeulement` are kept on the server.
 */
export class RessourceOrm extends Resource {
  private readonly serveurSeulement: ReadonlyArray<string>;

  constructor(args: ConstructorParameters<typeof Resource>[0], options: OptionsRessourceOrm = {}) {
    super(args);
    this.serveurSeulement = options.serveurSeulement ?? [];
  }

  override databaseName(): string {
    return NOM_BASE;
  }

  override databaseType(): string {
    return "sql";
  }

  private readonly retenu = (r: BaseRecord): BaseRecord => {
    for (const c of this.serveurSeulement) delete r.params[c];
    return r;
  };

  /**
   * Drops the filters on unknown paths, and reads the date filters' values as Paris calendar days
   * (the back-office's date filter sends "YYYY-MM-DD"): « du » from the day's first instant, « au »
   * through its last, as the mémoires list does (jours-paris.ts).
   */
  private sansFiltreInconnu(filtre: Filter): Filter {
    for (const [chemin, f] of Object.entries(filtre.filters)) {
      if (f.property === null || f.property === undefined) {
        delete filtre.filters[chemin];
        continue;
      }
      if (f.property.type() === "datetime" && typeof f.value === "object") {
        const { from, to } = f.value as { from?: unknown; to?: unknown };
        const debut = from === undefined ? undefined : bornesJour(from)?.debut;
        const fin = to === undefined ? undefined : bornesJour(to)?.finExclue;
        f.value = {
          ...(debut === undefined ? {} : { from: debut.toISOString() }),
          ...(fin === undefined ? {} : { to: new Date(fin.getTime() - 1).toISOString() }),
        } as never;
      }
    }
    return filtre;
  }

  override properties(): ReturnType<Resource["properties"]> {
    return super.properties().filter((p) => !(this.serveurSeulement ?? []).includes(p.path()));
  }

  // AdminJS's contract: null for a path the resource does not have (the adapter's type omits it).
  // (`?? []`: the adapter's constructor may ask before this one has set the list.)
  override property(chemin: string): ReturnType<Resource["property"]> {
    return ((this.serveurSeulement ?? []).includes(chemin) ? null : super.property(chemin)) as ReturnType<Resource["property"]>;
  }

  override count(filtre: Filter): Promise<number> {
    return super.count(this.sansFiltreInconnu(filtre));
  }

  override async find(filtre: Filter, parametres?: Parameters<Resource["find"]>[1]): Promise<Array<BaseRecord>> {
    return (await super.find(this.sansFiltreInconnu(filtre), parametres)).map(this.retenu);
  }

  override async findOne(id: string | number): Promise<BaseRecord | null> {
    const r = await super.findOne(id);
    return r === null ? null : this.retenu(r);
  }

  override async findMany(ids: Array<string | number>): Promise<Array<BaseRecord>> {
    return (await super.findMany(ids)).map(this.retenu);
  }
}
