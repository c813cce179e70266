import type { ErreurDeChamp } from "@frais-justice/core";
import {
  creerBrouillon,
  executer,
  type ContexteMemoire,
  type ErreurCommande,
  type Memoire,
  type PieceJointeSaisie,
  type ResultatCommande,
  type SaisieBrouillon,
} from "@frais-justice/core/memoire";
import type { EvenementMemoire } from "@frais-justice/core/memoire";
import { Either } from "effect";
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { Orm } from "../base/orm.js";
import { sqlDe } from "../base/sql.js";
import { anneeParis } from "../memoire/memoire.commandes.js";
import { prochainesValeurs, sequenceTmp } from "../base/sequences.js";
import { DepotMemoires, type NumerotationReservee, type ResultatEcriture } from "../memoire/memoire.repository.js";
import { detecterTypeContenu, type StockagePieces } from "../pieces-jointes/stockage.js";
import { DepotLots, LotDejaRecu, type ErreurLot, type Lot, type ResultatElement } from "./flux.depot.js";
import { chargerEmetteur, type Emetteur } from "./flux.emetteur.js";
import { lireFlux, type EnTeteLot, type MemoireLue, type PieceLue } from "./flux.lecteur.js";
import { STATUTS_LOT_FINALS } from "./flux.lot.js";

/**
 * Processing of a lot: the file is read as a stream (`lireFlux`), each mémoire is decoded and
 * validated by core, then created and, when the item asks for it, validated and sent through core's
 * commands (`creerBrouillon`, `memoire.joindre-piece`, `memoire.valider-et-envoyer`) in the name of the
 * depositing user — exactly what a typed mémoire goes through — and written by `DepotMemoires.creer`
 * in ONE transaction with its numbers and audit events: each mémoire is all-or-nothing.
 *
 * Idempotency: the key of an item is (lot id, item index); the ids core gives the item's objects are
 * derived from it (`flux.<lot>.<index>.<n>`), so the mémoire of an item has a known id, written by
 * the same transaction as the mémoire. A re-run or a resumption after a crash finds it and does not
 * create it again; the database's primary key refuses a second one even to a concurrent run.
 */

/** How far the processing is (for a progress bar). */
export interface Progression {
  readonly octetsLus: number;
  readonly taille: number;
  readonly memoires: number;
  readonly integres: number;
  readonly rejetes: number;
}

export interface OptionsImport {
  readonly orm: Orm;
  readonly stockage: StockagePieces;
  /** The lot file on the server. */
  readonly fichier: string;
  readonly canal: "CLI" | "API";
  readonly maintenant?: () => Date;
  /** API: the e-mail of the authenticated user; a lot deposited in another user's name is rejected. */
  readonly utilisateurAttendu?: string;
  readonly progression?: (p: Progression) => void;
  /** Mémoires processed per batch (one transaction for the batch's mémoires). */
  readonly parLot?: number;
  /** Called once the lot is recorded (or found again), before its mémoires are processed (the API answers then). */
  readonly surReception?: (lot: Lot) => void;
}

/** How an import ended. */
export type IssueImport =
  /** The file has no readable lot header: nothing is stored (a lot without id cannot be listed). */
  | { readonly type: "illisible"; readonly erreur: ErreurLot }
  /** The lot was processed (or had already been: `dejaTraite`); its status and counts are in `lot`. */
  | { readonly type: "traite"; readonly lot: Lot; readonly dejaTraite: boolean };

/** The prefix of the ids of an item's objects: its idempotency key. */
export const prefixeCle = (lotId: string, indice: number): string => `flux.${lotId}.${indice}.`;

/** The id core gives the mémoire of an item: lines draw the first ids, then the mémoire. */
export const idMemoireDeLaCle = (lotId: string, indice: number, nombreLignes: number): string => `${prefixeCle(lotId, indice)}${nombreLignes + 1}`;

