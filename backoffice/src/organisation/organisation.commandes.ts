import type { Acteur, NonAutorise } from "@frais-justice/core/autorisation";
import { desactiverCoordonneeBancaire, reactiverCoordonneeBancaire } from "@frais-justice/core/coordonnees-bancaires";
import { revoquerHabilitation } from "@frais-justice/core/habilitation";
import { revoquerMandat } from "@frais-justice/core/mandat";
import { Data, Either } from "effect";
import { randomUUID } from "node:crypto";
import type { Orm } from "../base/orm.js";
import { sqlDe, type Sql } from "../base/sql.js";
import { table } from "../base/tables.js";
import { ConflitDeVersion, type DonneesCorrompues } from "../memoire/memoire.errors.js";
import type { DocumentIntrouvable } from "./documents.repository.js";
import { depotsOrganisation, type DepotsOrganisation } from "./organisation.repository.js";

/**
 * The organisation commands the back-office runs: each loads the aggregate with its versions, asks
 * core's pure command (which asks `autoriser` first and applies the rule), then writes the changed
 * rows — each under its optimistic version — and one audit entry per core event, in one transaction.
 * A refusal writes nothing.
 */
export type CommandeOrganisation =
  | { readonly type: "desactiverCoordonneeBancaire" | "reactiverCoordonneeBancaire"; readonly structureId: string; readonly coordonneeBancaireId: string }
  | { readonly type: "revoquerMandat"; readonly structureId: string; readonly mandatId: string }
  | { readonly type: "revoquerHabilitation"; readonly structureId: string; readonly habilitationId: string };

/** The core action each command is authorized as (for showing the action only to whom core grants it). */
export const ACTION_DE_LA_COMMANDE = {
  desactiverCoordonneeBancaire: "coordonnees-bancaires.gerer",
  reactiverCoordonneeBancaire: "coordonnees-bancaires.gerer",
  revoquerMandat: "mandat.gerer",
  revoquerHabilitation: "habilitation.gerer",
} as const;

/** The sub-record named by a command does not belong to the structure given (a guessed id). */
export class CibleHorsStructure extends Data.TaggedError("CibleHorsStructure")<{ readonly structureId: string; readonly cibleId: string }> {
  override get message(): string {
    return `${this.cibleId} n'appartient pas à la structure ${this.structureId}`;
  }
}

/** Why a command was not applied: core's refusal, or the storage's. */
export type EchecCommandeOrganisation =
  | NonAutorise
  | { readonly _tag: string; readonly message: string }
  | DocumentIntrouvable
  | DonneesCorrompues
  | ConflitDeVersion
  | CibleHorsStructure;

/** What was done: the French message for the notice, and the audit entries written. */
export interface CommandeAppliquee {
  readonly message: string;
  readonly evenements: ReadonlyArray<string>;
}

const auteurType = (a: Acteur): string => (a._tag === "Agent" ? "AGENT" : a._tag === "Utilisateur" ? "UTILISATEUR" : "SYSTEME");
const auteurId = (a: Acteur): string => (a._tag === "Systeme" ? "systeme" : a.id);

/** Thrown inside the transaction to roll it back, caught right outside. */
class Annulation extends Error {
  constructor(readonly echec: EchecCommandeOrganisation) {
    super(echec.message);
  }
}

/**
 * Runs one organisation command for `acteur` (an agent of the back-office, or a prestataire user).
 * `maintenant` and ids come from the caller so that tests can pin them.
 */
