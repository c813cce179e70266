import { randomUUID } from "node:crypto";
import { resolve } from "node:path";
import { SaisieInvalide } from "@frais-justice/core";
import type { ActeurAgent, ActeurUtilisateur, EspaceOuvrable } from "@frais-justice/core/autorisation";
import type { EtatMemoire } from "@frais-justice/core/memoire";
import {
  agentDeLaFile,
  creerTicket,
  ETATS_OUVERTS,
  executer,
  filesDeLAgent,
  filesExistantes,
  formaterDateHeure,
  journalDemandeur,
  LIBELLES_ETAT_TICKET,
  libelleFile,
  ligneDemandeur,
  memeFile,
  normaliser,
  notificationsDe,
  PARAMETRES_TABLEAU_DE_BORD_PAR_DEFAUT,
  peut,
  referentielApplicable,
  REPONSES_TYPES,
  repondre,
  TYPES_EVENEMENT_MACHINE,
  VariablesInconnues,
  variablesDuGabarit,
  VARIABLES_REPONSE_TYPE,
  vueDemandeur,
  exporterTickets,
  type AnnuaireSupport,
  type Commande,
  type CompteurFile,
  type EtatTicket,
  type FileTicket,
  type JuridictionFile,
  type LigneTicketDemandeur,
  type MemoireConcernee,
  type Message,
  type Fuseau,
  type Onglet,
  type ParametresEcheances,
  type ParametresTableauDeBord,
  type PieceJointeTicket,
  type ReponseType,
  type ResultatTicket,
  type Ticket,
} from "@frais-justice/support";
import { Either } from "effect";
import { RACINE_BACKOFFICE } from "../base/configuration.js";
import type { Orm } from "../base/orm.js";
import { prochaineValeur } from "../base/sequences.js";
import { lireBooleen, lireEntier, sqlDe, type Sql, type ValeurSql } from "../base/sql.js";
import { table, type Table } from "../base/tables.js";
import { echapperLike } from "../base/texte.js";
import { BoiteEnvoiSql, lireSuivi, suiviInitial } from "../base/boite-envoi.js";
import { ConflitDeVersion, DonneesCorrompues } from "../memoire/memoire.errors.js";
import { DepotMemoires } from "../memoire/memoire.repository.js";
import { depotsOrganisation } from "../organisation/organisation.repository.js";
import { StockagePieces, type EmpreinteInvalide, type FichierAltere, type FichierIntrouvable, type PieceRefusee } from "../pieces-jointes/stockage.js";
import type {
  BoiteDEnvoiTickets,
  CriteresFile,
  DemandeCreationTicket,
  DepotReponsesTypes,
  DepotTickets,
  ErreurCreationTicket,
  ErreurExecutionTicket,
  ExportCsv,
  LigneTicketAgent,
  MessageSortant,
  OptionsDepotTickets,
  OptionsExecution,
  OptionsTicketsEmis,
  Page,
  PageDe,
  PieceLue,
  ReponseTypeStockee,
  StatutMessage,
  TicketAgent,
  TicketVuParLeDemandeur,
  TriFile,
} from "./depot-tickets.js";
import { depuisLignes, enteteDepuisLigne, entreeVersLigne, cleDeFile, piecesVersLignes, ticketVersLigne, trouverPiece, versLignes, type EnteteTicket, type LigneBrute } from "./ticket.mapper.js";
import { parametresEcheancesDepuis } from "./ordonnanceur.js";
import { PieceIntrouvable, ReponseTypeIntrouvable, TicketIntrouvable } from "./tickets.errors.js";

/** Raised inside a transaction to roll it back with a typed error. */
class Abandon<E> extends Error {
  constructor(readonly erreur: E) {
    super("transaction abandonnée");
  }
}

const estOccupe = (e: unknown): boolean => {
  const code = (e as { code?: unknown } | undefined)?.code;
  const texte = `${typeof code === "string" ? code : ""} ${e instanceof Error ? e.message : ""}`;
  return /SQLITE_BUSY|database is locked/.test(texte);
};

const valeursEgales = (a: unknown, b: unknown): boolean =>
  a instanceof Date || b instanceof Date ? a instanceof Date && b instanceof Date && a.getTime() === b.getTime() : (a ?? null) === (b ?? null);

const JOUR_MS = 24 * 60 * 60 * 1000;

/** The states of each requester tab (the domain's `dansOnglet`, as SQL). */
const ETATS_ONGLET: { readonly [O in Onglet]: ReadonlyArray<EtatTicket> } = {
  ACTIONS_REQUISES: ["EN_ATTENTE_INFORMATIONS", "RESOLU"],
  TOUS: ["BROUILLON", "NOUVEAU", "EN_COURS", "EN_ATTENTE_INFORMATIONS", "RESOLU"],
  CLOTURES: ["CLOTURE"],
};

const COLONNES_TRI: { readonly [C in TriFile["colonne"]]: string } = { ouvertLe: "ouvert_le", modifieLe: "modifie_le", numero: "numero" };

const EMPREINTE_SONDE = "0".repeat(64);