/** SHA-256 (hex) and size of a file, read as a stream. */
export const empreinteFichier = async (fichier: string): Promise<{ readonly empreinte: string; readonly taille: number }> => {
  const hash = createHash("sha256");
  let taille = 0;
  for await (const morceau of createReadStream(fichier, { highWaterMark: 1 << 20 })) {
    hash.update(morceau as Buffer);
    taille += (morceau as Buffer).length;
  }
  return { empreinte: hash.digest("hex"), taille };
};

/** The header of a lot file (read up to it only), or why it cannot be read. */
export const lireEnTete = async (fichier: string): Promise<Either.Either<EnTeteLot, ErreurLot>> => {
  const lecture = lireFlux(createReadStream(fichier, { highWaterMark: 1 << 16 }) as AsyncIterable<Buffer>);
  try {
    const premier = await lecture.next();
    if (premier.done === true) return Either.left({ raison: "document vide" });
    if (premier.value.type === "rejet") return Either.left({ raison: premier.value.raison, ligne: premier.value.ligne, colonne: premier.value.colonne });
    return premier.value.type === "entete" ? Either.right(premier.value.lot) : Either.left({ raison: "en-tête de lot absent" });
  } finally {
    await lecture.return(undefined);
  }
};

// ---------------------------------------------------------------------------------------------------
// One mémoire

type PieceResolue = { readonly chemin: string; readonly ligne?: number; readonly saisie: Omit<PieceJointeSaisie, "ligneId">; readonly octets?: Uint8Array };

const cheminPiece = (ligne: number | undefined, k: number): string => (ligne === undefined ? `piecesJointes[${k}]` : `lignes[${ligne}].piecesJointes[${k}]`);

/** Resolves an attachment: a reference must name a stored file; inline bytes must be an accepted type. */
const resoudrePiece = async (orm: Orm, p: PieceLue, chemin: string, ligne: number | undefined): Promise<Either.Either<PieceResolue, ErreurDeChamp>> => {
  const base = { designation: p.designation, type: p.type as PieceJointeSaisie["type"], nomFichier: p.nomFichier };
  const avecLigne = ligne === undefined ? {} : { ligne };
  if ("empreinte" in p.source) {
    const [f] = await sqlDe(orm).lignes<{ taille: number | string; type_contenu: string }>("SELECT taille, type_contenu FROM fichier WHERE empreinte = ?", [p.source.empreinte]);
    if (f === undefined) return Either.left({ chemin: `${chemin}.reference.empreinte`, raison: `aucun fichier déposé d'empreinte ${p.source.empreinte}` });
    return Either.right({ chemin, ...avecLigne, saisie: { ...base, typeContenu: f.type_contenu as PieceJointeSaisie["typeContenu"], taille: Number(f.taille), empreinte: p.source.empreinte } });
  }
  const octets = p.source.octets;
  if (octets.byteLength === 0) return Either.left({ chemin: `${chemin}.contenu`, raison: "fichier vide" });
  const typeContenu = detecterTypeContenu(octets);
  if (typeContenu === undefined) return Either.left({ chemin: `${chemin}.contenu`, raison: "type de fichier non accepté (PDF, PNG, JPEG, ODT, DOCX, reconnus à leurs octets)" });
  const empreinte = createHash("sha256").update(octets).digest("hex");
  return Either.right({ chemin, ...avecLigne, octets, saisie: { ...base, typeContenu, taille: octets.byteLength, empreinte } });
};

const erreursDe = (e: ErreurCommande, chemin: string, remplacer?: string): ReadonlyArray<ErreurDeChamp> =>
  e._tag === "SaisieInvalide"
    ? e.erreurs.map((x) => ({ chemin: remplacer === undefined ? x.chemin : x.chemin.replace(/^piece/, remplacer), raison: x.raison }))
    : [{ chemin, raison: e.message }];

class Refus {
  constructor(readonly erreurs: ReadonlyArray<ErreurDeChamp>) {}
}

/**
 * The pure part: core's commands, in order, on the item's input. Returns the mémoire with every
 * audit event, or every error of the first stage that refused (creation, an attachment, the sending).
 */
