import { LIBELLE_ESPACE } from "@frais-justice/core/habilitation";
import { ibanDuCompte, isCoordonneeBancaireValide } from "@frais-justice/core/coordonnees-bancaires";
import { prerequisManquants } from "@frais-justice/core/prerequis";
import { Either, Option } from "effect";
import type { Orm } from "../base/orm.js";
import { lireInstant, sqlDe, type Sql, type ValeurSql } from "../base/sql.js";
import { echapperLike, normaliserRecherche } from "../base/texte.js";
import type { DonneesCorrompues } from "../memoire/memoire.errors.js";
import type { DocumentIntrouvable } from "./documents.repository.js";
import {
  LIBELLES_CATEGORIE,
  LIBELLES_REGIME,
  LIBELLES_ROLE_STRUCTURE,
  LIBELLES_STATUT_MANDAT,
  LIBELLES_STATUT_STRUCTURE,
  LIBELLES_STATUT_UTILISATEUR,
  LIBELLES_TYPE_IDENTIFIANT,
  libelleHabilitation,
  masquerIban,
} from "./organisation.libelles.js";
import { depotsOrganisation, type DepotsOrganisation } from "./organisation.repository.js";

/**
 * Read side of the organisation screens: lists with exact filters in SQL, and the detail of one
 * structure or one user assembled from the repositories (every aggregate decoded, hence validated,
 * by its Schema) with French labels, a masked IBAN and the audit entries. No write here.
 */

const FUSEAU = "Europe/Paris";
const FORMAT_JOUR = new Intl.DateTimeFormat("fr-FR", { timeZone: FUSEAU });
const FORMAT_INSTANT = new Intl.DateTimeFormat("fr-FR", { timeZone: FUSEAU, dateStyle: "short", timeStyle: "short" });
const jour = (d: Date | undefined): string => (d === undefined ? "" : FORMAT_JOUR.format(d));
const instant = (d: Date | undefined): string => (d === undefined ? "" : FORMAT_INSTANT.format(d));

/** Criteria of the structures list (each optional; exact match on codes, accent-insensitive text). */
export interface CriteresStructures {
  readonly texte?: string;
  readonly identifiantType?: string;
  readonly identifiant?: string;
  readonly raisonSociale?: string;
  readonly categorie?: string;
  readonly statut?: string;
}

/** One row of the structures list. */
export interface LigneStructure {
  readonly id: string;
  readonly identifiantType: string;
  readonly identifiantValeur: string;
  readonly raisonSociale: string;
  readonly categorie: string | null;
  readonly statut: string;
}

export const TRI_STRUCTURES = { raisonSociale: "raison_sociale", identifiantValeur: "identifiant_valeur", statut: "statut", categorie: "categorie" } as const;

const whereStructures = (c: CriteresStructures): { sql: string; params: Array<ValeurSql> } => {
  const clauses: Array<string> = [];
  const params: Array<ValeurSql> = [];
  const contient = (colonne: string, valeur: string | undefined) => {
    const v = normaliserRecherche(valeur ?? "");
    if (v === "") return;
    clauses.push(`${colonne} LIKE ? ESCAPE '\\'`);
    params.push(`%${echapperLike(v)}%`);
  };
  contient("recherche", c.texte);
  contient("recherche", c.raisonSociale);
  const identifiant = (c.identifiant ?? "").replace(/[\s.-]/g, "").toUpperCase();
  if (identifiant !== "") {
    clauses.push(`UPPER(identifiant_valeur) LIKE ? ESCAPE '\\'`);
    params.push(`${echapperLike(identifiant)}%`);
  }
  for (const [colonne, valeur] of [
    ["identifiant_type", c.identifiantType],
    ["categorie", c.categorie],
    ["statut", c.statut],
  ] as const) {
    if (valeur !== undefined && valeur !== "") {
      clauses.push(`${colonne} = ?`);
      params.push(valeur);
    }
  }
  return { sql: clauses.length === 0 ? "1 = 1" : clauses.join(" AND "), params };
};

/** Number of structures matching the criteria. */
export const compterStructures = async (sql: Sql, c: CriteresStructures): Promise<number> => {
  const w = whereStructures(c);
  const [l] = await sql.lignes<{ n: unknown }>(`SELECT COUNT(*) AS n FROM structure WHERE ${w.sql}`, w.params);
  return Number(l?.n ?? 0);
};