/** One probe command per machine event, to ask `peut` which actions a menu offers (texts are placeholders). */
const sondes = (acteur: Commande["acteur"]): ReadonlyArray<Commande> =>
  TYPES_EVENEMENT_MACHINE.map((type): Commande => {
    switch (type) {
      case "ticket.modifier-brouillon":
      case "ticket.soumettre":
      case "ticket.affecter":
      case "ticket.relancer":
      case "ticket.cloturer-automatiquement":
      case "ticket.accepter-solution":
      case "ticket.transferer":
      case "ticket.cloturer":
        return { type, acteur };
      case "ticket.joindre":
        return { type, acteur, pieceJointe: { id: "sonde", nomFichier: "sonde.pdf", typeContenu: "application/pdf", taille: 1, empreinte: EMPREINTE_SONDE } };
      default:
        return { type, acteur, texte: "…" };
    }
  });

/**
 * The default addresses of the agents' side (`docs/support.md`, "Notifications"): the national
 * support's address (`FJ_SUPPORT_ADRESSE_NATIONALE`), each service métier's from a pattern
 * (`FJ_SUPPORT_ADRESSE_SERVICE_METIER`, `{code}` replaced by the juridiction code; absent: the national
 * address), the assigned agent's e-mail from the `agent` table — read with the writer's `sql`.
 */
export const annuaireParDefaut = async (sql: Sql, ticket: Ticket, env: NodeJS.ProcessEnv = process.env): Promise<AnnuaireSupport> => {
  const national = env["FJ_SUPPORT_ADRESSE_NATIONALE"] ?? "support@frais-justice.example.fr";
  const gabarit = env["FJ_SUPPORT_ADRESSE_SERVICE_METIER"];
  const servicesMetier = new Map<string, string>();
  if (gabarit !== undefined && gabarit !== "" && ticket.file._tag === "ServiceMetier") {
    servicesMetier.set(ticket.file.juridiction.code, gabarit.replace("{code}", ticket.file.juridiction.code.toLowerCase()));
  }
  const agents = new Map<string, string>();
  if (ticket.agentId !== undefined) {
    const [agent] = await sql.lignes<{ email: string }>("SELECT email FROM agent WHERE id = ?", [ticket.agentId]);
    if (agent !== undefined) agents.set(ticket.agentId, agent.email);
  }
  return { supportNational: national, servicesMetier, agents };
};

/**
 * The ticket repository on SQLite or PostgreSQL (see {@link DepotTickets}). Every write runs in ONE
 * transaction: the ticket row, its journal rows (`rang` 1..n), its attachments list, and the outbox
 * messages of its events. A state change is: load → decode (domain Schema) → check the expected
 * version → run the domain command (machine, guards, `autoriser`) → `UPDATE … WHERE id = ? AND
 * version = ?`; zero rows means a concurrent writer won: `ConflitDeVersion`, nothing remains.
 */
export class DepotTicketsSql implements DepotTickets {
  private readonly sql: Sql;
  private readonly tTicket: Table;
  private readonly tPiece: Table;
  private readonly tEntree: Table;
  private readonly tMessage: Table;
  private readonly horloge: () => Date;
  private readonly genererId: () => string;
  private readonly pieces: StockagePieces;
  private readonly annuaire: ((ticket: Ticket) => Promise<AnnuaireSupport>) | undefined;
  private readonly parametres: ParametresEcheances;
  private readonly memoires: DepotMemoires;
  readonly reponsesTypes: DepotReponsesTypes;
  readonly boiteDEnvoi: BoiteDEnvoiTickets;

  constructor(
    readonly orm: Orm,
    options: OptionsDepotTickets = {},
  ) {
    this.sql = sqlDe(orm);
    this.tTicket = table(orm, "Ticket");
    this.tPiece = table(orm, "PieceJointeTicket");
    this.tEntree = table(orm, "EntreeJournalTicket");
    this.tMessage = table(orm, "MessageTicket");
    this.horloge = options.horloge ?? (() => new Date());
    this.genererId = options.genererId ?? randomUUID;
    this.pieces = options.pieces ?? new StockagePieces(resolve(RACINE_BACKOFFICE, "data", "pieces"));
    this.annuaire = options.annuaire;
    this.parametres = options.parametresEcheances ?? parametresEcheancesDepuis(process.env);
    this.memoires = new DepotMemoires(orm);
    this.reponsesTypes = new ReponsesTypesSql(this.sql, table(orm, "ReponseType"));
    this.boiteDEnvoi = new BoiteDEnvoiSql(this.sql, this.tMessage);
  }

  // -----------------------------------------------------------------------------------------------
  // Reading one ticket

  /**
   * Reads a ticket's rows. The journal is read up to the ticket row's `nombre_entrees` (rows are only
   * appended), and the version is read again at the end: a writer committing between the statements
   * (READ COMMITTED) makes the read start over instead of mixing two states. `verrouiller` (inside a
   * write transaction) takes the row lock first on PostgreSQL, so concurrent writers queue.
   */
  private async lire(sql: Sql, colonne: "id" | "numero", valeur: string, verrouiller = false): Promise<Either.Either<Ticket, TicketIntrouvable | DonneesCorrompues>> {
    const verrou = verrouiller && sql.dialecte === "postgresql" ? " FOR UPDATE" : "";
    for (let essai = 0; ; essai += 1) {
      const [t] = await sql.lignes<LigneBrute>(`SELECT ${this.tTicket.selection()} FROM ticket WHERE ${colonne} = ?${verrou}`, [valeur]);
      if (t === undefined) return Either.left(new TicketIntrouvable({ reference: valeur }));
      const id = String(t["id"]);
      const pieces = await sql.lignes<LigneBrute>(`SELECT ${this.tPiece.selection()} FROM piece_jointe_ticket WHERE ticket_id = ? ORDER BY rang`, [id]);
      const entrees = await sql.lignes<LigneBrute>(`SELECT ${this.tEntree.selection()} FROM entree_journal_ticket WHERE ticket_id = ? AND rang <= ? ORDER BY rang`, [
        id,
        lireEntier(t["nombreEntrees"]),
      ]);
      const [v] = verrou === "" ? await sql.lignes<{ version: unknown }>("SELECT version FROM ticket WHERE id = ?", [id]) : [{ version: t["version"] }];
      if (essai < 5 && lireEntier(v?.version) !== lireEntier(t["version"])) continue;
      return depuisLignes(t, pieces, entrees);
    }
  }