export const construireMemoire = (
  saisie: SaisieBrouillon,
  pieces: ReadonlyArray<PieceResolue>,
  envoi: MemoireLue["envoi"],
  emetteur: Emetteur,
  contexte: ContexteMemoire,
): Either.Either<{ readonly memoire: Memoire; readonly evenements: ReadonlyArray<EvenementMemoire> }, Refus> => {
  const cree = creerBrouillon(saisie, contexte);
  if (Either.isLeft(cree)) return Either.left(new Refus(erreursDe(cree.left, "")));
  let memoire = cree.right.memoire;
  const evenements: Array<EvenementMemoire> = [...cree.right.evenements];
  const appliquer = (r: Either.Either<ResultatCommande, ErreurCommande>, chemin: string, remplacer?: string): Refus | undefined => {
    if (Either.isLeft(r)) return new Refus(erreursDe(r.left, chemin, remplacer));
    memoire = r.right.memoire;
    evenements.push(...r.right.evenements);
    return undefined;
  };
  for (const p of pieces) {
    const ligneId = p.ligne === undefined ? undefined : memoire.lignes[p.ligne]?.id;
    const refus = appliquer(executer(memoire, { type: "memoire.joindre-piece", piece: { ...p.saisie, ...(ligneId === undefined ? {} : { ligneId }) } }, contexte), p.chemin, p.chemin);
    if (refus !== undefined) return Either.left(refus);
  }
  if (envoi !== undefined) {
    const s = emetteur.structure;
    const active = emetteur.coordonnees.find((c) => c.active && c.id === memoire.enTete.referenceCoordonneesBancaires) ?? emetteur.coordonnees.find((c) => c.active);
    const fichier = active?.fichier;
    const refus = appliquer(
      executer(
        memoire,
        {
          type: "memoire.valider-et-envoyer",
          attestationSurLHonneur: envoi.attestationSurLHonneur,
          prestataire: { identifiant: s.identifiant.valeur, raisonSociale: s.raisonSociale },
          prerequisManquants: emetteur.prerequisManquants,
          ...(fichier !== undefined && /^[0-9a-f]{64}$/.test(fichier.reference)
            ? {
                coordonneesBancaires: {
                  designation: `Coordonnées bancaires — ${active?.libelle ?? ""}`.slice(0, 200),
                  type: "COORDONNEE_BANCAIRE" as const,
                  nomFichier: `coordonnees-bancaires.${fichier.typeContenu === "application/pdf" ? "pdf" : fichier.typeContenu === "image/png" ? "png" : "jpg"}`,
                  typeContenu: fichier.typeContenu,
                  taille: fichier.taille,
                  empreinte: fichier.reference,
                },
              }
            : {}),
        },
        contexte,
      ),
      "envoi",
    );
    if (refus !== undefined) return Either.left(refus);
  }
  return Either.right({ memoire, evenements });
};

/** The input of `creerBrouillon` from a mémoire as read, with the émetteur's defaults. */
const saisieDe = (lue: MemoireLue, emetteur: Emetteur, juridiction: { code: string; libelle: string; courAppel: string }, lotId: string): SaisieBrouillon => {
  const e = lue.enTete;
  const s = emetteur.structure;
  const active = emetteur.coordonnees.find((c) => c.active);
  const optionnel = (cle: string, valeur: string | undefined) => (valeur === undefined ? {} : { [cle]: valeur });
  return {
    numeroLot: lotId,
    enTete: {
      juridiction,
      structureId: s.id,
      ...optionnel("serviceId", e["service"]),
      ...optionnel("categoriePrestataire", e["categoriePrestataire"] ?? s.informationsMemoire.categoriePrestataire),
      ...optionnel("referenceCoordonneesBancaires", e["coordonneesBancaires"] ?? active?.id),
      ...optionnel("texteReference", e["texteReference"]),
      ...optionnel("typeTva", e["typeTva"]),
      ...optionnel("numeroFacture", e["numeroFacture"]),
      ...optionnel("numeroEngagementJuridique", e["numeroEngagementJuridique"]),
      modeDepot: "FLUX",
    },
    lignes: lue.lignes.map((l) => l.champs as unknown as NonNullable<SaisieBrouillon["lignes"]>[number]),
    ...(lue.remiseGlobaleTtc === undefined ? {} : { remiseGlobaleTtc: lue.remiseGlobaleTtc }),
  };
};

