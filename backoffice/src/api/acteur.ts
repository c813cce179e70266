import type { ActeurUtilisateur, CibleMemoire, CibleStructure, EspaceOuvrable } from "@frais-justice/core/autorisation";
import type { Memoire } from "@frais-justice/core/memoire";
import { estVerrouille } from "@frais-justice/core/utilisateur";
import { Either } from "effect";
import type { DepotsOrganisation } from "../organisation/organisation.repository.js";

/**
 * Who calls the API: the user of the token, as core's `autoriser` reads them — their rattachements
 * and habilitations loaded from the organisation tables on every request (a change applies at once),
 * and the espaces opened on each of their structures (the targets carry them).
 */
export interface Authentifie {
  readonly utilisateurId: string;
  readonly email: string;
  readonly jetonId: string;
  readonly acteur: ActeurUtilisateur;
  /** Espaces opened on each structure the user is attached to. */
  readonly espacesOuverts: ReadonlyMap<string, ReadonlyArray<EspaceOuvrable>>;
}

/** Loads the actor of a user; `undefined` when the user no longer exists. */
export const chargerActeur = async (depots: DepotsOrganisation, utilisateurId: string, jetonId: string, maintenant: Date): Promise<Authentifie | undefined> => {
  const u = await depots.utilisateurs.charger(utilisateurId);
  if (Either.isLeft(u)) return undefined;
  const utilisateur = u.right.valeur;
  const [rattachements, habilitations] = [
    Either.getOrThrow(await depots.rattachements.lister("utilisateurId", utilisateurId)),
    Either.getOrThrow(await depots.habilitations.lister("utilisateurId", utilisateurId)),
  ];
  const espacesOuverts = new Map<string, ReadonlyArray<EspaceOuvrable>>();
  for (const { valeur: r } of rattachements) {
    if (espacesOuverts.has(r.structureId)) continue;
    const s = await depots.structures.charger(r.structureId);
    espacesOuverts.set(r.structureId, Either.isRight(s) ? s.right.valeur.espacesOuverts : []);
  }
  return {
    utilisateurId,
    email: utilisateur.email,
    jetonId,
    acteur: {
      _tag: "Utilisateur",
      id: utilisateurId,
      rattachements: rattachements.map(({ valeur: r }) => ({ structureId: r.structureId, role: r.role, ...(r.serviceId === undefined ? {} : { serviceId: r.serviceId }) })),
      habilitations: habilitations.map(({ valeur: h }) => ({ structureId: h.structureId, application: h.application, mode: h.mode, ...(h.serviceId === undefined ? {} : { serviceId: h.serviceId }) })),
      actif: utilisateur.statut === "ACTIF" && !estVerrouille(utilisateur, maintenant),
    },
    espacesOuverts,
  };
};

/** The structures the user is attached to (each once). */
export const structuresDe = (a: Authentifie): ReadonlyArray<string> => [...new Set(a.acteur.rattachements.map((r) => r.structureId))];

/** A structure (or one of its services) as a target, with its open espaces. */
export const cibleStructure = (a: Authentifie, structureId: string, serviceId?: string): CibleStructure => ({
  _tag: "Structure",
  structureId,
  ...(serviceId === undefined ? {} : { serviceId }),
  espacesOuverts: a.espacesOuverts.get(structureId) ?? [],
});

/** A mémoire as a target (prestataire side: its structure and service, with the structure's espaces). */
export const cibleMemoire = (a: Authentifie, m: Pick<Memoire, "enTete">): CibleMemoire => ({
  _tag: "Memoire",
  structureId: m.enTete.structureId,
  ...(m.enTete.serviceId === undefined ? {} : { serviceId: m.enTete.serviceId }),
  juridiction: { code: m.enTete.juridiction.code, courAppel: m.enTete.juridiction.courAppel },
  espacesOuverts: a.espacesOuverts.get(m.enTete.structureId) ?? [],
});
