import { depuisParseError, type ErreurDeChamp } from "@frais-justice/core";
import { executionDeLaTaxe, Memoire, type MemoireEncodee } from "@frais-justice/core/memoire";
import { Either, type ParseResult, Schema, Struct } from "effect";
import { normaliserRecherche } from "../base/texte.js";
import { lireBooleen, lireEntier, lireInstant } from "../base/sql.js";
import type { EvenementMemoireRow, LignePrestationRow, MemoireRow, PieceJointeRow } from "../schema/memoire.schema.js";
import { DonneesCorrompues } from "./memoire.errors.js";
import { decodeurStocke } from "../base/decodage.js";

/**
 * Mapper of the mémoire aggregate: core's `Memoire` ⇄ rows of `memoire`, `ligne_prestation`,
 * `piece_jointe`. Writing goes through core's Schema encoding (canonical decimal strings, ISO
 * instants); reading rebuilds the encoded form and decodes it with core's Schema, so a row that
 * breaks an invariant of the aggregate comes back as a `DonneesCorrompues` naming every field.
 */

/** A row as the database returns it (SQLite: instants in ms and booleans 0/1; PostgreSQL: Date, boolean, bigint as text). */
export type LigneBrute = Readonly<Record<string, unknown>>;

/** Child rows as written: the FK is the mémoire id. */
export type LignePrestationEcrite = Omit<LignePrestationRow, "memoire"> & { readonly memoireId: string };
export type PieceJointeEcrite = Omit<PieceJointeRow, "memoire"> & { readonly memoireId: string };
export type EvenementEcrit = Omit<EvenementMemoireRow, "memoire"> & { readonly memoireId: string };

/** The rows of one mémoire. */
export interface LignesMemoire {
  readonly memoire: MemoireRow;
  readonly lignes: ReadonlyArray<LignePrestationEcrite>;
  readonly piecesJointes: ReadonlyArray<PieceJointeEcrite>;
}

const decoder = decodeurStocke(Memoire, { onExcessProperty: "error" });

/**
 * The fields of a mémoire whose encoding is most of the work (decimals, instants, nested structures).
 * Each is encoded on its own and its encoded form remembered by the identity of the value: core's
 * aggregates are immutable and a command keeps, by reference, what it does not change (a
 * certification keeps the lines, attachments, en-tête and amounts it loaded), so writing the new state
 * encodes only what the command changed. Loading a mémoire remembers the forms it was decoded from.
 */
const CHAMPS_MEMORISES = ["enTete", "lignes", "piecesJointes", "montants", "montantsDemandes", "redressements", "taxation", "refus", "paiement"] as const;
type ChampMemorise = (typeof CHAMPS_MEMORISES)[number];
const encoderAutresChamps = Schema.encodeSync(Schema.Struct(Struct.omit(Memoire.fields, ...CHAMPS_MEMORISES)));
const encodeursChamps = Object.fromEntries(
  CHAMPS_MEMORISES.map((k) => [k, Schema.encodeSync(Schema.Struct(Struct.pick(Memoire.fields, k))) as unknown as (v: Readonly<Record<string, unknown>>) => Readonly<Record<string, unknown>>]),
) as Record<ChampMemorise, (v: Readonly<Record<string, unknown>>) => Readonly<Record<string, unknown>>>;
const formesEncodees = new WeakMap<object, unknown>();

/** Core's Schema encoding of a mémoire (same result as `Schema.encodeSync(Memoire)`), reusing the remembered forms of unchanged fields. */
export const encoderMemoire = (memoire: Memoire): MemoireEncodee => {
  const e: Record<string, unknown> = { ...encoderAutresChamps(memoire) };
  for (const k of CHAMPS_MEMORISES) {
    const v = memoire[k];
    if (v === undefined) continue;
    let forme = formesEncodees.get(v);
    if (forme === undefined) {
      forme = encodeursChamps[k]({ [k]: v })[k];
      formesEncodees.set(v, forme);
    }
    e[k] = forme;
  }
  return e as MemoireEncodee;
};

/** `taxe_executable_le` of an appeal waiting for the chambre de l'instruction's decision: after any day a list asks about. */
export const EXECUTION_SUSPENDUE = "9999-12-31";