interface ContexteLot {
  readonly orm: Orm;
  readonly stockage: StockagePieces;
  readonly depot: DepotMemoires;
  readonly lots: DepotLots;
  readonly lotId: string;
  readonly emetteur: Emetteur;
  readonly maintenant: () => Date;
  /** Resumed lot: look for the item's mémoire before creating it. */
  readonly reprise: boolean;
}

const estViolationUnicite = (e: unknown): boolean => {
  const texte = `${(e as { code?: unknown } | undefined)?.code === undefined ? "" : String((e as { code?: unknown }).code)} ${e instanceof Error ? e.message : ""}`;
  return /SQLITE_CONSTRAINT|UNIQUE constraint|23505|duplicate key/.test(texte);
};

/** An item ready for core: everything resolved, its mémoire's id known. */
interface Candidat {
  readonly indice: number;
  readonly ligne: number;
  readonly lue: MemoireLue;
  readonly saisie: SaisieBrouillon;
  readonly pieces: ReadonlyArray<PieceResolue>;
  readonly idMemoire: string;
}

const contexteCore = (c: ContexteLot, indice: number, maintenant: Date, numerotation: NumerotationReservee): ContexteMemoire => {
  let n = 0;
  return {
    maintenant,
    genererId: () => `${prefixeCle(c.lotId, indice)}${(n += 1)}`,
    acteur: c.emetteur.acteur,
    numerotation,
    espacesOuverts: c.emetteur.structure.espacesOuverts,
  };
};

const integre = (indice: number, ligne: number, m: { readonly id: string; readonly numero: string }): ResultatElement => ({ indice, ligne, resultat: "INTEGRE", numero: m.numero, memoireId: m.id });
const rejete = (indice: number, ligne: number, erreurs: ReadonlyArray<ErreurDeChamp>): ResultatElement => ({ indice, ligne, resultat: "REJETE", erreurs });

/**
 * Everything an item needs before core runs: its reading errors, its juridiction, its bank details
 * reference, its attachments (a reference must name a stored file; inline bytes must be an accepted
 * type, and are stored). Returns the item's final result when it is already decided.
 */
const preparer = async (c: ContexteLot, indice: number, ligne: number, lue: MemoireLue | undefined, erreursLecture: ReadonlyArray<ErreurDeChamp>, maintenant: Date): Promise<ResultatElement | Candidat> => {
  if (lue === undefined) return rejete(indice, ligne, erreursLecture);
  const idMemoire = idMemoireDeLaCle(c.lotId, indice, lue.lignes.length);
  if (c.reprise) {
    const existant = await c.lots.memoireExistante(idMemoire);
    if (existant !== undefined) return integre(indice, ligne, existant);
  }
  const erreurs: Array<ErreurDeChamp> = [];
  const code = lue.enTete["juridiction"] ?? "";
  const juridiction = await c.emetteur.juridiction(code);
  if (juridiction === undefined) erreurs.push({ chemin: "enTete.juridiction", raison: `juridiction ${code} inconnue` });
  const reference = lue.enTete["coordonneesBancaires"];
  if (reference !== undefined && !c.emetteur.coordonnees.some((x) => x.id === reference && x.active)) {
    erreurs.push({ chemin: "enTete.coordonneesBancaires", raison: `aucune coordonnée bancaire active ${reference} pour la structure` });
  }
  const pieces: Array<PieceResolue> = [];
  const aResoudre = [
    ...lue.lignes.flatMap((l, i) => l.pieces.map((p, k) => ({ p, chemin: cheminPiece(i, k), ligne: i }))),
    ...lue.pieces.map((p, k) => ({ p, chemin: cheminPiece(undefined, k), ligne: undefined })),
  ];
  for (const { p, chemin, ligne: l } of aResoudre) {
    const r = await resoudrePiece(c.orm, p, chemin, l);
    if (Either.isLeft(r)) erreurs.push(r.left);
    else pieces.push(r.right);
  }
  const saisie = saisieDe(lue, c.emetteur, juridiction ?? { code: code === "" ? "?" : code, libelle: "?", courAppel: "?" }, c.lotId);
  if (erreurs.length > 0) {
    // Still run core on what could be resolved, so that the compte rendu lists every error at once.
    const essai = construireMemoire(saisie, pieces, undefined, c.emetteur, contexteCore(c, indice, maintenant, { prochainNumeroTmp: () => 1, prochainNumeroMj: () => 1 }));
    return rejete(indice, ligne, [...erreurs, ...(Either.isLeft(essai) ? essai.left.erreurs.filter((e) => !e.chemin.startsWith("enTete.juridiction")) : [])]);
  }
  // Inline bytes are stored first (content-addressed: a rejected or repeated item only leaves a file once).
  for (const p of pieces) {
    if (p.octets === undefined) continue;
    const d = await c.stockage.deposer(p.octets, sqlDe(c.orm), maintenant);
    if (Either.isLeft(d)) return rejete(indice, ligne, [{ chemin: `${p.chemin}.contenu`, raison: d.left.message }]);
  }
  return { indice, ligne, lue, saisie, pieces, idMemoire };
};