/** One page of structures matching the criteria, sorted (raison sociale by default), id as tie-breaker. */
export const listerStructures = async (
  sql: Sql,
  c: CriteresStructures,
  tri: { readonly colonne?: string; readonly sens?: "asc" | "desc" },
  page: { readonly limite: number; readonly decalage: number },
): Promise<ReadonlyArray<LigneStructure>> => {
  const w = whereStructures(c);
  const colonne = tri.colonne !== undefined && tri.colonne in TRI_STRUCTURES ? TRI_STRUCTURES[tri.colonne as keyof typeof TRI_STRUCTURES] : "raison_sociale";
  const sens = tri.sens === "desc" ? "DESC" : "ASC";
  return sql.lignes<LigneStructure>(
    `SELECT id, identifiant_type AS "identifiantType", identifiant_valeur AS "identifiantValeur", raison_sociale AS "raisonSociale", categorie, statut
     FROM structure WHERE ${w.sql} ORDER BY ${colonne} ${sens}, id ASC LIMIT ? OFFSET ?`,
    [...w.params, page.limite, page.decalage],
  );
};

/** Criteria of the users list. */
export interface CriteresUtilisateurs {
  readonly texte?: string;
  readonly email?: string;
  readonly statut?: string;
  readonly structureId?: string;
}

/** One row of the users list (names and lock read from the stored document). */
export interface LigneUtilisateur {
  readonly id: string;
  readonly email: string;
  readonly statut: string;
  readonly donnees: string;
}

const whereUtilisateurs = (c: CriteresUtilisateurs): { sql: string; params: Array<ValeurSql> } => {
  const clauses: Array<string> = [];
  const params: Array<ValeurSql> = [];
  const texte = normaliserRecherche(c.texte ?? "");
  if (texte !== "") {
    clauses.push(`recherche LIKE ? ESCAPE '\\'`);
    params.push(`%${echapperLike(texte)}%`);
  }
  const email = (c.email ?? "").trim().toLowerCase();
  if (email !== "") {
    clauses.push(`email LIKE ? ESCAPE '\\'`);
    params.push(`%${echapperLike(email)}%`);
  }
  if (c.statut !== undefined && c.statut !== "") {
    clauses.push("statut = ?");
    params.push(c.statut);
  }
  if (c.structureId !== undefined && c.structureId !== "") {
    clauses.push("id IN (SELECT utilisateur_id FROM rattachement WHERE structure_id = ?)");
    params.push(c.structureId);
  }
  return { sql: clauses.length === 0 ? "1 = 1" : clauses.join(" AND "), params };
};

export const compterUtilisateurs = async (sql: Sql, c: CriteresUtilisateurs): Promise<number> => {
  const w = whereUtilisateurs(c);
  const [l] = await sql.lignes<{ n: unknown }>(`SELECT COUNT(*) AS n FROM utilisateur WHERE ${w.sql}`, w.params);
  return Number(l?.n ?? 0);
};

export const TRI_UTILISATEURS = { email: "email", statut: "statut" } as const;

export const listerUtilisateurs = async (
  sql: Sql,
  c: CriteresUtilisateurs,
  tri: { readonly colonne?: string; readonly sens?: "asc" | "desc" },
  page: { readonly limite: number; readonly decalage: number },
): Promise<ReadonlyArray<LigneUtilisateur>> => {
  const w = whereUtilisateurs(c);
  const colonne = tri.colonne !== undefined && tri.colonne in TRI_UTILISATEURS ? TRI_UTILISATEURS[tri.colonne as keyof typeof TRI_UTILISATEURS] : "email";
  return sql.lignes<LigneUtilisateur>(
    `SELECT id, email, statut, donnees FROM utilisateur WHERE ${w.sql} ORDER BY ${colonne} ${tri.sens === "desc" ? "DESC" : "ASC"}, id ASC LIMIT ? OFFSET ?`,
    [...w.params, page.limite, page.decalage],
  );
};

/** State of a user account as the screens name it: awaiting activation, active, or locked until a time. */
export const etatCompte = (u: { readonly statut: string; readonly verrouilleJusquA?: Date | string | undefined }, maintenant: Date): string => {
  const verrou = u.verrouilleJusquA === undefined ? undefined : new Date(u.verrouilleJusquA);
  if (verrou !== undefined && verrou.getTime() > maintenant.getTime()) return `Verrouillé jusqu'au ${instant(verrou)}`;
  return LIBELLES_STATUT_UTILISATEUR[u.statut as keyof typeof LIBELLES_STATUT_UTILISATEUR] ?? u.statut;
};

