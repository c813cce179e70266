import {
  APPLICATION_DE_L_ESPACE,
  roleSurStructure,
  type ActeurUtilisateur,
  type EspaceOuvrable,
  type EspaceParDefaut,
  type Habilitation,
} from "../autorisation/index.js";
import {
  ESPACES_PAR_DEFAUT,
  libelleProfil,
  type DemandeAbonnement,
  type EtatHabilitations,
  type LigneHabilitation,
} from "./habilitation.model.js";

/** The habilitations of a user, as `autoriser` reads them (to build the `Acteur`). */
export const habilitationsDe = (etat: EtatHabilitations, utilisateurId: string): ReadonlyArray<Habilitation> =>
  etat.habilitations
    .filter((h) => h.utilisateurId === utilisateurId)
    .map((h) => ({
      structureId: h.structureId,
      ...(h.serviceId === undefined ? {} : { serviceId: h.serviceId }),
      application: h.application,
      mode: h.mode,
    }));

/** The pending subscription requests of a structure (for its gestionnaires). */
export const abonnementsEnAttente = (etat: EtatHabilitations, structureId: string): ReadonlyArray<DemandeAbonnement> =>
  etat.abonnements.filter((a) => a.structureId === structureId);

/** Where "Mes habilitations" finds the names it shows; any missing name falls back to the code. */
export interface Annuaire {
  readonly raisonSociale?: (structureId: string) => string | undefined;
  readonly libelleService?: (structureId: string, codeService: string) => string | undefined;
}

/**
 * "Mes habilitations" (seed 001): one row per habilitation of the user — structure, raison
 * sociale, code and libellé of the service, profile ("Frais de justice modification"), mode and
 * date — ordered by structure, then service (whole structure first), then profile.
 */
export const mesHabilitations = (etat: EtatHabilitations, utilisateurId: string, annuaire: Annuaire = {}): ReadonlyArray<LigneHabilitation> =>
  etat.habilitations
    .filter((h) => h.utilisateurId === utilisateurId)
    .map(
      (h): LigneHabilitation => ({
        structureId: h.structureId,
        raisonSociale: annuaire.raisonSociale?.(h.structureId) ?? h.structureId,
        codeService: h.serviceId,
        libelleService: h.serviceId === undefined ? undefined : (annuaire.libelleService?.(h.structureId, h.serviceId) ?? h.serviceId),
        profil: libelleProfil(h.application, h.mode),
        application: h.application,
        mode: h.mode,
        depuis: h.depuis,
      }),
    )
    .sort(
      (a, b) =>
        a.structureId.localeCompare(b.structureId) ||
        (a.codeService ?? "").localeCompare(b.codeService ?? "") ||
        a.profil.localeCompare(b.profil, "fr"),
    );

/**
 * The espaces a user sees on a structure (seed 004): Mon compte and Sollicitations émises for every
 * attached user, Activités du gestionnaire for gestionnaires; an opened espace for gestionnaires,
 * and for a simple user only once they hold a habilitation on its application. Nothing for a
 * user not attached to the structure.
 */
export const espacesAccessibles = (
  acteur: ActeurUtilisateur,
  structureId: string,
  espacesOuverts: ReadonlyArray<EspaceOuvrable>,
): ReadonlyArray<EspaceParDefaut | EspaceOuvrable> => {
  const role = roleSurStructure(acteur.rattachements, structureId);
  if (role === undefined) return [];
  const gestionnaire = role !== "UTILISATEUR";
  const parDefaut = ESPACES_PAR_DEFAUT.filter((e) => gestionnaire || e !== "ACTIVITES_DU_GESTIONNAIRE");
  const ouverts = espacesOuverts.filter(
    (e) => gestionnaire || acteur.habilitations.some((h) => h.structureId === structureId && h.application === APPLICATION_DE_L_ESPACE[e]),
  );
  return [...parDefaut, ...ouverts];
};
