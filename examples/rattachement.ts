/**
 * # Créer sa structure, rattacher un collègue, transférer le rôle de gestionnaire principal
 *
 * Scénario du guide « Comment créer mon compte utilisateur » (seed 004). Manuela Martin, responsable
 * de la facturation de l'entreprise « Les Délices de Savoie », crée la fiche structure : elle en
 * devient par défaut la gestionnaire principale. Elle ouvre l'espace « Mémoires de frais de
 * justice ». Pierre Dubois, qui la rejoint, demande à être rattaché à la structure ; la demande
 * attend la validation d'un gestionnaire. Manuela l'accepte et le nomme gestionnaire secondaire,
 * puis lui transfère son rôle de gestionnaire principal : elle devient gestionnaire secondaire.
 *
 * Règles illustrées : un seul gestionnaire principal par structure, le créateur d'abord ; seul le
 * gestionnaire principal transfère ce rôle ; le gestionnaire secondaire a tous les droits sauf
 * celui de changer le gestionnaire principal (docs/autorisation.md).
 */
import { Either } from "effect";
import { autoriser, type Action, type Cible } from "@frais-justice/core/autorisation";
import { ouvrirEspace } from "@frais-justice/core/habilitation";
import {
  accepterRattachement,
  acteurUtilisateur,
  demanderRattachement,
  demandesEnAttente,
  etatRattachementsVide,
  fonderStructure,
  gestionnairePrincipal,
  membres,
  transfererGestionnairePrincipal,
  type EtatRattachements,
  type EvenementRattachement,
} from "@frais-justice/core/rattachement";
import { creerStructure, type Structure } from "@frais-justice/core/structure";
import { contexteDeterministe } from "@frais-justice/core";

/** The outcome the test checks. */
export interface Resultat {
  readonly structure: Structure;
  readonly rattachements: EtatRattachements;
  /** Principal after each step: creation, acceptance, transfer. */
  readonly principaux: ReadonlyArray<string | undefined>;
  /** Pierre's attempt to transfer the role back while still secondaire: the refusal reason. */
  readonly refusAvantTransfert: string;
  readonly evenements: ReadonlyArray<EvenementRattachement>;
}

const ou = <A, E extends { readonly message: string }>(r: Either.Either<A, E>): A =>
  Either.getOrElse(r, (e) => {
    throw new Error(e.message);
  });

const LIBELLE_ROLE = {
  GESTIONNAIRE_PRINCIPAL: "gestionnaire principal",
  GESTIONNAIRE_SECONDAIRE: "gestionnaire secondaire",
  UTILISATEUR: "utilisateur simple",
} as const;

const NOMS: Readonly<Record<string, string>> = { manuela: "Manuela Martin", pierre: "Pierre Dubois" };

/** Runs the scenario, printing each step in French. */
export const main = (journal: (ligne: string) => void = console.log): Resultat => {
  const ctx = contexteDeterministe(new Date("2026-09-14T08:30:00Z"), "rattachement");
  const evenements: Array<EvenementRattachement> = [];
  const principaux: Array<string | undefined> = [];
  const roster = (etat: EtatRattachements, structureId: string): string =>
    membres(etat, structureId)
      .map((m) => `${NOMS[m.utilisateurId] ?? m.utilisateurId} (${LIBELLE_ROLE[m.role]})`)
      .join(", ");

  journal("1. Manuela crée la fiche structure « Les Délices de Savoie » (SIRET 73282932000074).");
  const creation = ou(
    creerStructure(
      {
        createurId: "manuela",
        donnees: {
          identifiant: { type: "SIRET", valeur: "73282932000074" },
          raisonSociale: "Les Délices de Savoie",
          adresse: { ligne: "12 place Saint-Léger", codePostal: "73000", ville: "Chambéry", pays: "FR" },
        },
      },
      ctx,
    ),
  );
  let structure = creation.state;
  let rattachements = etatRattachementsVide;
  for (const e of creation.events) {
    if (e._tag !== "StructureCreee") continue;
    const r = ou(fonderStructure(rattachements, e, ctx));
    rattachements = r.state;
    evenements.push(...r.events);
  }
  principaux.push(gestionnairePrincipal(rattachements, structure.id));
  journal(`   membres : ${roster(rattachements, structure.id)}`);

  journal("2. Manuela ouvre l'espace « Mémoires de frais de justice » sur la structure.");
  structure = ou(
    ouvrirEspace(structure, { acteur: acteurUtilisateur(rattachements, "manuela"), donnees: { espace: "MEMOIRES_DE_FRAIS_DE_JUSTICE" } }, ctx),
  ).state;
  journal(`   espaces ouverts : ${structure.espacesOuverts.join(", ")}`);

  journal("3. Pierre demande à être rattaché à la structure.");
  const demande = ou(demanderRattachement(rattachements, { utilisateurId: "pierre", structureId: structure.id }, ctx));
  rattachements = demande.state;
  evenements.push(...demande.events);
  journal(`   en attente de validation d'un gestionnaire : ${demandesEnAttente(rattachements, structure.id).length} demande(s)`);

  journal("4. Manuela accepte la demande et nomme Pierre gestionnaire secondaire.");
  const demandeId = demandesEnAttente(rattachements, structure.id)[0]?.id ?? "";
  const acceptation = ou(accepterRattachement(rattachements, { par: "manuela", demandeId, role: "GESTIONNAIRE_SECONDAIRE" }, ctx));
  rattachements = acceptation.state;
  evenements.push(...acceptation.events);
  principaux.push(gestionnairePrincipal(rattachements, structure.id));
  journal(`   membres : ${roster(rattachements, structure.id)}`);

  const cible: Cible = { _tag: "Structure", structureId: structure.id, espacesOuverts: structure.espacesOuverts };
  for (const action of ["structure.modifier", "memoire.modifier", "rattachement.transferer-principal"] satisfies ReadonlyArray<Action>) {
    const r = autoriser(acteurUtilisateur(rattachements, "pierre"), action, cible);
    journal(`   Pierre peut-il « ${action} » ? ${Either.isRight(r) ? `oui (${r.right.motif})` : `non (${r.left.raison})`}`);
  }
  const tentative = transfererGestionnairePrincipal(rattachements, { par: "pierre", structureId: structure.id, nouveauPrincipalId: "pierre" }, ctx);
  const refusAvantTransfert = Either.isLeft(tentative) && tentative.left._tag === "NonAutorise" ? tentative.left.raison : "accepté";

  journal("5. Manuela transfère son rôle de gestionnaire principal à Pierre.");
  const transfert = ou(transfererGestionnairePrincipal(rattachements, { par: "manuela", structureId: structure.id, nouveauPrincipalId: "pierre" }, ctx));
  rattachements = transfert.state;
  evenements.push(...transfert.events);
  principaux.push(gestionnairePrincipal(rattachements, structure.id));
  journal(`   membres : ${roster(rattachements, structure.id)}`);
  journal(`   journal : ${evenements.map((e) => e._tag).join(" → ")}`);

  return { structure, rattachements, principaux, refusAvantTransfert, evenements };
};