/** A user's name and account state from a list row's stored document (display only; the detail decodes it fully). */
export const resumeUtilisateur = (l: LigneUtilisateur, maintenant: Date): { readonly nom: string; readonly compte: string } => {
  let d: { prenom?: unknown; nom?: unknown; verrouilleJusquA?: unknown } = {};
  try {
    d = JSON.parse(l.donnees) as typeof d;
  } catch {
    d = {};
  }
  const verrou = typeof d.verrouilleJusquA === "string" ? d.verrouilleJusquA : undefined;
  return { nom: `${typeof d.prenom === "string" ? d.prenom : ""} ${typeof d.nom === "string" ? d.nom : ""}`.trim(), compte: etatCompte({ statut: l.statut, verrouilleJusquA: verrou }, maintenant) };
};

/** One audit entry as the show pages list it. */
export interface EntreeAudit {
  readonly le: string;
  readonly type: string;
  readonly auteur: string;
  readonly cibleId: string;
}

const LIBELLES_EVENEMENTS: Readonly<Record<string, string>> = {
  CoordonneeBancaireDesactivee: "Coordonnée bancaire désactivée",
  CoordonneeBancaireReactivee: "Coordonnée bancaire réactivée",
  MandatRevoque: "Mandat révoqué",
  HabilitationRevoquee: "Habilitation révoquée",
};

/** The audit entries of a structure, newest first. */
export const auditStructure = async (sql: Sql, structureId: string, nomAuteur: (type: string, id: string) => string): Promise<ReadonlyArray<EntreeAudit>> => {
  const lignes = await sql.lignes<{ le: unknown; type: string; auteurType: string; auteurId: string; cibleId: string | null }>(
    `SELECT le, type, auteur_type AS "auteurType", auteur_id AS "auteurId", cible_id AS "cibleId" FROM evenement_organisation WHERE structure_id = ? ORDER BY le DESC, id DESC`,
    [structureId],
  );
  return lignes.map((l) => ({ le: instant(lireInstant(l.le)), type: LIBELLES_EVENEMENTS[l.type] ?? l.type, auteur: nomAuteur(l.auteurType, l.auteurId), cibleId: l.cibleId ?? "" }));
};

/** The show page of a structure. */
export interface VueStructure {
  readonly id: string;
  readonly raisonSociale: string;
  readonly identifiant: { readonly type: string; readonly valeur: string };
  readonly statut: string;
  readonly actif: boolean;
  readonly adresse: string;
  readonly creeLe: string;
  readonly informationsMemoire: { readonly categorie: string; readonly regime: string; readonly droitOption: string };
  readonly espacesOuverts: ReadonlyArray<string>;
  readonly services: ReadonlyArray<{ readonly code: string; readonly libelle: string; readonly etat: string }>;
  readonly coordonnees: ReadonlyArray<{
    readonly id: string;
    readonly libelle: string;
    readonly compte: string;
    readonly bic: string;
    readonly affactureur: boolean;
    readonly fichier: string;
    readonly active: boolean;
    readonly etat: string;
    readonly creeLe: string;
  }>;
  readonly mandats: ReadonlyArray<{
    readonly id: string;
    readonly libelle: string;
    readonly mandant: string;
    readonly mandataire: string;
    readonly signataire: string;
    readonly statut: string;
    readonly code: string;
    readonly creeLe: string;
    readonly signeLe: string;
    readonly revoqueLe: string;
  }>;
  readonly membres: ReadonlyArray<{
    readonly utilisateurId: string;
    readonly nom: string;
    readonly email: string;
    readonly role: string;
    readonly codeRole: string;
    readonly service: string;
    readonly depuis: string;
    readonly compte: string;
    readonly habilitations: ReadonlyArray<{ readonly id: string; readonly profil: string; readonly portee: string; readonly mode: string }>;
  }>;
  readonly prerequisManquants: ReadonlyArray<string>;
  readonly historique: ReadonlyArray<EntreeAudit>;
}

type Echec = DocumentIntrouvable | DonneesCorrompues;