  charger(id: string): Promise<Either.Either<Ticket, TicketIntrouvable | DonneesCorrompues>> {
    return this.lire(this.sql, "id", id);
  }

  chargerParNumero(numero: string): Promise<Either.Either<Ticket, TicketIntrouvable | DonneesCorrompues>> {
    return this.lire(this.sql, "numero", numero.trim().toUpperCase());
  }

  private actionsPermises(ticket: Ticket, acteur: Commande["acteur"], maintenant: Date): ReadonlyArray<Commande["type"]> {
    const contexte = { maintenant, genererId: () => "sonde", parametres: this.parametres };
    return sondes(acteur)
      .filter((c) => c.type !== "ticket.relancer" && c.type !== "ticket.cloturer-automatiquement")
      .filter((c) => peut(ticket, c, contexte))
      .map((c) => c.type);
  }

  private async etatsMemoires(numeros: ReadonlyArray<string>): Promise<Map<string, { id: string; etat: EtatMemoire }>> {
    const uniques = [...new Set(numeros)];
    const resultat = new Map<string, { id: string; etat: EtatMemoire }>();
    for (let i = 0; i < uniques.length; i += 500) {
      const lot = uniques.slice(i, i + 500);
      const lignes = await this.sql.lignes<{ id: string; numero: string; etat: string }>(
        `SELECT id, numero, etat FROM memoire WHERE numero IN (${lot.map(() => "?").join(", ")})`,
        lot,
      );
      for (const l of lignes) resultat.set(l.numero, { id: l.id, etat: l.etat as EtatMemoire });
    }
    return resultat;
  }

  async chargerPourAgent(id: string, agent: ActeurAgent, maintenant: Date = this.horloge()): Promise<Either.Either<TicketAgent, TicketIntrouvable | DonneesCorrompues>> {
    const lu = await this.charger(id);
    if (Either.isLeft(lu)) return Either.left(lu.left);
    const ticket = lu.right;
    if (ticket.etat === "BROUILLON" || !agentDeLaFile(agent, ticket.file)) return Either.left(new TicketIntrouvable({ reference: id }));
    const numero = ticket.objet.type === "MEMOIRE" ? ticket.objet.numero : undefined;
    const memoire = numero === undefined ? undefined : (await this.etatsMemoires([numero])).get(numero);
    return Either.right({
      ticket,
      actionsPermises: this.actionsPermises(ticket, agent, maintenant),
      ...(memoire === undefined || numero === undefined ? {} : { memoire: { id: memoire.id, numero, etat: memoire.etat } }),
    });
  }

  async chargerPourDemandeur(
    id: string,
    demandeur: ActeurUtilisateur,
    maintenant: Date = this.horloge(),
  ): Promise<Either.Either<TicketVuParLeDemandeur, TicketIntrouvable | DonneesCorrompues>> {
    const lu = await this.charger(id);
    if (Either.isLeft(lu)) return Either.left(lu.left);
    const ticket = lu.right;
    if (ticket.demandeurId !== demandeur.id) return Either.left(new TicketIntrouvable({ reference: id }));
    const numero = ticket.objet.type === "MEMOIRE" ? ticket.objet.numero : undefined;
    const etats = numero === undefined ? new Map<string, EtatMemoire>() : new Map([...(await this.etatsMemoires([numero]))].map(([n, m]) => [n, m.etat]));
    const statutMemoire = ligneDemandeur(ticket, etats).statutMemoire;
    return Either.right({
      ticket: vueDemandeur(ticket),
      activites: journalDemandeur(ticket),
      ...(statutMemoire === undefined ? {} : { statutMemoire }),
      actionsPermises: this.actionsPermises(ticket, demandeur, maintenant),
    });
  }

  async lirePiece(
    ticketId: string,
    pieceId: string,
  ): Promise<Either.Either<PieceLue, TicketIntrouvable | PieceIntrouvable | EmpreinteInvalide | FichierIntrouvable | FichierAltere>> {
    const lu = await this.charger(ticketId);
    if (Either.isLeft(lu)) return lu.left._tag === "TicketIntrouvable" ? Either.left(lu.left) : Either.left(new TicketIntrouvable({ reference: ticketId }));
    const piece = trouverPiece(lu.right, pieceId);
    if (piece === undefined) return Either.left(new PieceIntrouvable({ ticketId, pieceId }));
    return Either.map(await this.pieces.lire(piece.empreinte), (octets) => ({ piece, octets }));
  }

  // -----------------------------------------------------------------------------------------------
  // Writing

  private async enTransaction<R, E>(travail: (tx: Sql) => Promise<R>): Promise<Either.Either<R, E>> {
    try {
      return Either.right(await this.sql.transaction(travail));
    } catch (e) {
      if (e instanceof Abandon) return Either.left(e.erreur as E);
      throw e;
    }
  }

