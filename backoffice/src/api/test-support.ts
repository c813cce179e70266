import { Schema } from "effect";
import express from "express";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import request from "supertest";
import { hacherMotDePasse } from "../admin/acces/mot-de-passe.js";
import { ouvrirOrm, type Orm } from "../base/orm.js";
import { depotsOrganisation } from "../organisation/organisation.repository.js";
import { HabilitationStockee, RattachementStocke, UtilisateurStocke } from "../organisation/organisation.documents.js";
import { StockagePieces } from "../pieces-jointes/stockage.js";
import { coordonneeDeTest, juridictionDeTest, mandatDeTest, structureDeTest } from "../test-support/organisation.fixtures.js";
import { creerApi, type Api, type OptionsApi } from "./index.js";
import type { ActeurAgent, ActeurSysteme } from "@frais-justice/core/autorisation";
import type { Commande } from "@frais-justice/core/memoire";
import { Either } from "effect";
import { randomUUID } from "node:crypto";
import { DepotMemoires } from "../memoire/memoire.repository.js";
import { executerCommande } from "../memoire/memoire.commandes.js";
import { DepotTicketsSql } from "../support/depot-tickets.sql.js";

/** The provider accounts of the API tests: two structures, their gestionnaires, and a simple user with a consultation habilitation on A. */
export const COMPTES = {
  a: { id: "utilisateur-a", email: "gestion@structure-a.example", motDePasse: "Structure-A-2026!", structureId: "structure-a" },
  b: { id: "utilisateur-b", email: "gestion@structure-b.example", motDePasse: "Structure-B-2026!", structureId: "structure-b" },
  lecteur: { id: "utilisateur-lecteur", email: "lecture@structure-a.example", motDePasse: "Lecteur-A-2026!!", structureId: "structure-a" },
} as const;

/** A one-page PDF's first bytes: enough for the store's content detection. */
export const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n", "latin1");

const jour = (decalageJours: number): string => new Date(Date.now() + decalageJours * 86_400_000).toISOString().slice(0, 10);

/** A line of a recent expertise (within the forclusion delay), valid for core's input schema. */
export const ligneValide = (tarifHt = "316.5") => ({
  numeroAffaire: "2026/0042",
  dateRequisition: jour(-20),
  autoriteRequerante: "JUGE_ENFANTS",
  typePrestation: "EXPERTISE_MEDICALE",
  datePrestation: jour(-10),
  quantite: "1",
  tarifHt,
  tauxTva: "20",
});

/** A complete en-tête for structure `structureId`, addressed to juridiction 750 by its code. */
export const enTeteValide = (structureId: string = COMPTES.a.structureId) => ({
  juridiction: "750",
  structureId,
  categoriePrestataire: "EXPERT",
  referenceCoordonneesBancaires: `cb-${structureId}`,
  texteReference: "Article R 92 CPP (procédure pénale)",
  typeTva: "TVA_SUR_DEBIT",
});

/** An API on a fresh SQLite file with the accounts of {@link COMPTES}; `jeton(compte)` signs in and returns a token. */
export const bancApi = async (options: Omit<OptionsApi, "orm" | "stockage" | "tickets"> & { readonly tickets?: boolean } = {}) => {
  const dossier = mkdtempSync(join(tmpdir(), "fj-api-"));
  const orm: Orm = await ouvrirOrm({ dialecte: "sqlite", fichier: join(dossier, "api.sqlite") });
  const depots = depotsOrganisation(orm);
  const maintenant = new Date();
  await depots.juridictions.enregistrerNouveaux([juridictionDeTest("750", "CA-PARIS"), juridictionDeTest("690", "CA-LYON")]);
  await depots.structures.enregistrerNouveaux([structureDeTest("structure-a", "73282932000074"), structureDeTest("structure-b", "35600000049837")]);
  await depots.coordonneesBancaires.enregistrerNouveaux([coordonneeDeTest("cb-structure-a", "structure-a"), coordonneeDeTest("cb-structure-b", "structure-b")]);
  await depots.mandats.enregistrerNouveaux([mandatDeTest("mandat-a", "structure-a", "SIGNE"), mandatDeTest("mandat-b", "structure-b", "SIGNE")]);
  const hash = async (mdp: string) => hacherMotDePasse(mdp);
  await depots.utilisateurs.enregistrerNouveaux(
    await Promise.all(
      Object.values(COMPTES).map(async (c) =>
        Schema.decodeUnknownSync(UtilisateurStocke)({
          id: c.id,
          email: c.email,
          nom: "Martin",
          prenom: "Élise",
          statut: "ACTIF",
          hashMotDePasse: await hash(c.motDePasse),
          motDePasseModifieLe: maintenant.toISOString(),
          echecsConnexion: 0,
          dateCreation: "2024-03-01T08:00:00.000Z",
        }),
      ),
    ),
  );
  const rattacher = (structureId: string, utilisateurId: string, role: string) => Schema.decodeUnknownSync(RattachementStocke)({ structureId, utilisateurId, role, depuis: "2024-03-01T09:00:00.000Z" });
  await depots.rattachements.enregistrerNouveaux([
    rattacher("structure-a", COMPTES.a.id, "GESTIONNAIRE_PRINCIPAL"),
    rattacher("structure-b", COMPTES.b.id, "GESTIONNAIRE_PRINCIPAL"),
    rattacher("structure-a", COMPTES.lecteur.id, "UTILISATEUR"),
  ]);
  await depots.habilitations.enregistrerNouveaux([
    Schema.decodeUnknownSync(HabilitationStockee)({ id: "hab-lecteur", utilisateurId: COMPTES.lecteur.id, structureId: "structure-a", application: "FRAIS_DE_JUSTICE", mode: "CONSULTATION", depuis: "2024-03-01T09:00:00.000Z", parId: COMPTES.a.id }),
  ]);
  const stockage = new StockagePieces(join(dossier, "pieces"));
  const { tickets: avecTickets, ...optionsApi } = options;
  const tickets = avecTickets === true ? new DepotTicketsSql(orm, { pieces: stockage }) : undefined;
  const api: Api = creerApi({ orm, stockage, ...optionsApi, ...(tickets === undefined ? {} : { tickets }) });
  const app = express();
  app.use("/api/v1", api.routeur);
  const jetons = new Map<string, string>();
  return {
    orm,
    app,
    api,
    tickets,
    depots,
    dossier,
    /** A token of an account (created once per account through `POST /jetons`). */
    jeton: async (compte: keyof typeof COMPTES): Promise<string> => {
      const deja = jetons.get(compte);
      if (deja !== undefined) return deja;
      const c = COMPTES[compte];
      const r = await request(app).post("/api/v1/jetons").send({ email: c.email, motDePasse: c.motDePasse, libelle: `tests ${compte}` });
      if (r.status !== 201) throw new Error(`création du jeton de ${compte} refusée : ${r.status} ${JSON.stringify(r.body)}`);
      const jeton = String((r.body as { jeton: string }).jeton);
      jetons.set(compte, jeton);
      return jeton;
    },
    detruire: async () => {
      await orm.close(true);
      rmSync(dossier, { recursive: true, force: true });
    },
  };
};