/** Everything a structure's show page needs, or the typed reason it cannot be read. */
export const detailStructure = async (
  orm: Orm,
  id: string,
  maintenant: Date,
  nomAuteur: (type: string, id: string) => string,
  depots: DepotsOrganisation = depotsOrganisation(orm),
): Promise<Either.Either<VueStructure, Echec>> => {
  const charge = await depots.structures.charger(id);
  if (Either.isLeft(charge)) return Either.left(charge.left);
  const s = charge.right.valeur;
  const coordonnees = await depots.coordonneesBancaires.lister("structureId", id);
  const mandats = await depots.mandats.lister("structureId", id);
  const rattachements = await depots.rattachements.lister("structureId", id);
  const habilitations = await depots.habilitations.lister("structureId", id);
  if (Either.isLeft(coordonnees)) return Either.left(coordonnees.left);
  if (Either.isLeft(mandats)) return Either.left(mandats.left);
  if (Either.isLeft(rattachements)) return Either.left(rattachements.left);
  if (Either.isLeft(habilitations)) return Either.left(habilitations.left);
  const cbs = coordonnees.right.map((v) => v.valeur);
  const ms = mandats.right.map((v) => v.valeur);
  const rs = rattachements.right.map((v) => v.valeur);
  const hs = habilitations.right.map((v) => v.valeur);
  const utilisateurs = new Map<string, { nom: string; email: string; compte: string }>();
  for (const r of rs) {
    const u = await depots.utilisateurs.charger(r.utilisateurId);
    if (Either.isRight(u)) {
      const v = u.right.valeur;
      utilisateurs.set(r.utilisateurId, { nom: `${v.prenom} ${v.nom}`, email: v.email, compte: etatCompte(v, maintenant) });
    }
  }
  const service = (code: string | undefined): string => {
    if (code === undefined) return "Toute la structure";
    const x = s.services.find((y) => y.code.toLowerCase() === code.toLowerCase());
    return x === undefined ? code : `${x.code} — ${x.libelle}`;
  };
  const ordreRole = { GESTIONNAIRE_PRINCIPAL: 0, GESTIONNAIRE_SECONDAIRE: 1, UTILISATEUR: 2 } as const;
  const a = s.adresse;
  return Either.right({
    id: s.id,
    raisonSociale: s.raisonSociale,
    identifiant: { type: LIBELLES_TYPE_IDENTIFIANT[s.identifiant.type], valeur: s.identifiant.valeur },
    statut: LIBELLES_STATUT_STRUCTURE[s.statut],
    actif: s.statut === "ACTIF",
    adresse: [a.ligne, a.complement, `${a.codePostal} ${a.ville}`, a.pays === "FR" ? undefined : a.pays].filter((x): x is string => x !== undefined && x !== "").join(", "),
    creeLe: jour(s.dateCreation),
    informationsMemoire: {
      categorie: s.informationsMemoire.categoriePrestataire === undefined ? "Non renseignée" : LIBELLES_CATEGORIE[s.informationsMemoire.categoriePrestataire],
      regime: s.informationsMemoire.regime === undefined ? "Non renseigné" : LIBELLES_REGIME[s.informationsMemoire.regime],
      droitOption: s.informationsMemoire.droitOption ? "Exercé" : "Non exercé",
    },
    espacesOuverts: s.espacesOuverts.map((e) => LIBELLE_ESPACE[e]),
    services: s.services.map((x) => ({ code: x.code, libelle: x.libelle, etat: x.actif ? "Actif" : "Désactivé" })),
    coordonnees: cbs.map((c) => {
      // A stored account that no longer passes its checks is still shown masked, from its raw form.
      const brut = c.compte.type === "IBAN" ? c.compte.iban : `${c.compte.banque}${c.compte.guichet}${c.compte.compte}${c.compte.cle}`;
      const iban = Option.getOrElse(ibanDuCompte(c.compte), () => brut);
      const valide = isCoordonneeBancaireValide(c);
      return {
        id: c.id,
        libelle: c.libelle,
        compte: `${c.compte.type === "RIB" ? "RIB — " : ""}${masquerIban(iban)}`,
        bic: c.bic ?? "",
        affactureur: c.affactureur,
        fichier: `${c.fichier.typeContenu}, ${Math.ceil(c.fichier.taille / 1024)} Ko`,
        active: c.active,
        etat: c.active ? (valide ? "Active" : "Active — contrôle en échec (non retenue pour les prérequis)") : `Désactivée le ${jour(c.dateDesactivation)}`,
        creeLe: jour(c.dateCreation),
      };
    }),
    mandats: [...ms]
      .sort((x, y) => y.dateCreation.getTime() - x.dateCreation.getTime())
      .map((m) => ({
        id: m.id,
        libelle: m.libelle,
        mandant: s.raisonSociale,
        mandataire: "L'État (ministère de la Justice)",
        signataire: `${m.signataire.prenom} ${m.signataire.nom} <${m.signataire.email}>`,
        statut: LIBELLES_STATUT_MANDAT[m.statut],
        code: m.statut,
        creeLe: jour(m.dateCreation),
        signeLe: jour(m.dateSignature),
        revoqueLe: jour(m.dateRevocation),
      })),
    membres: [...rs]
      .sort((x, y) => ordreRole[x.role] - ordreRole[y.role] || x.utilisateurId.localeCompare(y.utilisateurId))
      .map((r) => {
        const u = utilisateurs.get(r.utilisateurId);
        return {
          utilisateurId: r.utilisateurId,
          nom: u?.nom ?? r.utilisateurId,
          email: u?.email ?? "",
          role: LIBELLES_ROLE_STRUCTURE[r.role],
          codeRole: r.role,
          service: service(r.serviceId),
          depuis: jour(r.depuis),
          compte: u?.compte ?? "Compte introuvable",
          habilitations: hs
            .filter((h) => h.utilisateurId === r.utilisateurId)
            .map((h) => ({ id: h.id, profil: libelleHabilitation(h.application, h.mode), portee: service(h.serviceId), mode: h.mode === "MODIFICATION" ? "Modification" : "Consultation" })),
        };
      }),
    prerequisManquants: prerequisManquants(s, { structureId: s.id, coordonnees: cbs }, { structureId: s.id, mandats: ms }).map((p) => `${p.numero} — ${p.libelle}`),
    historique: await auditStructure(sqlDe(orm), s.id, nomAuteur),
  });
};