  async deposerPiece(nomFichier: string, octets: Uint8Array): Promise<Either.Either<PieceJointeTicket, PieceRefusee | SaisieInvalide>> {
    const nom = nomFichier.trim();
    if (nom === "" || nom.length > 255) return Either.left(new SaisieInvalide({ erreurs: [{ chemin: "nomFichier", raison: "nom du fichier : de 1 à 255 caractères" }] }));
    const stocke = await this.pieces.deposer(octets, this.sql, this.horloge());
    return Either.map(stocke, (f) => ({ id: this.genererId(), nomFichier: nom, typeContenu: f.typeContenu, taille: f.taille, empreinte: f.empreinte }));
  }

  async creer(demande: DemandeCreationTicket): Promise<Either.Either<ResultatTicket, ErreurCreationTicket>> {
    const maintenant = demande.maintenant ?? this.horloge();
    const referentiel = referentielApplicable(maintenant.toISOString().slice(0, 10));
    if (Either.isLeft(referentiel)) return Either.left(referentiel.left);
    // Attachments first: a refused file stops everything before a number is drawn.
    const piecesJointes: Array<PieceJointeTicket> = [];
    for (const [i, f] of (demande.fichiers ?? []).entries()) {
      const piece = await this.deposerPiece(f.nomFichier, f.octets);
      if (Either.isLeft(piece)) {
        const e = piece.left;
        return Either.left(e._tag === "SaisieInvalide" ? new SaisieInvalide({ erreurs: e.erreurs.map((x) => ({ ...x, chemin: `fichiers[${i}].${x.chemin}` })) }) : e);
      }
      piecesJointes.push(piece.right);
    }
    const saisie = typeof demande.saisie === "object" && demande.saisie !== null ? { ...demande.saisie, ...(piecesJointes.length > 0 ? { piecesJointes } : {}) } : demande.saisie;
    const juridictions = await this.juridictions();
    const concernee = await this.memoireConcernee(saisie);
    if (Either.isLeft(concernee)) return Either.left(concernee.left);
    return this.enTransaction<ResultatTicket, ErreurCreationTicket>(async (tx) => {
      const sequence = await prochaineValeur(tx, "ticket_cprocs");
      const r = creerTicket(
        saisie,
        {
          acteur: demande.acteur,
          referentiel: referentiel.right,
          juridictions,
          sequence,
          ...(concernee.right === undefined ? {} : { memoire: concernee.right.memoire, espacesOuverts: concernee.right.espacesOuverts }),
        },
        { maintenant, genererId: this.genererId },
      );
      if (Either.isLeft(r)) throw new Abandon(r.left);
      const lignes = versLignes(r.right.ticket);
      await this.tTicket.inserer(tx, [lignes.ticket]);
      await this.tPiece.inserer(tx, lignes.pieces);
      await this.tEntree.inserer(tx, lignes.entrees);
      await this.ecrireMessages(tx, r.right);
      return r.right;
    });
  }

  /** The mémoire named by the N° objet (validated by core's Schema) and its structure's open espaces. */
  private async memoireConcernee(
    saisie: unknown,
  ): Promise<Either.Either<{ memoire: MemoireConcernee; espacesOuverts: ReadonlyArray<EspaceOuvrable> } | undefined, DonneesCorrompues>> {
    const numero = typeof saisie === "object" && saisie !== null ? (saisie as { numeroObjet?: unknown }).numeroObjet : undefined;
    if (typeof numero !== "string" || numero.trim() === "") return Either.right(undefined);
    const memoire = await this.memoires.chargerParNumero(numero.trim().toUpperCase());
    if (Either.isLeft(memoire)) return memoire.left._tag === "DonneesCorrompues" ? Either.left(memoire.left) : Either.right(undefined);
    const structure = await depotsOrganisation(this.orm).structures.charger(memoire.right.enTete.structureId);
    const espacesOuverts = Either.isRight(structure) ? structure.right.valeur.espacesOuverts : [];
    return Either.right({ memoire: memoire.right, espacesOuverts });
  }

  async executer(id: string, versionAttendue: number, commande: Commande, options: OptionsExecution = {}): Promise<Either.Either<ResultatTicket, ErreurExecutionTicket>> {
    const maintenant = options.maintenant ?? this.horloge();
    try {
      return await this.enTransaction<ResultatTicket, ErreurExecutionTicket>(async (tx) => {
        const lu = await this.lire(tx, "id", id, true);
        if (Either.isLeft(lu)) throw new Abandon(lu.left);
        const avant = lu.right;
        if (avant.version !== versionAttendue) throw new Abandon(new ConflitDeVersion({ entite: "ticket", id, versionAttendue, versionTrouvee: avant.version }));
        const r = executer(avant, commande, { maintenant, genererId: this.genererId, parametres: this.parametres });
        if (Either.isLeft(r)) throw new Abandon(r.left);
        await this.ecrireChangement(tx, avant, r.right);
        await this.ecrireMessages(tx, r.right);
        return r.right;
      });
    } catch (e) {
      if (estOccupe(e)) return Either.left(new ConflitDeVersion({ entite: "ticket", id, versionAttendue }));
      throw e;
    }
  }

