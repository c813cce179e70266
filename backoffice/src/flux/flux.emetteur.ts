import type { ActeurUtilisateur } from "@frais-justice/core/autorisation";
import type { CoordonneeBancaire } from "@frais-justice/core/coordonnees-bancaires";
import type { JuridictionDestinataire } from "@frais-justice/core/memoire";
import type { Mandat } from "@frais-justice/core/mandat";
import { prerequisManquants, type PrerequisManquant } from "@frais-justice/core/prerequis";
import type { Structure } from "@frais-justice/core/structure";
import { estVerrouille } from "@frais-justice/core/utilisateur";
import { Either } from "effect";
import type { Orm } from "../base/orm.js";
import { depotsOrganisation } from "../organisation/organisation.repository.js";
import type { EnTeteLot } from "./flux.lecteur.js";

/**
 * The émetteur of a lot, loaded once per lot from the organisation tables: the structure (found by
 * its identifier), its bank details and mandats (the send rule's prerequisites), and the depositing
 * user as core's actor (rattachements and habilitations) — every mémoire of the lot is created and
 * sent in their name, exactly as if they typed it, so `autoriser` decides as everywhere.
 */
export interface Emetteur {
  readonly structure: Structure;
  readonly coordonnees: ReadonlyArray<CoordonneeBancaire>;
  readonly mandats: ReadonlyArray<Mandat>;
  /** The structure's unmet prerequisites, computed once for the lot by core's `prerequisManquants` (the send rule reads them). */
  readonly prerequisManquants: ReadonlyArray<PrerequisManquant>;
  readonly acteur: ActeurUtilisateur;
  readonly email: string;
  /** Juridictions by code (looked up once each). */
  readonly juridiction: (code: string) => Promise<JuridictionDestinataire | undefined>;
}

/** Loads the émetteur named by a lot header, or says why it cannot be. */
export const chargerEmetteur = async (orm: Orm, entete: EnTeteLot, maintenant: Date): Promise<Either.Either<Emetteur, string>> => {
  const depots = depotsOrganisation(orm);
  const structures = Either.getOrThrow(await depots.structures.lister("identifiantValeur", entete.emetteur.identifiant));
  const structure = structures[0]?.valeur;
  if (structure === undefined) return Either.left(`emetteur.identifiant : aucune structure d'identifiant ${entete.emetteur.identifiant}`);
  const utilisateurs = Either.getOrThrow(await depots.utilisateurs.lister("email", entete.emetteur.utilisateur));
  const utilisateur = utilisateurs[0]?.valeur;
  if (utilisateur === undefined) return Either.left(`emetteur.utilisateur : aucun utilisateur ${entete.emetteur.utilisateur}`);
  const [rattachements, habilitations, coordonnees, mandats] = [
    Either.getOrThrow(await depots.rattachements.lister("utilisateurId", utilisateur.id)),
    Either.getOrThrow(await depots.habilitations.lister("utilisateurId", utilisateur.id)),
    Either.getOrThrow(await depots.coordonneesBancaires.lister("structureId", structure.id)),
    Either.getOrThrow(await depots.mandats.lister("structureId", structure.id)),
  ];
  const juridictions = new Map<string, JuridictionDestinataire | undefined>();
  return Either.right({
    structure,
    coordonnees: coordonnees.map((c) => c.valeur),
    mandats: mandats.map((m) => m.valeur),
    prerequisManquants: prerequisManquants(structure, { structureId: structure.id, coordonnees: coordonnees.map((c) => c.valeur) }, { structureId: structure.id, mandats: mandats.map((m) => m.valeur) }),
    email: utilisateur.email,
    acteur: {
      _tag: "Utilisateur",
      id: utilisateur.id,
      rattachements: rattachements.map(({ valeur: r }) => ({ structureId: r.structureId, role: r.role, ...(r.serviceId === undefined ? {} : { serviceId: r.serviceId }) })),
      habilitations: habilitations.map(({ valeur: h }) => ({ structureId: h.structureId, application: h.application, mode: h.mode, ...(h.serviceId === undefined ? {} : { serviceId: h.serviceId }) })),
      actif: utilisateur.statut === "ACTIF" && !estVerrouille(utilisateur, maintenant),
    },
    juridiction: async (code) => {
      if (!juridictions.has(code)) {
        const j = await depots.juridictions.charger(code);
        juridictions.set(code, Either.isRight(j) ? { code: j.right.code, libelle: j.right.libelle, courAppel: j.right.courAppel } : undefined);
      }
      return juridictions.get(code);
    },
  });
};
