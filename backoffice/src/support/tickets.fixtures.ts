import type { ActeurAgent, ActeurSysteme, ActeurUtilisateur } from "@frais-justice/core/autorisation";
import type { Memoire } from "@frais-justice/core/memoire";
import { Schema } from "effect";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Orm } from "../base/orm.js";
import { DepotMemoires } from "../memoire/memoire.repository.js";
import { JuridictionStockee } from "../organisation/organisation.documents.js";
import { depotsOrganisation } from "../organisation/organisation.repository.js";
import { StockagePieces } from "../pieces-jointes/stockage.js";
import { memoiresDeTest } from "../test-support/jeu.js";
import { structureDeTest } from "../test-support/organisation.fixtures.js";
import { DepotTicketsSql } from "./depot-tickets.sql.js";

/** A settable clock for the tests. */
export class Horloge {
  constructor(public instant: Date) {}
  readonly lire = (): Date => new Date(this.instant.getTime());
  avancer(jours: number, millisecondes = 0): Date {
    this.instant = new Date(this.instant.getTime() + jours * 24 * 60 * 60 * 1000 + millisecondes);
    return this.lire();
  }
}

/** The cast of the persistence tests of the tickets: a stored mémoire, its structure and juridiction, actors. */
export interface Scene {
  readonly depot: DepotTicketsSql;
  readonly horloge: Horloge;
  readonly memoire: Memoire;
  readonly demandeur: ActeurUtilisateur;
  /** A simple user of the same structure, without any habilitation. */
  readonly simple: ActeurUtilisateur;
  readonly autre: ActeurUtilisateur;
  /** SUPPORT agent of the mémoire's juridiction. */
  readonly agentJuridiction: ActeurAgent;
  readonly agentJuridictionBis: ActeurAgent;
  /** SUPPORT agent whose perimeter includes the national queue only. */
  readonly agentNational: ActeurAgent;
  /** SUPPORT agent of another juridiction. */
  readonly agentAilleurs: ActeurAgent;
  readonly systeme: ActeurSysteme;
  /** Removes the scene's attachments folder (call it where the suite closes its database). */
  nettoyer(): void;
}

export const T0 = new Date("2026-03-02T09:00:00.000Z");

/** Stores a mémoire (sent), its structure (espace Mémoires open) and two juridictions, and builds the repository. */
export const monterScene = async (orm: Orm, graine = 7): Promise<Scene> => {
  const [genere] = memoiresDeTest(graine, 1, 1, "ENVOYE");
  if (genere === undefined) throw new Error("aucun mémoire généré");
  const memoire = genere.memoire;
  await new DepotMemoires(orm).enregistrerNouveaux([genere]);
  const organisation = depotsOrganisation(orm);
  const j = memoire.enTete.juridiction;
  await organisation.juridictions.enregistrerNouveaux([
    Schema.decodeUnknownSync(JuridictionStockee)({ code: j.code, libelle: j.libelle, type: "TRIBUNAL_JUDICIAIRE", courAppel: j.courAppel }),
    Schema.decodeUnknownSync(JuridictionStockee)({ code: "ZZ9", libelle: "Tribunal judiciaire d'ailleurs", type: "TRIBUNAL_JUDICIAIRE", courAppel: "CA-ZZ" }),
  ]);
  await organisation.structures.enregistrer(structureDeTest(memoire.enTete.structureId));
  const horloge = new Horloge(T0);
  let n = 0;
  const dossierPieces = mkdtempSync(join(tmpdir(), "fj-pieces-tickets-"));
  const depot = new DepotTicketsSql(orm, {
    horloge: horloge.lire,
    genererId: () => `id-${graine}-${String((n += 1)).padStart(6, "0")}`,
    pieces: new StockagePieces(dossierPieces),
    annuaire: (ticket) =>
      Promise.resolve({
        supportNational: "support@justice.example",
        servicesMetier: new Map([[j.code, `service-metier-${j.code}@justice.example`]]),
        agents: new Map(ticket.agentId === undefined ? [] : [[ticket.agentId, `${ticket.agentId}@justice.example`]]),
      }),
  });
  const agent = (id: string, perimetre: ActeurAgent["perimetre"]): ActeurAgent => ({ _tag: "Agent", id, roles: ["SUPPORT"], perimetre });
  return {
    depot,
    horloge,
    memoire,
    demandeur: { _tag: "Utilisateur", id: "u-demandeur", rattachements: [{ structureId: memoire.enTete.structureId, role: "GESTIONNAIRE_PRINCIPAL" }], habilitations: [] },
    simple: { _tag: "Utilisateur", id: "u-simple", rattachements: [{ structureId: memoire.enTete.structureId, role: "UTILISATEUR" }], habilitations: [] },
    autre: { _tag: "Utilisateur", id: "u-autre", rattachements: [{ structureId: "structure-autre", role: "GESTIONNAIRE_PRINCIPAL" }], habilitations: [] },
    agentJuridiction: agent("a-support-juridiction", { juridictions: [j.code], coursAppel: [] }),
    agentJuridictionBis: agent("a-support-juridiction-bis", { juridictions: [j.code], coursAppel: [] }),
    agentNational: agent("a-support-national", { juridictions: [], coursAppel: [], supportNational: true }),
    agentAilleurs: agent("a-support-ailleurs", { juridictions: ["ZZ9"], coursAppel: [] }),
    systeme: { _tag: "Systeme" },
    nettoyer: () => rmSync(dossierPieces, { recursive: true, force: true }),
  };
};

/** The creation form of a ticket about the scene's mémoire (routed to its juridiction's service métier). */
export const saisieMemoire = (s: Scene, extra: Record<string, unknown> = {}) => ({
  structureId: s.memoire.enTete.structureId,
  categorie: "MEMOIRE_FRAIS_DE_JUSTICE",
  sousCategorie: "M_SUIVI_TRAITEMENT_MEMOIRE",
  numeroObjet: s.memoire.numero.toLowerCase(),
  emetteur: { organisation: "73282932000074", designation: "Cabinet Élise Cœur", email: "contact@elise-coeur.example", telephone: "01 23 45 67 89" },
  titre: "Paiement de mon mémoire",
  description: "Mon mémoire a été envoyé il y a deux mois : où en est-il ?",
  ...extra,
});

/** The creation form of an account ticket (national queue). */
export const saisieCompte = (s: Scene, extra: Record<string, unknown> = {}) => ({
  structureId: s.memoire.enTete.structureId,
  categorie: "MON_COMPTE",
  sousCategorie: "CONNEXION_MOT_DE_PASSE",
  emetteur: { organisation: "73282932000074", email: "contact@elise-coeur.example" },
  titre: "Compte verrouillé",
  description: "Mon compte est verrouillé après cinq essais.",
  ...extra,
});

/** The smallest PNG signature followed by a few bytes: recognised as image/png by the store. */
export const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