  private async ecrireChangement(tx: Sql, avant: Ticket, r: ResultatTicket): Promise<void> {
    const ancien = ticketVersLigne(avant);
    const nouveau = ticketVersLigne(r.ticket);
    const changes: Array<string> = [];
    const params: Array<ValeurSql> = [];
    for (const [propriete, colonne] of this.tTicket.colonnes) {
      if (!valeursEgales(ancien[propriete], nouveau[propriete])) {
        changes.push(`${colonne} = ?`);
        params.push((nouveau[propriete] ?? null) as ValeurSql);
      }
    }
    // The version always changes (+1 per event): the condition detects a concurrent writer.
    const touchees = await tx.lignes(`UPDATE ticket SET ${changes.join(", ")} WHERE id = ? AND version = ? RETURNING id`, [...params, avant.id, avant.version]);
    if (touchees.length !== 1) throw new Abandon(new ConflitDeVersion({ entite: "ticket", id: avant.id, versionAttendue: avant.version }));
    if (JSON.stringify(avant.piecesJointes) !== JSON.stringify(r.ticket.piecesJointes)) {
      await tx.lignes("DELETE FROM piece_jointe_ticket WHERE ticket_id = ?", [avant.id]);
      await this.tPiece.inserer(tx, piecesVersLignes(r.ticket));
    }
    await this.tEntree.inserer(
      tx,
      r.evenements.map((e, i) => entreeVersLigne(avant.id, e, avant.journal.length + i + 1)),
    );
  }

  /** The messages the events call for, into the outbox (once per journal row and recipient). */
  private async ecrireMessages(tx: Sql, r: ResultatTicket): Promise<void> {
    // Inside the writer's transaction: on SQLite the pool has one connection, so read with `tx`.
    const annuaire = this.annuaire === undefined ? await annuaireParDefaut(tx, r.ticket) : await this.annuaire(r.ticket);
    const maintenant = r.evenements[r.evenements.length - 1]?.le ?? this.horloge();
    for (const entree of r.evenements) {
      for (const m of notificationsDe(r.ticket, entree, annuaire, this.parametres)) {
        await tx.lignes(
          `INSERT INTO message_ticket (${[...this.tMessage.colonnes.values()].join(", ")}) VALUES (${[...this.tMessage.colonnes.keys()].map(() => "?").join(", ")})
           ON CONFLICT (entree_id, destinataire) DO NOTHING`,
          [...this.tMessage.colonnes.keys()].map((p): ValeurSql => {
            const ligne: Record<string, ValeurSql> = {
              id: this.genererId(),
              ticketId: r.ticket.id,
              ticketNumero: m.ticketNumero,
              entreeId: m.entreeId,
              destinataire: m.destinataire,
              audience: m.audience,
              sujet: m.sujet,
              texte: m.texte,
              ...suiviInitial(maintenant),
            };
            return ligne[p] ?? null;
          }),
        );
      }
    }
  }

  // -----------------------------------------------------------------------------------------------
  // Agents

  async juridictions(): Promise<ReadonlyArray<JuridictionFile>> {
    const lignes = await this.sql.lignes<{ code: string; libelle: string; courAppel: string }>(
      'SELECT code, libelle, cour_appel AS "courAppel" FROM juridiction ORDER BY code',
    );
    return lignes.map((l) => ({ code: l.code, libelle: l.libelle, courAppel: l.courAppel }));
  }

  async filesDeLAgent(agent: ActeurAgent): Promise<ReadonlyArray<FileTicket>> {
    return filesDeLAgent(agent, filesExistantes(await this.juridictions()));
  }

  private async filesVisees(agent: ActeurAgent, files: ReadonlyArray<FileTicket> | undefined): Promise<ReadonlyArray<FileTicket>> {
    const siennes = await this.filesDeLAgent(agent);
    return files === undefined ? siennes : siennes.filter((f) => files.some((g) => memeFile(f, g)));
  }

  private conditionsFile(files: ReadonlyArray<FileTicket>, criteres: CriteresFile): { readonly where: string; readonly params: ReadonlyArray<ValeurSql> } {
    const etats = (criteres.etats ?? ETATS_OUVERTS).filter((e) => e !== "BROUILLON");
    const conditions = [`file_cle IN (${files.map(() => "?").join(", ")})`, `etat IN (${etats.map(() => "?").join(", ")})`];
    const params: Array<ValeurSql> = [...files.map(cleDeFile), ...etats];
    if (criteres.categorie !== undefined) {
      conditions.push("categorie_code = ?");
      params.push(criteres.categorie);
    }
    if (criteres.agentId !== undefined) {
      conditions.push("agent_id = ?");
      params.push(criteres.agentId);
    }
    for (const mot of motsDe(criteres.motsCles)) {
      conditions.push("recherche_agents LIKE ? ESCAPE '\\'");
      params.push(`%${echapperLike(mot)}%`);
    }
    if (etats.length === 0) conditions.push("1 = 0");
    return { where: conditions.join(" AND "), params };
  }

  async fileDeTravail(agent: ActeurAgent, criteres: CriteresFile, tri: TriFile, page: Page): Promise<PageDe<LigneTicketAgent>> {
    const files = await this.filesVisees(agent, criteres.files);
    if (files.length === 0) return { lignes: [], total: 0 };
    const { where, params } = this.conditionsFile(files, criteres);
    const sens = tri.sens === "desc" ? "DESC" : "ASC";
    const lignes = await this.sql.lignes<LigneBrute>(
      `SELECT ${this.tTicket.selection()} FROM ticket WHERE ${where} ORDER BY ${COLONNES_TRI[tri.colonne]} ${sens}, numero ${sens} LIMIT ? OFFSET ?`,
      [...params, Math.max(0, Math.floor(page.limite)), Math.max(0, Math.floor(page.decalage))],
    );
    const [compte] = await this.sql.lignes<{ n: unknown }>(`SELECT count(*) AS n FROM ticket WHERE ${where}`, params);
    return { lignes: lignes.map((l) => ligneAgent(l)), total: lireEntier(compte?.n ?? 0) };
  }

