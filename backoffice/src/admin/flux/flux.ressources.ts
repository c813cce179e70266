import type { ActionContext, ActionRequest, ActionResponse, ResourceWithOptions } from "adminjs";
import { Either } from "effect";
import { DepotLots } from "../../flux/flux.depot.js";
import { STATUTS_LOT } from "../../flux/flux.lot.js";
import { FluxLotSchema } from "../../schema/flux.schema.js";
import type { DependancesAdmin } from "../dependances.js";
import { agentDuContexte } from "../memoires/memoires.ressource.js";
import { peutLireOrganisation } from "../organisation/organisation.acces.js";
import { RessourceOrm } from "../ressource-orm.js";
import { avertirFiltresIllisibles } from "../filtres-dates.js";

/**
 * The lots' table; the path the file was read from stays on the server. The status is filtered by
 * equality, not `LIKE '%v%'` (IN_INTEGRE would match IN_INTEGRE_PARTIEL).
 */
class RessourceLots extends RessourceOrm {
  constructor(options: ConstructorParameters<typeof RessourceOrm>[0]) {
    super(options, { serveurSeulement: ["fichier"] });
    const statut = this.property("statut");
    if (statut !== null && statut !== undefined) statut.isEnum = () => true;
  }
}

const interdit = { isAccessible: false, isVisible: false } as const;
/** Items shown on the show page; the API gives the whole compte rendu of a larger lot. */
const ELEMENTS_AFFICHES = 500;
const FUSEAU = "Europe/Paris";
const FORMAT_INSTANT = new Intl.DateTimeFormat("fr-FR", { timeZone: FUSEAU, dateStyle: "short", timeStyle: "medium" });
const instant = (d: Date): string => FORMAT_INSTANT.format(d);

/** The compte rendu and the status history of a lot, as text for its show page. */
export const texteCompteRendu = async (lots: DepotLots, lotId: string): Promise<{ readonly compteRendu: string; readonly historique: string }> => {
  const lot = await lots.charger(lotId);
  if (Either.isLeft(lot)) return { compteRendu: "", historique: "" };
  const elements = await lots.elements(lotId, 0, ELEMENTS_AFFICHES);
  const lignes = elements.map((e) =>
    e.resultat === "INTEGRE"
      ? `Mémoire ${e.indice} (ligne ${e.ligne}) : intégré, ${e.numero}`
      : `Mémoire ${e.indice} (ligne ${e.ligne}) : rejeté\n${e.erreurs.map((x) => `    ${x.chemin === "" ? "(mémoire)" : x.chemin} : ${x.raison}`).join("\n")}`,
  );
  const erreurLot = lot.right.erreur;
  const entete = erreurLot === undefined ? [] : [`Lot : ${erreurLot.raison}${erreurLot.ligne === undefined ? "" : ` (ligne ${erreurLot.ligne}, colonne ${erreurLot.colonne ?? 0})`}`];
  const suite = lot.right.nombreMemoires > ELEMENTS_AFFICHES ? [`… ${lot.right.nombreMemoires - ELEMENTS_AFFICHES} autres mémoires : compte rendu complet par l'API (GET /api/v1/flux/${lotId}/compte-rendu).`] : [];
  const historique = (await lots.transitions(lotId)).map((t) => `${instant(t.le)} — ${t.evenement} : ${(t.de as string) === "" ? "" : `${t.de} → `}${t.vers}${t.motif === undefined ? "" : ` (${t.motif})`}`);
  return { compteRendu: [...entete, ...lignes, ...suite].join("\n"), historique: historique.join("\n") };
};

/** Dépôt flux resources of the back-office: the lots received, their status, counts and compte rendu (read-only). */
export const ressourcesFlux = (d: DependancesAdmin): ReadonlyArray<ResourceWithOptions> => {
  // Deposits are the prestataires' data: read by those who read the organisation screens (administration, support).
  const lecture = (ctx: ActionContext): boolean => peutLireOrganisation(agentDuContexte(ctx), d.juridictions());
  const lots = new DepotLots(d.orm);
  return [
    {
      resource: new RessourceLots({ model: FluxLotSchema as never, orm: d.orm }),
      options: {
        id: "lots",
        navigation: { name: "Dépôt flux", icon: "Upload" },
        listProperties: ["id", "emetteurIdentifiant", "recuLe", "statut", "nombreMemoires", "nombreIntegres", "nombreRejetes"],
        filterProperties: ["id", "emetteurIdentifiant", "statut", "recuLe"],
        showProperties: ["id", "statut", "emetteurIdentifiant", "utilisateur", "canal", "recuLe", "termineLe", "nombreMemoires", "nombreIntegres", "nombreRejetes", "empreinte", "taille", "historique", "compteRendu"],
        sort: { sortBy: "recuLe", direction: "desc" },
        properties: {
          id: { isTitle: true },
          statut: { availableValues: STATUTS_LOT.map((value) => ({ value, label: value })) },
          historique: { type: "textarea", isVisible: { list: false, filter: false, show: true, edit: false } },
          compteRendu: { type: "textarea", isVisible: { list: false, filter: false, show: true, edit: false } },
          version: { isVisible: false },
          erreur: { isVisible: false },
          structureId: { isVisible: false },
          nombreTransitions: { isVisible: false },
        },
        actions: {
          list: { isAccessible: lecture, after: avertirFiltresIllisibles },
          search: { isAccessible: lecture },
          show: {
            isAccessible: lecture,
            showInDrawer: false,
            after: async (reponse: ActionResponse, _requete: ActionRequest, _contexte: ActionContext) => {
              const id = (reponse["record"] as { params?: Record<string, unknown> } | undefined)?.params?.["id"];
              if (typeof id !== "string") return reponse;
              const texte = await texteCompteRendu(lots, id);
              const record = reponse["record"] as { params: Record<string, unknown> };
              record.params = { ...record.params, ...texte };
              return reponse;
            },
          },
          new: interdit,
          edit: interdit,
          delete: interdit,
          bulkDelete: interdit,
        },
      },
    },
  ];
};