const agent = (id: string, role: ActeurAgent["roles"][number]): ActeurAgent => ({ _tag: "Agent", id, roles: [role], perimetre: { juridictions: ["750"], coursAppel: [] } });
const SYSTEME: ActeurSysteme = { _tag: "Systeme" };

/** The court side's steps, run through the repository with core's commands (as the back-office does). */
export const ETAPES_JURIDICTION = {
  transmettre: [SYSTEME, { type: "memoire.transmettre" }],
  certifier: [agent("greffier-750", "GREFFIER"), { type: "memoire.certifier", redressements: [] }],
  refuser: [agent("greffier-750", "GREFFIER"), { type: "memoire.refuser", motif: "PIECE_JOINTE_MANQUANTE", commentaire: "Réquisition absente" }],
  validerPaiement: [agent("ordonnateur-750", "ORDONNATEUR"), { type: "memoire.valider-paiement" }],
  mettreEnPaiement: [agent("comptable-750", "COMPTABLE"), { type: "memoire.mettre-en-paiement", paiement: { date: new Date().toISOString().slice(0, 10), reference: "VIR-2026-0001" } }],
} as const satisfies Record<string, readonly [ActeurAgent | ActeurSysteme, Commande]>;

/** Runs court-side steps on a stored mémoire, in order; throws on a refusal (a broken test setup). */
export const coteJuridiction = async (orm: Orm, id: string, etapes: ReadonlyArray<keyof typeof ETAPES_JURIDICTION>): Promise<void> => {
  const depot = new DepotMemoires(orm);
  for (const etape of etapes) {
    const m = await depot.charger(id);
    if (Either.isLeft(m)) throw new Error(`mémoire ${id} illisible`);
    const [acteur, commande] = ETAPES_JURIDICTION[etape];
    const r = await executerCommande(depot, id, m.right.version, commande, { maintenant: new Date(), genererId: randomUUID, acteur });
    if (Either.isLeft(r)) throw new Error(`${etape} refusé : ${r.left.message}`);
  }
};

/** The members the tests read from JSON bodies. */
type Membre =
  | "0"
  | "1"
  | "actif"
  | "certificat"
  | "chemin"
  | "champ"
  | "commande"
  | "compteurs"
  | "CLOTURES"
  | "creeLe"
  | "detail"
  | "duplicata"
  | "ecarts"
  | "elements"
  | "empreinte"
  | "enTete"
  | "erreurs"
  | "etat"
  | "expireLe"
  | "historique"
  | "id"
  | "jeton"
  | "libelle"
  | "liens"
  | "lignes"
  | "memoire"
  | "montantTtc"
  | "montants"
  | "next"
  | "numero"
  | "page"
  | "piecesJointes"
  | "structureId"
  | "statut"
  | "lot"
  | "tag"
  | "ticket"
  | "total"
  | "totalExact"
  | "valide"
  | "version";

/** A JSON body read loosely by the tests: each member is again such a value, an array or a string. */
export type J = { readonly [K in Membre]: J } & ReadonlyArray<J> & string;

/** The body of a supertest response, for loose reading in assertions. */
export const j = (r: { readonly body: unknown }): J => r.body as J;

export type BancApi = Awaited<ReturnType<typeof bancApi>>;