  async tableauDeBord(agent: ActeurAgent, maintenant: Date, parametres: ParametresTableauDeBord = PARAMETRES_TABLEAU_DE_BORD_PAR_DEFAUT): Promise<ReadonlyArray<CompteurFile>> {
    const files = await this.filesVisees(agent, undefined);
    if (files.length === 0) return [];
    const limite = new Date(maintenant.getTime() - parametres.joursAvantRetard * JOUR_MS);
    const lignes = await this.sql.lignes<{ fileCle: string; libelle: string | null; courAppel: string | null; categorie: string; etat: string; n: unknown; retard: unknown }>(
      `SELECT file_cle AS "fileCle", file_juridiction_libelle AS "libelle", file_cour_appel AS "courAppel", categorie_libelle AS "categorie", etat,
              count(*) AS n, sum(CASE WHEN modifie_le <= ? AND etat IN ('NOUVEAU', 'EN_COURS') THEN 1 ELSE 0 END) AS retard
       FROM ticket WHERE file_cle IN (${files.map(() => "?").join(", ")}) AND etat IN (${ETATS_OUVERTS.map(() => "?").join(", ")})
       GROUP BY file_cle, file_juridiction_libelle, file_cour_appel, categorie_libelle, etat`,
      [limite, ...files.map(cleDeFile), ...ETATS_OUVERTS],
    );
    const parCle = new Map<string, { file: FileTicket; categorie: string; ouverts: number; enAttente: number; enRetard: number }>();
    for (const l of lignes) {
      const file: FileTicket =
        l.fileCle === "NATIONAL" ? { _tag: "SupportNational" } : { _tag: "ServiceMetier", juridiction: { code: l.fileCle, libelle: l.libelle ?? "", courAppel: l.courAppel ?? "" } };
      const cle = `${libelleFile(file)}\u0000${l.categorie}`;
      const c = parCle.get(cle) ?? { file, categorie: l.categorie, ouverts: 0, enAttente: 0, enRetard: 0 };
      const n = lireEntier(l.n);
      if (l.etat === "NOUVEAU" || l.etat === "EN_COURS") c.ouverts += n;
      else c.enAttente += n;
      c.enRetard += lireEntier(l.retard ?? 0);
      parCle.set(cle, c);
    }
    return [...parCle.values()]
      .map((c) => ({ ...c, libelleFile: libelleFile(c.file) }))
      .sort((a, b) => a.libelleFile.localeCompare(b.libelleFile, "fr") || a.categorie.localeCompare(b.categorie, "fr"));
  }

  async exporterFile(agent: ActeurAgent, criteres: CriteresFile): Promise<ExportCsv> {
    const lignes: Array<LigneTicketAgent> = [];
    for (let decalage = 0; ; decalage += 1000) {
      const page = await this.fileDeTravail(agent, criteres, { colonne: "ouvertLe", sens: "asc" }, { limite: 1000, decalage });
      lignes.push(...page.lignes);
      if (page.lignes.length < 1000) break;
    }
    return {
      entetes: ["Numéro", "Titre", "Ouvert le", "File", "Catégorie", "Sous-catégorie", "Statut", "N° objet", "Agent", "Dernière activité"],
      lignes: lignes.map((l) => [
        l.numero,
        l.titre,
        formaterDateHeure(l.ouvertLe),
        libelleFile(l.file),
        l.categorie.libelle,
        l.sousCategorie.libelle,
        LIBELLES_ETAT_TICKET[l.etat],
        l.objet.numero ?? "",
        l.agentId ?? "",
        formaterDateHeure(l.modifieLe),
      ]),
    };
  }

  // -----------------------------------------------------------------------------------------------
  // Requesters

  async ticketsEmis(demandeurId: string, onglet: Onglet, options: OptionsTicketsEmis = {}): Promise<PageDe<LigneTicketDemandeur>> {
    const page = options.page ?? { limite: 50, decalage: 0 };
    const etats = ETATS_ONGLET[onglet];
    const conditions = ["demandeur_id = ?", `etat IN (${etats.map(() => "?").join(", ")})`];
    const params: Array<ValeurSql> = [demandeurId, ...etats];
    for (const mot of motsDe(options.motsCles)) {
      conditions.push("recherche_publique LIKE ? ESCAPE '\\'");
      params.push(`%${echapperLike(mot)}%`);
    }
    const where = conditions.join(" AND ");
    const lignes = await this.sql.lignes<LigneBrute>(`SELECT ${this.tTicket.selection()} FROM ticket WHERE ${where} ORDER BY ouvert_le DESC, numero DESC LIMIT ? OFFSET ?`, [
      ...params,
      Math.max(0, Math.floor(page.limite)),
      Math.max(0, Math.floor(page.decalage)),
    ]);
    const [compte] = await this.sql.lignes<{ n: unknown }>(`SELECT count(*) AS n FROM ticket WHERE ${where}`, params);
    const entetes = lignes.map(enteteOuErreur);
    const numeros = entetes.flatMap((t) => (t.objet.type === "MEMOIRE" && t.objet.numero !== undefined ? [t.objet.numero] : []));
    const etatsMemoires = new Map([...(await this.etatsMemoires(numeros))].map(([n, m]) => [n, m.etat]));
    // A list row reads only the ticket's header (the domain's `ligneDemandeur` never reads the journal).
    return {
      lignes: entetes.map((t) => ligneDemandeur({ ...t, journal: [], piecesJointes: [] }, etatsMemoires)),
      total: lireEntier(compte?.n ?? 0),
    };
  }

