import { BaseRecord, type ActionContext, type Filter } from "adminjs";
import { autoriser } from "@frais-justice/core/autorisation";
import { variablesDuGabarit } from "@frais-justice/support";
import { Either } from "effect";
import type { DepotReponsesTypes, ReponseTypeStockee } from "../../support/depot-tickets.js";
import { acteurDe, type AgentConnecte } from "../acces/agents.js";
import { agentDuContexte } from "../memoires/memoires.ressource.js";
import { RessourceCalculee, type DefinitionPropriete } from "../ressource-calculee.js";

const PROPRIETES: ReadonlyArray<DefinitionPropriete> = [
  ["id", "string", false],
  ["code", "string", true],
  ["titre", "string", true],
  ["texte", "textarea", false],
  ["variables", "string", false],
  ["actif", "boolean", true],
  ["version", "number", false],
];

/** A réponse type as AdminJS params (its code is its id). */
export const paramsReponseType = (r: ReponseTypeStockee): Record<string, unknown> => ({
  id: r.code,
  code: r.code,
  titre: r.titre,
  texte: r.texte,
  variables: variablesDuGabarit(r.texte)
    .map((v) => `{{${v}}}`)
    .join(", "),
  actif: r.actif,
  version: r.version,
});

/** `true` when the agent may create, change, archive or reactivate the réponses types (core's `reponse-type.administrer`, the national support). */
export const administreLesReponsesTypes = (agent: AgentConnecte | undefined): boolean =>
  agent !== undefined && Either.isRight(autoriser(acteurDe(agent), "reponse-type.administrer", { _tag: "Global" }));

type Tri = { readonly sortBy?: string; readonly direction?: "asc" | "desc" };

/**
 * The réponses types of the support agents (reference data of every queue), archived ones included,
 * read from the ticket repository (a few dozen rows: filtered, sorted and paged here). Written only
 * through the actions of `reponses-types.actions.ts`.
 */
export class RessourceReponsesTypes extends RessourceCalculee {
  constructor(readonly depot: DepotReponsesTypes) {
    super(depot, "reponses-types", PROPRIETES, {
      creation: "création générique interdite : utilisez « Nouvelle réponse type »",
      modification: "modification générique interdite : utilisez « Modifier »",
    });
  }

  private async selection(filter: Filter, context?: ActionContext): Promise<ReadonlyArray<ReponseTypeStockee>> {
    if (agentDuContexte(context) === undefined) return [];
    const texte = (cle: string) => {
      const v: unknown = filter.get(cle)?.value;
      return typeof v === "string" && v.trim() !== "" ? v.trim().toLocaleLowerCase("fr") : undefined;
    };
    const code = texte("code");
    const titre = texte("titre");
    const actif = texte("actif");
    return (await this.depot.lister({ archives: true })).filter(
      (r) =>
        (code === undefined || r.code.toLocaleLowerCase("fr").includes(code)) &&
        (titre === undefined || r.titre.toLocaleLowerCase("fr").includes(titre)) &&
        (actif === undefined || String(r.actif) === actif),
    );
  }

  override async count(filter: Filter, context?: ActionContext): Promise<number> {
    return (await this.selection(filter, context)).length;
  }

  override async find(filter: Filter, options: { limit?: number; offset?: number; sort?: Tri }, context?: ActionContext): Promise<Array<BaseRecord>> {
    const colonne = options.sort?.sortBy === "code" || options.sort?.sortBy === "actif" ? options.sort.sortBy : "titre";
    const sens = options.sort?.direction === "desc" ? -1 : 1;
    const cle = (r: ReponseTypeStockee): string => (colonne === "actif" ? String(r.actif) : r[colonne]);
    const tries = [...(await this.selection(filter, context))].sort((a, b) => sens * (cle(a).localeCompare(cle(b), "fr") || a.code.localeCompare(b.code)));
    const debut = options.offset ?? 0;
    return tries.slice(debut, debut + Math.min(options.limit ?? 20, 500)).map((r) => new BaseRecord(paramsReponseType(r), this));
  }

  override async findOne(id: string, context?: ActionContext): Promise<BaseRecord | null> {
    if (agentDuContexte(context) === undefined) return null;
    const r = (await this.depot.lister({ archives: true })).find((x) => x.code === id);
    return r === undefined ? null : new BaseRecord(paramsReponseType(r), this);
  }
}