/** The first day the payment of the mémoire's ordonnance de taxe may be validated, as stored (see `MemoireLigne.taxeExecutableLe`). */
const jourExecutionTaxe = (memoire: Memoire): string | null => {
  const execution = executionDeLaTaxe(memoire);
  switch (execution.statut) {
    case "DELAI_DE_RECOURS":
    case "DECIDEE":
      return execution.executableLe.toString();
    case "RECOURS_EN_INSTANCE":
      return EXECUTION_SUSPENDUE;
    case "A_NOTIFIER":
    case "SANS_OBJET":
      return null;
  }
};

const sansNull = <T>(v: T | null | undefined): T | undefined => (v === null ? undefined : v);
const ouNull = <T>(v: T | undefined): T | null => (v === undefined ? null : v);

/** Integer cents of a 2-decimal amount string ("158.25" → 15825), exact (no float arithmetic). */
export const enCentimes = (montant: string): number => {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(montant);
  if (m === null) throw new RangeError(`montant non exprimable en centimes : ${montant}`);
  const centimes = BigInt(m[2] ?? "0") * 100n + BigInt((m[3] ?? "").padEnd(2, "0"));
  return Number(m[1] === "-" ? -centimes : centimes);
};

/** The folded search text of a mémoire: numbers, juridiction, references, affaires. */
export const texteRecherche = (m: MemoireEncodee): string =>
  normaliserRecherche(
    [
      m.numero,
      m.numeroProvisoire,
      m.enTete.juridiction.code,
      m.enTete.juridiction.libelle,
      m.enTete.numeroEngagementJuridique,
      m.enTete.numeroFacture,
      m.enTete.texteReference,
      m.enTete.categoriePrestataire,
      m.numeroLot,
      ...m.lignes.map((l) => l.numeroAffaire),
    ]
      .filter((s): s is string => s !== undefined)
      .join(" "),
  );

/** Rows of a mémoire (the aggregate is assumed valid: it comes out of core's commands). */
export const versLignes = (memoire: Memoire, nombreEvenements: number): LignesMemoire => {
  const e = encoderMemoire(memoire);
  const t = e.enTete;
  const row: MemoireRow = {
    id: e.id,
    numero: e.numero,
    numeroProvisoire: e.numeroProvisoire,
    etat: e.etat,
    version: e.version,
    juridictionCode: t.juridiction.code,
    juridictionLibelle: t.juridiction.libelle,
    courAppel: t.juridiction.courAppel,
    structureId: t.structureId,
    serviceId: ouNull(t.serviceId),
    categoriePrestataire: ouNull(t.categoriePrestataire),
    referenceCoordonneesBancaires: ouNull(t.referenceCoordonneesBancaires),
    devise: t.devise,
    texteReference: ouNull(t.texteReference),
    typeTva: ouNull(t.typeTva),
    numeroFacture: ouNull(t.numeroFacture),
    numeroEngagementJuridique: ouNull(t.numeroEngagementJuridique),
    modeDepot: t.modeDepot,
    numeroLot: ouNull(e.numeroLot),
    remiseGlobaleTtc: String(e.remiseGlobaleTtc),
    attestationSurLHonneur: e.attestationSurLHonneur,
    montantHt: String(e.montants.montantHt),
    montantTva: String(e.montants.montantTva),
    montantDebours: String(e.montants.montantDebours),
    montantTtcAvantRemiseGlobale: String(e.montants.montantTtcAvantRemiseGlobale),
    montantRemiseGlobaleTtc: String(e.montants.montantRemiseGlobaleTtc),
    montantTtc: String(e.montants.montantTtc),
    montantTtcCentimes: enCentimes(String(e.montants.montantTtc)),
    recapitulatifTva: JSON.stringify(e.montants.recapitulatifTva),
    montantsDemandes: e.montantsDemandes === undefined ? null : JSON.stringify(e.montantsDemandes),
    montantModifie: e.montantModifie,
    creeLe: memoire.creeLe,
    creeParType: e.creePar.type,
    creeParId: e.creePar.id,
    envoyeLe: ouNull(memoire.envoyeLe),
    empreinteDepot: ouNull(e.empreinteDepot),
    misADispositionLe: ouNull(memoire.misADispositionLe),
    agentEnCharge: ouNull(e.agentEnCharge),
    redressements: JSON.stringify(e.redressements),
    certifieLe: ouNull(memoire.certifieLe),
    taxation: e.taxation === undefined ? null : JSON.stringify(e.taxation),
    taxeExecutableLe: jourExecutionTaxe(memoire),
    refus: e.refus === undefined ? null : JSON.stringify(e.refus),
    valideLe: ouNull(memoire.valideLe),
    paiementDate: ouNull(e.paiement?.date),
    paiementReference: ouNull(e.paiement?.reference),
    duplicataDe: ouNull(e.duplicataDe),
    dupliqueEn: ouNull(e.dupliqueEn),
    etatLe: memoire.etatLe,
    nombreEvenements,
    recherche: texteRecherche(e),
  };
  const montantsParLigne = new Map(e.montants.lignes.map((l) => [l.ligneId, l]));
  const lignes = e.lignes.map((l, rang): LignePrestationEcrite => {
    const m = montantsParLigne.get(l.id);
    return {
      id: l.id,
      memoireId: e.id,
      rang,
      numeroAffaire: l.numeroAffaire,
      dateRequisition: l.dateRequisition,
      autoriteRequerante: l.autoriteRequerante,
      typePrestation: l.typePrestation,
      datePrestation: l.datePrestation,
      debut: ouNull(l.debut),
      fin: ouNull(l.fin),
      quantite: String(l.quantite),
      tarifHt: String(l.tarifHt),
      tauxTva: String(l.tauxTva),
      fraisDivers: String(l.fraisDivers),
      debours: String(l.debours),
      remise: String(l.remise),
      // A line without computed amounts cannot come out of the engine; "" makes the row fail on reading.
      montantPrestationHt: m === undefined ? "" : String(m.montantPrestationHt),
      montantHt: m === undefined ? "" : String(m.montantHt),
      montantTva: m === undefined ? "" : String(m.montantTva),
      montantTtc: m === undefined ? "" : String(m.montantTtc),
    };
  });
  const piecesJointes = e.piecesJointes.map(
    (p, rang): PieceJointeEcrite => ({
      id: p.id,
      memoireId: e.id,
      rang,
      ligneId: ouNull(p.ligneId),
      designation: p.designation,
      type: p.type,
      nomFichier: p.nomFichier,
      typeContenu: p.typeContenu,
      taille: p.taille,
      empreinte: p.empreinte,
      origine: p.origine,
    }),
  );
  return { memoire: row, lignes, piecesJointes };
};