/** Core's commands on a candidate; a bug check that the mémoire got the id derived from its key. */
const construire = (c: ContexteLot, k: Candidat, maintenant: Date, numerotation: NumerotationReservee) =>
  Either.map(construireMemoire(k.saisie, k.pieces, k.lue.envoi, c.emetteur, contexteCore(c, k.indice, maintenant, numerotation)), (m) => {
    if (m.memoire.id !== k.idMemoire) throw new Error(`identifiant de mémoire inattendu ${m.memoire.id} (attendu ${k.idMemoire}) : l'ordre des identifiants de creerBrouillon a changé`);
    return m;
  });

/** One candidate alone, in its own transaction with its own numbers (the path after a batch was refused by the database). */
const creerSeul = async (c: ContexteLot, k: Candidat, maintenant: Date): Promise<ResultatElement> => {
  const existant = await c.lots.memoireExistante(k.idMemoire);
  if (existant !== undefined) return integre(k.indice, k.ligne, existant);
  try {
    const r = await c.depot.creer({ tmpAnnee: anneeParis(maintenant), ...(k.lue.envoi === undefined ? {} : { mj: true }) }, (numerotation) => construire(c, k, maintenant, numerotation));
    return Either.isLeft(r) ? rejete(k.indice, k.ligne, r.left.erreurs) : integre(k.indice, k.ligne, r.right.memoire);
  } catch (e) {
    // A concurrent run of the same lot wrote this item first: the primary key refused the duplicate.
    const gagnant = estViolationUnicite(e) ? await c.lots.memoireExistante(k.idMemoire) : undefined;
    if (gagnant !== undefined) return integre(k.indice, k.ligne, gagnant);
    throw e;
  }
};

/**
 * A batch of candidates: their numbers drawn in one go (TMP for each, MJ for each one to send), core's
 * commands run on each (a refused one is rejected with its errors), and the accepted mémoires written
 * by `DepotMemoires.enregistrerNouveaux` in ONE transaction — a crash leaves all or none of them.
 * Numbers drawn for an item core then refuses stay unused (a gap, as PostgreSQL sequences leave).
 */