  async compteursOnglets(demandeurId: string): Promise<{ readonly [O in Onglet]: number }> {
    const lignes = await this.sql.lignes<{ etat: string; n: unknown }>("SELECT etat, count(*) AS n FROM ticket WHERE demandeur_id = ? GROUP BY etat", [demandeurId]);
    const somme = (o: Onglet): number => lignes.filter((l) => (ETATS_ONGLET[o] as ReadonlyArray<string>).includes(l.etat)).reduce((s, l) => s + lireEntier(l.n), 0);
    return { ACTIONS_REQUISES: somme("ACTIONS_REQUISES"), TOUS: somme("TOUS"), CLOTURES: somme("CLOTURES") };
  }

  async exporterTicketsEmis(demandeurId: string, onglet: Onglet, options: { readonly motsCles?: string; readonly fuseau?: Fuseau } = {}): Promise<ExportCsv> {
    const lignes = [];
    for (let decalage = 0; ; decalage += 1000) {
      const page = await this.ticketsEmis(demandeurId, onglet, { ...(options.motsCles === undefined ? {} : { motsCles: options.motsCles }), page: { limite: 1000, decalage } });
      lignes.push(...page.lignes);
      if (page.lignes.length < 1000) break;
    }
    return exporterTickets(lignes, options.fuseau ?? 0);
  }

  // -----------------------------------------------------------------------------------------------
  // Scheduler

  async resolusAEcheance(
    maintenant: Date,
    parametres: ParametresEcheances,
    limite: number,
  ): Promise<{ readonly tickets: ReadonlyArray<Ticket>; readonly corrompus: ReadonlyArray<DonneesCorrompues> }> {
    const relance = new Date(maintenant.getTime() - parametres.joursAvantRelance * JOUR_MS);
    const cloture = new Date(maintenant.getTime() - parametres.joursAvantCloture * JOUR_MS);
    const ids = await this.sql.lignes<{ id: string }>(
      "SELECT id FROM ticket WHERE etat = 'RESOLU' AND ((relance_le IS NULL AND resolu_le <= ?) OR resolu_le <= ?) ORDER BY resolu_le, numero LIMIT ?",
      [relance, cloture, Math.max(0, Math.floor(limite))],
    );
    const tickets: Array<Ticket> = [];
    const corrompus: Array<DonneesCorrompues> = [];
    for (const { id } of ids) {
      const t = await this.charger(id);
      if (Either.isRight(t)) tickets.push(t.right);
      else if (t.left._tag === "DonneesCorrompues") corrompus.push(t.left);
    }
    return { tickets, corrompus };
  }
}

/** The words of a keyword search, folded like the stored search columns. */
const motsDe = (motsCles: string | undefined): ReadonlyArray<string> => (motsCles === undefined ? [] : normaliser(motsCles).split(/\s+/).filter((m) => m !== ""));

/** A list row decoded by the domain's Schema; a corrupted row is reported (thrown `DonneesCorrompues`), never listed. */
const enteteOuErreur = (l: LigneBrute): EnteteTicket =>
  Either.getOrThrowWith(enteteDepuisLigne(l), (e) => e);

const ligneAgent = (l: LigneBrute): LigneTicketAgent => {
  const t = enteteOuErreur(l);
  return {
    id: t.id,
    numero: t.numero,
    etat: t.etat,
    titre: t.titre,
    file: t.file,
    categorie: t.categorie,
    sousCategorie: t.sousCategorie,
    objet: t.objet,
    ...(t.agentId === undefined ? {} : { agentId: t.agentId }),
    ...(t.soumisLe === undefined ? {} : { soumisLe: t.soumisLe }),
    creeLe: t.creeLe,
    modifieLe: t.modifieLe,
    version: t.version,
    demandeurId: t.demandeurId,
    structureId: t.structureId,
    ouvertLe: t.soumisLe ?? t.creeLe,
  };
};

// -------------------------------------------------------------------------------------------------
// Réponses types

class ReponsesTypesSql implements DepotReponsesTypes {
  private initialisee = false;
  constructor(
    private readonly sql: Sql,
    private readonly t: Table,
  ) {}

  /** The domain's starting set, written once when the table is empty. */
  private async initialiser(): Promise<void> {
    if (this.initialisee) return;
    const [n] = await this.sql.lignes<{ n: unknown }>("SELECT count(*) AS n FROM reponse_type");
    if (lireEntier(n?.n ?? 0) === 0) {
      for (const r of REPONSES_TYPES) {
        await this.sql.lignes("INSERT INTO reponse_type (code, titre, texte, actif, version) VALUES (?, ?, ?, ?, 1) ON CONFLICT (code) DO NOTHING", [r.code, r.titre, r.texte, true]);
      }
    }
    this.initialisee = true;
  }

  private lire = (l: LigneBrute): ReponseTypeStockee => ({
    code: String(l["code"]),
    titre: String(l["titre"]),
    texte: String(l["texte"]),
    actif: lireBooleen(l["actif"]),
    version: lireEntier(l["version"]),
  });

