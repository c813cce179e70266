import { EntitySchema, type EntitySchemaProperty, type IndexOptions } from "@mikro-orm/core";

/**
 * Tables of the organisation aggregates (structures, services, coordonnées bancaires, utilisateurs,
 * rattachements, habilitations, mandats; juridictions and agents live in the back-office access
 * tables, `admin/acces/acces.schema.ts`). Each row holds the columns that
 * queries filter on, a `version` for optimistic locking, and `donnees`: the aggregate encoded by its
 * Schema (`organisation.documents.ts`), decoded — hence validated — on every read.
 */
export interface DocumentRow {
  id: string;
  version: number;
  donnees: string;
  [cle: string]: unknown;
}

type Colonne = EntitySchemaProperty<unknown, DocumentRow>;
const texte = (length: number, nullable = false): Colonne => ({ type: "string", length, nullable });

const document = (name: string, tableName: string, cles: Record<string, Colonne>, indexes: Array<IndexOptions<DocumentRow>> = [], uniques: Array<IndexOptions<DocumentRow>> = []) =>
  new EntitySchema<DocumentRow>({
    name,
    tableName,
    properties: {
      id: { type: "string", length: 200, primary: true },
      ...cles,
      version: { type: "integer", version: true },
      donnees: { type: "text" },
    },
    indexes: indexes,
    uniques: uniques,
  });

export const StructureSchema = document(
  "Structure",
  "structure",
  {
    identifiantType: texte(20),
    identifiantValeur: texte(60),
    raisonSociale: texte(200),
    recherche: { type: "text" },
    statut: texte(20),
    // Default catégorie of the informations mémoire (filter of the back-office list); null when not given.
    categorie: texte(40, true),
  },
  [{ name: "structure_recherche_idx", properties: ["recherche"] } as never, { name: "structure_raison_sociale_idx", properties: ["raisonSociale"] } as never],
  [{ name: "structure_identifiant_unique", properties: ["identifiantType", "identifiantValeur"] } as never],
);

/** Services of the structures, projected from the structure on each write (routing, lists). */
export const ServiceSchema = document("Service", "service", { structureId: texte(100), code: texte(50), libelle: texte(200), actif: { type: "boolean" } }, [], [
  { name: "service_structure_code_unique", properties: ["structureId", "code"] } as never,
]);

export const CoordonneeBancaireSchema = document("CoordonneeBancaire", "coordonnee_bancaire", { structureId: texte(100), active: { type: "boolean" } }, [
  { name: "coordonnee_bancaire_structure_idx", properties: ["structureId"] } as never,
]);

export const UtilisateurSchema = document("Utilisateur", "utilisateur", { email: texte(254), statut: texte(30), recherche: { type: "text", nullable: true } }, [], [{ name: "utilisateur_email_unique", properties: ["email"] } as never]);

export const RattachementSchema = document(
  "Rattachement",
  "rattachement",
  { structureId: texte(100), utilisateurId: texte(100), role: texte(30) },
  [{ name: "rattachement_utilisateur_idx", properties: ["utilisateurId"] } as never],
  [{ name: "rattachement_structure_utilisateur_unique", properties: ["structureId", "utilisateurId"] } as never],
);

export const DemandeRattachementSchema = document("DemandeRattachement", "demande_rattachement", { structureId: texte(100), utilisateurId: texte(100) }, [
  { name: "demande_rattachement_structure_idx", properties: ["structureId"] } as never,
]);

export const HabilitationSchema = document("Habilitation", "habilitation", { utilisateurId: texte(100), structureId: texte(100), application: texte(40), mode: texte(20) }, [
  { name: "habilitation_utilisateur_idx", properties: ["utilisateurId"] } as never,
  { name: "habilitation_structure_idx", properties: ["structureId"] } as never,
]);

export const DemandeAbonnementSchema = document("DemandeAbonnement", "demande_abonnement", { utilisateurId: texte(100), structureId: texte(100) }, [
  { name: "demande_abonnement_structure_idx", properties: ["structureId"] } as never,
]);

export const MandatSchema = document("Mandat", "mandat", { structureId: texte(100), statut: texte(30) }, [
  { name: "mandat_structure_idx", properties: ["structureId"] } as never,
  // At most one signed (active) mandat per structure (seed 002), enforced by the database too.
  { name: "mandat_un_actif_par_structure", expression: "create unique index mandat_un_actif_par_structure on mandat (structure_id) where statut = 'SIGNE'" },
]);

/** One audit entry of an organisation command: the core event, who did it, when, on which structure. */
export interface EvenementOrganisationRow {
  id: string;
  structureId: string;
  /** The core event's tag (`CoordonneeBancaireDesactivee`, `MandatRevoque`, `HabilitationRevoquee`...). */
  type: string;
  /** `AGENT`, `UTILISATEUR` or `SYSTEME`. */
  auteurType: string;
  auteurId: string;
  le: Date;
  /** The sub-record the command changed (coordonnée, mandat, habilitation), when there is one. */
  cibleId?: string | null;
  /** The core event, encoded as JSON (never a password, hash or link secret: core's events hold none). */
  donnees: string;
}

export const EvenementOrganisationSchema = new EntitySchema<EvenementOrganisationRow>({
  name: "EvenementOrganisation",
  tableName: "evenement_organisation",
  properties: {
    id: { type: "string", length: 100, primary: true },
    structureId: { type: "string", length: 100 },
    type: { type: "string", length: 60 },
    auteurType: { type: "string", length: 20 },
    auteurId: { type: "string", length: 100 },
    le: { type: "datetime" },
    cibleId: { type: "string", length: 200, nullable: true },
    donnees: { type: "text" },
  },
  indexes: [{ name: "evenement_organisation_structure_le_idx", properties: ["structureId", "le"] }],
});

export const ENTITES_ORGANISATION = [
  StructureSchema,
  ServiceSchema,
  CoordonneeBancaireSchema,
  UtilisateurSchema,
  RattachementSchema,
  DemandeRattachementSchema,
  HabilitationSchema,
  DemandeAbonnementSchema,
  MandatSchema,
  EvenementOrganisationSchema,
] as const;