const creerLot = async (c: ContexteLot, candidats: ReadonlyArray<Candidat>, maintenant: Date): Promise<ReadonlyArray<ResultatElement>> => {
  if (candidats.length === 0) return [];
  const annee = anneeParis(maintenant);
  const envois = candidats.filter((k) => k.lue.envoi !== undefined).length;
  const [tmp, mj] = await sqlDe(c.orm).transaction(async (tx) => [await prochainesValeurs(tx, sequenceTmp(annee), candidats.length), await prochainesValeurs(tx, "memoire_mj", envois)] as const);
  let [iTmp, iMj] = [0, 0];
  const numerotation: NumerotationReservee = {
    prochainNumeroTmp: (a) => {
      const v = a === annee ? tmp[iTmp++] : undefined;
      if (v === undefined) throw new Error(`numéro TMP ${a} non réservé`);
      return v;
    },
    prochainNumeroMj: () => {
      const v = mj[iMj++];
      if (v === undefined) throw new Error("numéro MJ non réservé");
      return v;
    },
  };
  const resultats: Array<ResultatElement> = [];
  const ecritures: Array<ResultatEcriture> = [];
  const acceptes: Array<Candidat> = [];
  for (const k of candidats) {
    const r = construire(c, k, maintenant, numerotation);
    if (Either.isLeft(r)) resultats.push(rejete(k.indice, k.ligne, r.left.erreurs));
    else {
      ecritures.push(r.right);
      acceptes.push(k);
      resultats.push(integre(k.indice, k.ligne, r.right.memoire));
    }
  }
  try {
    await c.depot.enregistrerNouveaux(ecritures);
    return resultats;
  } catch (e) {
    if (!estViolationUnicite(e)) throw e;
    // Another run of the same lot wrote some of these first: each one alone, checking the key.
    const seuls = new Map<number, ResultatElement>();
    for (const k of acceptes) seuls.set(k.indice, await creerSeul(c, k, maintenant));
    return resultats.map((r) => seuls.get(r.indice) ?? r);
  }
};

// ---------------------------------------------------------------------------------------------------
// The lot

/**
 * Imports a lot file: reads its header, records the lot (IN_RECU) or finds it again, processes every
 * mémoire not already integrated (IN_EN_COURS_TRAITEMENT), and ends in IN_INTEGRE, IN_INTEGRE_PARTIEL or
 * IN_REJETE — or IN_INCIDENTE when a technical failure stops it (the error is re-thrown after it is
 * recorded; run it again to resume). `LotDejaRecu` when the lot id was used by another file.
 */