/** The show page of a user. */
export interface VueUtilisateur {
  readonly id: string;
  readonly nom: string;
  readonly email: string;
  readonly compte: string;
  readonly verrouille: boolean;
  readonly echecsConnexion: number;
  readonly creeLe: string;
  readonly motDePasseModifieLe: string;
  readonly rattachements: ReadonlyArray<{
    readonly structureId: string;
    readonly raisonSociale: string;
    readonly role: string;
    readonly service: string;
    readonly depuis: string;
    readonly habilitations: ReadonlyArray<{ readonly id: string; readonly profil: string; readonly portee: string; readonly mode: string; readonly depuis: string }>;
  }>;
}

/** Everything a user's show page needs (never the password hash nor the activation link). */
export const detailUtilisateur = async (
  orm: Orm,
  id: string,
  maintenant: Date,
  depots: DepotsOrganisation = depotsOrganisation(orm),
): Promise<Either.Either<VueUtilisateur, Echec>> => {
  const charge = await depots.utilisateurs.charger(id);
  if (Either.isLeft(charge)) return Either.left(charge.left);
  const u = charge.right.valeur;
  const rattachements = await depots.rattachements.lister("utilisateurId", id);
  const habilitations = await depots.habilitations.lister("utilisateurId", id);
  if (Either.isLeft(rattachements)) return Either.left(rattachements.left);
  if (Either.isLeft(habilitations)) return Either.left(habilitations.left);
  const hs = habilitations.right.map((v) => v.valeur);
  const lignes: Array<VueUtilisateur["rattachements"][number]> = [];
  for (const { valeur: r } of rattachements.right) {
    const s = await depots.structures.charger(r.structureId);
    const structure = Either.isRight(s) ? s.right.valeur : undefined;
    const service = (code: string | undefined): string => {
      if (code === undefined) return "Toute la structure";
      const x = structure?.services.find((y) => y.code.toLowerCase() === code.toLowerCase());
      return x === undefined ? code : `${x.code} — ${x.libelle}`;
    };
    lignes.push({
      structureId: r.structureId,
      raisonSociale: structure?.raisonSociale ?? r.structureId,
      role: LIBELLES_ROLE_STRUCTURE[r.role],
      service: service(r.serviceId),
      depuis: jour(r.depuis),
      habilitations: hs
        .filter((h) => h.structureId === r.structureId)
        .map((h) => ({ id: h.id, profil: libelleHabilitation(h.application, h.mode), portee: service(h.serviceId), mode: h.mode === "MODIFICATION" ? "Modification" : "Consultation", depuis: jour(h.depuis) })),
    });
  }
  const verrouille = u.verrouilleJusquA !== undefined && u.verrouilleJusquA.getTime() > maintenant.getTime();
  return Either.right({
    id: u.id,
    nom: `${u.prenom} ${u.nom}`,
    email: u.email,
    compte: etatCompte(u, maintenant),
    verrouille,
    echecsConnexion: u.echecsConnexion,
    creeLe: jour(u.dateCreation),
    motDePasseModifieLe: jour(u.motDePasseModifieLe),
    rattachements: lignes,
  });
};

export { LIBELLES_CATEGORIE, LIBELLES_STATUT_STRUCTURE, LIBELLES_TYPE_IDENTIFIANT };