  async lister(options: { readonly archives?: boolean } = {}): Promise<ReadonlyArray<ReponseTypeStockee>> {
    await this.initialiser();
    const lignes = await this.sql.lignes<LigneBrute>(`SELECT ${this.t.selection()} FROM reponse_type${options.archives === true ? "" : " WHERE actif = ?"} ORDER BY titre, code`, options.archives === true ? [] : [true]);
    return lignes.map(this.lire);
  }

  async enregistrer(
    reponse: ReponseType & { readonly actif?: boolean },
    versionAttendue?: number,
  ): Promise<Either.Either<ReponseTypeStockee, VariablesInconnues | SaisieInvalide | ConflitDeVersion>> {
    await this.initialiser();
    const erreurs = [
      ...(/^[A-Z0-9_]{1,100}$/.test(reponse.code) ? [] : [{ chemin: "code", raison: "majuscules, chiffres et _ (100 au plus)" }]),
      ...(reponse.titre.trim() === "" || reponse.titre.length > 200 ? [{ chemin: "titre", raison: "obligatoire, 200 caractères au plus" }] : []),
      ...(reponse.texte.trim() === "" ? [{ chemin: "texte", raison: "obligatoire" }] : []),
    ];
    if (erreurs.length > 0) return Either.left(new SaisieInvalide({ erreurs }));
    const inconnues = variablesDuGabarit(reponse.texte).filter((v) => !(VARIABLES_REPONSE_TYPE as ReadonlyArray<string>).includes(v));
    if (inconnues.length > 0) return Either.left(new VariablesInconnues({ variables: inconnues }));
    const actif = reponse.actif ?? true;
    const lignes =
      versionAttendue === undefined
        ? await this.sql.lignes<LigneBrute>(
            `INSERT INTO reponse_type (code, titre, texte, actif, version) VALUES (?, ?, ?, ?, 1) ON CONFLICT (code) DO NOTHING RETURNING ${this.t.selection()}`,
            [reponse.code, reponse.titre.trim(), reponse.texte, actif],
          )
        : await this.sql.lignes<LigneBrute>(
            `UPDATE reponse_type SET titre = ?, texte = ?, actif = ?, version = version + 1 WHERE code = ? AND version = ? RETURNING ${this.t.selection()}`,
            [reponse.titre.trim(), reponse.texte, actif, reponse.code, versionAttendue],
          );
    const [l] = lignes;
    if (l === undefined) return Either.left(new ConflitDeVersion({ entite: "reponse_type", id: reponse.code, versionAttendue: versionAttendue ?? 0 }));
    return Either.right(this.lire(l));
  }

  async remplirPour(code: string, ticket: Ticket): Promise<Either.Either<string, ReponseTypeIntrouvable | VariablesInconnues>> {
    await this.initialiser();
    const [l] = await this.sql.lignes<LigneBrute>(`SELECT ${this.t.selection()} FROM reponse_type WHERE code = ?`, [code]);
    if (l === undefined) return Either.left(new ReponseTypeIntrouvable({ code }));
    return repondre(this.lire(l), ticket);
  }
}

// -------------------------------------------------------------------------------------------------
// Outbox

/** A stored message; an unknown state or audience is reported (`DonneesCorrompues` thrown), never shown as another. */
const lireMessage = (l: LigneBrute): MessageSortant => {
  const audience = l["audience"];
  if (audience !== "AGENTS" && audience !== "DEMANDEUR") {
    throw new DonneesCorrompues({ table: "message_ticket", id: String(l["id"]), erreurs: [{ chemin: "audience", raison: `valeur inconnue : ${JSON.stringify(audience)}` }] });
  }
  return {
    id: String(l["id"]),
    ticketId: String(l["ticketId"]),
    message: {
      destinataire: String(l["destinataire"]),
      audience,
      sujet: String(l["sujet"]),
      texte: String(l["texte"]),
      ticketNumero: String(l["ticketNumero"]),
      entreeId: String(l["entreeId"]),
    },
    ...lireSuivi(l, "message_ticket"),
  };
};

class BoiteDEnvoiSql extends BoiteEnvoiSql<Message, MessageSortant> implements BoiteDEnvoiTickets {
  constructor(sql: Sql, t: Table) {
    super(sql, t, lireMessage);
  }

  async lister(filtre: { readonly statut?: StatutMessage; readonly ticketId?: string }, page: Page): Promise<PageDe<MessageSortant>> {
    const conditions: Array<string> = [];
    const params: Array<ValeurSql> = [];
    if (filtre.statut !== undefined) {
      conditions.push("statut = ?");
      params.push(filtre.statut);
    }
    if (filtre.ticketId !== undefined) {
      conditions.push("ticket_id = ?");
      params.push(filtre.ticketId);
    }
    const where = conditions.length === 0 ? "" : ` WHERE ${conditions.join(" AND ")}`;
    const lignes = await this.sql.lignes<LigneBrute>(`SELECT ${this.t.selection()} FROM message_ticket${where} ORDER BY cree_le DESC, id DESC LIMIT ? OFFSET ?`, [
      ...params,
      Math.max(0, Math.floor(page.limite)),
      Math.max(0, Math.floor(page.decalage)),
    ]);
    const [n] = await this.sql.lignes<{ n: unknown }>(`SELECT count(*) AS n FROM message_ticket${where}`, params);
    return { lignes: lignes.map(this.lire), total: lireEntier(n?.n ?? 0) };
  }
}