const optionnel = <K extends string, V>(cle: K, v: V | null | undefined): { [P in K]?: V } =>
  (v === null || v === undefined ? {} : { [cle]: v }) as { [P in K]?: V };

const json = (valeur: unknown, chemin: string, erreurs: Array<ErreurDeChamp>): unknown => {
  if (typeof valeur !== "string") return valeur; // PostgreSQL may hand back parsed JSON
  try {
    return JSON.parse(valeur) as unknown;
  } catch {
    erreurs.push({ chemin, raison: "JSON illisible" });
    return undefined;
  }
};

const iso = (v: unknown): string | undefined => (v === null || v === undefined ? undefined : lireInstant(v).toISOString());

/**
 * Rebuilds a mémoire from its rows (as returned by the database, columns named after the properties)
 * and decodes it with core's Schema. `Left(DonneesCorrompues)` names every offending field.
 */
export const depuisLignes = (
  m: LigneBrute,
  lignes: ReadonlyArray<LigneBrute>,
  pieces: ReadonlyArray<LigneBrute>,
): Either.Either<Memoire, DonneesCorrompues> => {
  const id = String(m["id"]);
  const erreurs: Array<ErreurDeChamp> = [];
  const triees = <T extends LigneBrute>(xs: ReadonlyArray<T>) => [...xs].sort((a, b) => lireEntier(a["rang"]) - lireEntier(b["rang"]));
  const lignesTriees = triees(lignes);
  const paiementDate = sansNull(m["paiementDate"]);
  const encodee = {
    id,
    numero: m["numero"],
    numeroProvisoire: m["numeroProvisoire"],
    etat: m["etat"],
    enTete: {
      juridiction: { code: m["juridictionCode"], libelle: m["juridictionLibelle"], courAppel: m["courAppel"] },
      structureId: m["structureId"],
      ...optionnel("serviceId", m["serviceId"]),
      ...optionnel("categoriePrestataire", m["categoriePrestataire"]),
      ...optionnel("referenceCoordonneesBancaires", m["referenceCoordonneesBancaires"]),
      devise: m["devise"],
      ...optionnel("texteReference", m["texteReference"]),
      ...optionnel("typeTva", m["typeTva"]),
      ...optionnel("numeroFacture", m["numeroFacture"]),
      ...optionnel("numeroEngagementJuridique", m["numeroEngagementJuridique"]),
      modeDepot: m["modeDepot"],
    },
    ...optionnel("numeroLot", m["numeroLot"]),
    lignes: lignesTriees.map((l) => ({
      id: l["id"],
      numeroAffaire: l["numeroAffaire"],
      dateRequisition: l["dateRequisition"],
      autoriteRequerante: l["autoriteRequerante"],
      typePrestation: l["typePrestation"],
      datePrestation: l["datePrestation"],
      ...optionnel("debut", l["debut"]),
      ...optionnel("fin", l["fin"]),
      quantite: l["quantite"],
      tarifHt: l["tarifHt"],
      tauxTva: l["tauxTva"],
      fraisDivers: l["fraisDivers"],
      debours: l["debours"],
      remise: l["remise"],
    })),
    piecesJointes: triees(pieces).map((p) => ({
      id: p["id"],
      ...optionnel("ligneId", p["ligneId"]),
      designation: p["designation"],
      type: p["type"],
      nomFichier: p["nomFichier"],
      typeContenu: p["typeContenu"],
      taille: lireEntier(p["taille"]),
      empreinte: p["empreinte"],
      origine: p["origine"],
    })),
    remiseGlobaleTtc: m["remiseGlobaleTtc"],
    attestationSurLHonneur: lireBooleen(m["attestationSurLHonneur"]),
    montants: {
      lignes: lignesTriees.map((l) => ({
        ligneId: l["id"],
        montantPrestationHt: l["montantPrestationHt"],
        montantHt: l["montantHt"],
        montantTva: l["montantTva"],
        montantTtc: l["montantTtc"],
      })),
      recapitulatifTva: json(m["recapitulatifTva"], "montants.recapitulatifTva", erreurs),
      montantHt: m["montantHt"],
      montantTva: m["montantTva"],
      montantDebours: m["montantDebours"],
      montantTtcAvantRemiseGlobale: m["montantTtcAvantRemiseGlobale"],
      montantRemiseGlobaleTtc: m["montantRemiseGlobaleTtc"],
      montantTtc: m["montantTtc"],
    },
    ...optionnel("montantsDemandes", m["montantsDemandes"] === null ? null : json(m["montantsDemandes"], "montantsDemandes", erreurs)),
    montantModifie: lireBooleen(m["montantModifie"]),
    creeLe: iso(m["creeLe"]),
    creePar: { type: m["creeParType"], id: m["creeParId"] },
    version: lireEntier(m["version"]),
    ...optionnel("envoyeLe", iso(m["envoyeLe"])),
    ...optionnel("empreinteDepot", m["empreinteDepot"]),
    ...optionnel("misADispositionLe", iso(m["misADispositionLe"])),
    ...optionnel("agentEnCharge", m["agentEnCharge"]),
    redressements: json(m["redressements"], "redressements", erreurs),
    ...optionnel("certifieLe", iso(m["certifieLe"])),
    ...optionnel("taxation", m["taxation"] === null ? null : json(m["taxation"], "taxation", erreurs)),
    ...optionnel("refus", m["refus"] === null ? null : json(m["refus"], "refus", erreurs)),
    ...optionnel("valideLe", iso(m["valideLe"])),
    ...(paiementDate === undefined ? {} : { paiement: { date: paiementDate, reference: sansNull(m["paiementReference"]) } }),
    ...optionnel("duplicataDe", m["duplicataDe"]),
    ...optionnel("dupliqueEn", m["dupliqueEn"]),
    etatLe: iso(m["etatLe"]),
  };
  if (erreurs.length > 0) return Either.left(new DonneesCorrompues({ table: "memoire", id, erreurs }));
  const decodee = Either.mapLeft(decoder(encodee), (e: ParseResult.ParseError) => new DonneesCorrompues({ table: "memoire", id, erreurs: depuisParseError(e).erreurs }));
  // The stored forms of the decoded fields: what writing them unchanged would encode (see encoderMemoire).
  if (Either.isRight(decodee)) {
    const source = encodee as Readonly<Record<string, unknown>>;
    for (const k of CHAMPS_MEMORISES) {
      const v = decodee.right[k];
      if (v !== undefined && source[k] !== undefined) formesEncodees.set(v, source[k]);
    }
  }
  return decodee;
};