export const importerFlux = async (o: OptionsImport): Promise<Either.Either<IssueImport, LotDejaRecu>> => {
  const maintenant = o.maintenant ?? (() => new Date());
  const lots = new DepotLots(o.orm);
  const { empreinte, taille } = await empreinteFichier(o.fichier);
  await stat(o.fichier);
  let octetsLus = 0;
  const source = (async function* () {
    for await (const morceau of createReadStream(o.fichier, { highWaterMark: 1 << 16 })) {
      octetsLus += (morceau as Buffer).length;
      yield morceau as Buffer;
    }
  })();
  const lecture = lireFlux(source);
  const premier = await lecture.next();
  if (premier.done === true) return Either.right({ type: "illisible", erreur: { raison: "document vide" } });
  if (premier.value.type === "rejet") return Either.right({ type: "illisible", erreur: { raison: premier.value.raison, ligne: premier.value.ligne, colonne: premier.value.colonne } });
  if (premier.value.type !== "entete") return Either.right({ type: "illisible", erreur: { raison: "en-tête de lot absent" } });
  const entete: EnTeteLot = premier.value.lot;

  const recu = await lots.recevoir({
    id: entete.id,
    emetteurIdentifiant: entete.emetteur.identifiant,
    utilisateur: entete.emetteur.utilisateur,
    empreinte,
    taille,
    fichier: o.fichier,
    canal: o.canal,
    recuLe: maintenant(),
  });
  let lot = recu.lot;
  if (!recu.nouveau && lot.empreinte !== empreinte) return Either.left(new LotDejaRecu({ lotId: lot.id }));
  if (STATUTS_LOT_FINALS.includes(lot.statut)) return Either.right({ type: "traite", lot, dejaTraite: true });
  o.surReception?.(lot);
  const reprise = !recu.nouveau;

  const appliquer = async (evenement: Parameters<DepotLots["appliquer"]>[1], maj: Parameters<DepotLots["appliquer"]>[3] = {}) => {
    const r = await lots.appliquer(lot, evenement, maintenant(), maj);
    if (Either.isLeft(r)) throw new Error(r.left.message);
    lot = r.right;
  };
  await appliquer({ type: "lot.traiter" });
  try {
    const emetteur = await chargerEmetteur(o.orm, entete, maintenant());
    const refusEmetteur = Either.isLeft(emetteur)
      ? emetteur.left
      : o.utilisateurAttendu !== undefined && emetteur.right.email.toLowerCase() !== o.utilisateurAttendu.toLowerCase()
        ? `emetteur.utilisateur : le lot est déposé au nom de ${entete.emetteur.utilisateur}, pas de l'utilisateur authentifié`
        : undefined;
    if (refusEmetteur !== undefined || Either.isLeft(emetteur)) {
      await appliquer({ type: "lot.rejeter", motif: refusEmetteur ?? "émetteur inconnu" }, { erreur: { raison: refusEmetteur ?? "émetteur inconnu" }, termineLe: maintenant() });
      return Either.right({ type: "traite", lot, dejaTraite: false });
    }
    const c: ContexteLot = { orm: o.orm, stockage: o.stockage, depot: new DepotMemoires(o.orm), lots, lotId: lot.id, emetteur: emetteur.right, maintenant, reprise };
    const dejaIntegres = reprise ? await lots.indicesIntegres(lot.id) : new Set<number>();
    const parLot = o.parLot ?? 500;
    let [memoires, integres, rejetes] = [0, 0, 0];
    let erreurLot: ErreurLot | undefined;
    let aTraiter: Array<{ readonly indice: number; readonly ligne: number; readonly memoire?: MemoireLue; readonly erreurs: ReadonlyArray<ErreurDeChamp> }> = [];
    let octetsEnAttente = 0;
    const vider = async () => {
      const maintenantLot = maintenant();
      const resultats: Array<ResultatElement> = [];
      const candidats: Array<Candidat> = [];
      for (const e of aTraiter) {
        const p = await preparer(c, e.indice, e.ligne, e.memoire, e.erreurs, maintenantLot);
        if ("resultat" in p) resultats.push(p);
        else candidats.push(p);
      }
      resultats.push(...(await creerLot(c, candidats, maintenantLot)));
      aTraiter = [];
      octetsEnAttente = 0;
      for (const r of resultats) {
        if (r.resultat === "INTEGRE") integres += 1;
        else rejetes += 1;
      }
      await lots.enregistrerElements(lot.id, resultats, maintenantLot);
      await lots.avancer(lot.id, { memoires: integres + rejetes, integres, rejetes });
      o.progression?.({ octetsLus, taille, memoires, integres, rejetes });
    };
    for (let ev = await lecture.next(); ev.done !== true; ev = await lecture.next()) {
      const e = ev.value;
      if (e.type === "rejet") {
        erreurLot = { raison: e.raison, ligne: e.ligne, colonne: e.colonne };
        break;
      }
      if (e.type !== "memoire") continue;
      memoires += 1;
      if (dejaIntegres.has(e.indice)) {
        integres += 1;
        continue;
      }
      aTraiter.push({ indice: e.indice, ligne: e.ligne, erreurs: e.erreurs, ...(e.memoire === undefined ? {} : { memoire: e.memoire }) });
      // Inline attachments count against the batch's memory too.
      octetsEnAttente += e.memoire === undefined ? 0 : [...e.memoire.pieces, ...e.memoire.lignes.flatMap((l) => l.pieces)].reduce((t, p) => t + ("octets" in p.source ? p.source.octets.byteLength : 0), 0);
      if (aTraiter.length >= parLot || octetsEnAttente > 32 * 1024 * 1024) await vider();
    }
    await vider();
    o.progression?.({ octetsLus: erreurLot === undefined ? taille : octetsLus, taille, memoires, integres, rejetes });
    await appliquer(
      erreurLot !== undefined && integres === 0 ? { type: "lot.rejeter", motif: erreurLot.raison } : { type: "lot.terminer", integres, rejetes, complet: erreurLot === undefined },
      { ...(erreurLot === undefined ? {} : { erreur: erreurLot }), termineLe: maintenant() },
    );
    return Either.right({ type: "traite", lot, dejaTraite: false });
  } catch (e) {
    const motif = e instanceof Error ? e.message : String(e);
    await lots.appliquer(lot, { type: "lot.signaler-incident", motif }, maintenant(), { erreur: { raison: `incident : ${motif}` } }).catch(() => undefined);
    throw e;
  } finally {
    await lecture.return(undefined);
  }
};