export const executerCommandeOrganisation = async (
  orm: Orm,
  acteur: Acteur,
  commande: CommandeOrganisation,
  contexte: { readonly maintenant: Date; readonly genererId: () => string } = { maintenant: new Date(), genererId: randomUUID },
  depots: DepotsOrganisation = depotsOrganisation(orm),
): Promise<Either.Either<CommandeAppliquee, EchecCommandeOrganisation>> => {
  const audit = table(orm, "EvenementOrganisation");
  const ecrireAudit = async (tx: Sql, evenements: ReadonlyArray<{ readonly _tag: string }>, cibleId: string) => {
    await audit.inserer(
      tx,
      evenements.map((e) => ({
        id: contexte.genererId(),
        structureId: commande.structureId,
        type: e._tag,
        auteurType: auteurType(acteur),
        auteurId: auteurId(acteur),
        le: contexte.maintenant,
        cibleId,
        donnees: JSON.stringify(e),
      })),
    );
    return evenements.map((e) => e._tag);
  };
  const ecrire = async <A>(travail: (tx: Sql) => Promise<A>): Promise<Either.Either<A, EchecCommandeOrganisation>> => {
    try {
      return Either.right(await sqlDe(orm).transaction(travail));
    } catch (e) {
      if (e instanceof Annulation) return Either.left(e.echec);
      throw e;
    }
  };
  const structure = await depots.structures.charger(commande.structureId);
  if (Either.isLeft(structure)) return Either.left(structure.left);

  switch (commande.type) {
    case "desactiverCoordonneeBancaire":
    case "reactiverCoordonneeBancaire": {
      const lues = await depots.coordonneesBancaires.lister("structureId", commande.structureId);
      if (Either.isLeft(lues)) return Either.left(lues.left);
      if (!lues.right.some((c) => c.valeur.id === commande.coordonneeBancaireId)) {
        return Either.left(new CibleHorsStructure({ structureId: commande.structureId, cibleId: commande.coordonneeBancaireId }));
      }
      const etat = { structureId: commande.structureId, coordonnees: lues.right.map((c) => c.valeur) };
      const executer = commande.type === "desactiverCoordonneeBancaire" ? desactiverCoordonneeBancaire : reactiverCoordonneeBancaire;
      const r = executer(etat, { acteur, donnees: { coordonneeBancaireId: commande.coordonneeBancaireId } }, contexte);
      if (Either.isLeft(r)) return Either.left(r.left);
      const versions = new Map(lues.right.map((c) => [c.valeur.id, { valeur: c.valeur, version: c.version }]));
      return ecrire(async (tx) => {
        for (const c of r.right.state.coordonnees) {
          const avant = versions.get(c.id);
          if (avant === undefined || avant.valeur === c) continue;
          const ecrit = await depots.coordonneesBancaires.enregistrer(c, avant.version, tx);
          if (Either.isLeft(ecrit)) throw new Annulation(ecrit.left);
        }
        const evenements = await ecrireAudit(tx, r.right.events, commande.coordonneeBancaireId);
        return { message: commande.type === "desactiverCoordonneeBancaire" ? "Coordonnée bancaire désactivée" : "Coordonnée bancaire réactivée", evenements };
      });
    }
    case "revoquerMandat": {
      const lus = await depots.mandats.lister("structureId", commande.structureId);
      if (Either.isLeft(lus)) return Either.left(lus.left);
      if (!lus.right.some((m) => m.valeur.id === commande.mandatId)) {
        return Either.left(new CibleHorsStructure({ structureId: commande.structureId, cibleId: commande.mandatId }));
      }
      const r = revoquerMandat({ structureId: commande.structureId, mandats: lus.right.map((m) => m.valeur) }, { acteur, donnees: { mandatId: commande.mandatId } }, contexte);
      if (Either.isLeft(r)) return Either.left(r.left);
      const versions = new Map(lus.right.map((m) => [m.valeur.id, m]));
      return ecrire(async (tx) => {
        for (const m of r.right.state.mandats) {
          const avant = versions.get(m.id);
          if (avant === undefined || avant.valeur === m) continue;
          const ecrit = await depots.mandats.enregistrer(m, avant.version, tx);
          if (Either.isLeft(ecrit)) throw new Annulation(ecrit.left);
        }
        return { message: "Mandat de facturation révoqué", evenements: await ecrireAudit(tx, r.right.events, commande.mandatId) };
      });
    }
    case "revoquerHabilitation": {
      const lues = await depots.habilitations.lister("structureId", commande.structureId);
      if (Either.isLeft(lues)) return Either.left(lues.left);
      const visee = lues.right.find((h) => h.valeur.id === commande.habilitationId);
      if (visee === undefined) return Either.left(new CibleHorsStructure({ structureId: commande.structureId, cibleId: commande.habilitationId }));
      const r = revoquerHabilitation(
        { habilitations: lues.right.map((h) => h.valeur), abonnements: [] },
        { acteur, espacesOuverts: structure.right.valeur.espacesOuverts, donnees: { habilitationId: commande.habilitationId } },
        contexte,
      );
      if (Either.isLeft(r)) return Either.left(r.left);
      return ecrire(async (tx) => {
        const supprimees = await tx.lignes(`DELETE FROM habilitation WHERE id = ? AND version = ? RETURNING id`, [visee.valeur.id, visee.version]);
        if (supprimees.length !== 1) throw new Annulation(new ConflitDeVersion({ entite: "habilitation", id: visee.valeur.id, versionAttendue: visee.version }));
        return { message: "Habilitation révoquée", evenements: await ecrireAudit(tx, r.right.events, commande.habilitationId) };
      });
    }
  }
};

/** The HTTP status of a refusal, decided at the edge (core knows no HTTP). */
export const statutHttp = (e: EchecCommandeOrganisation): number => {
  switch (e._tag) {
    case "NonAutorise":
      return 403;
    case "DocumentIntrouvable":
    case "CibleHorsStructure":
      return 404;
    case "ConflitDeVersion":
      return 409;
    case "DonneesCorrompues":
      return 500;
    default:
      return 422;
  }
};

/** The French message shown for a refusal. */
export const messageRefus = (e: EchecCommandeOrganisation): string => {
  switch (e._tag) {
    case "NonAutorise":
      return `Action refusée : ${e.message}`;
    case "ConflitDeVersion":
      return "La structure a été modifiée entre-temps par quelqu'un d'autre : rechargez la page, rien n'a été enregistré.";
    case "DocumentIntrouvable":
    case "CibleHorsStructure":
      return "Élément introuvable.";
    default:
      return `Refusé : ${e.message}`;
  }
};
