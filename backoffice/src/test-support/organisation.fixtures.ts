import { Schema } from "effect";
import {
  AgentStocke,
  CoordonneeBancaireStockee,
  HabilitationStockee,
  JuridictionStockee,
  MandatStocke,
  RattachementStocke,
  StructureStockee,
  UtilisateurStocke,
} from "../organisation/organisation.documents.js";

/** Valid organisation aggregates, decoded through the same Schemas as the stored rows. */
export const structureDeTest = (id: string, siret = "73282932000074") =>
  Schema.decodeUnknownSync(StructureStockee)({
    id,
    identifiant: { type: "SIRET", valeur: siret },
    raisonSociale: "Cabinet d'interprétariat Élise Cœur",
    adresse: { ligne: "12 rue de la Paix", codePostal: "75002", ville: "Paris", pays: "FR" },
    statut: "ACTIF",
    services: [{ code: "PARIS", libelle: "Agence de Paris", actif: true }],
    informationsMemoire: { categoriePrestataire: "INTERPRETE_TRADUCTEUR", regime: "INDEPENDANT", droitOption: true },
    espacesOuverts: ["MEMOIRES_DE_FRAIS_DE_JUSTICE"],
    dateCreation: "2024-03-01T09:00:00.000Z",
  });

export const coordonneeDeTest = (id: string, structureId: string) =>
  Schema.decodeUnknownSync(CoordonneeBancaireStockee)({
    id,
    structureId,
    libelle: "Compte principal",
    compte: { type: "IBAN", iban: "FR7630006000011234567890189" },
    bic: "BNPAFRPPXXX",
    affactureur: false,
    fichier: { reference: "a".repeat(64), typeContenu: "application/pdf", taille: 1234 },
    active: true,
    dateCreation: "2024-03-02T09:00:00.000Z",
  });

export const utilisateurDeTest = (id: string, email: string) =>
  Schema.decodeUnknownSync(UtilisateurStocke)({ id, email, nom: "Martin", prenom: "Élise", statut: "ACTIF", echecsConnexion: 0, dateCreation: "2024-03-01T08:00:00.000Z" });

export const mandatDeTest = (id: string, structureId: string, statut: "EN_ATTENTE_SIGNATURE" | "SIGNE" | "REVOQUE") =>
  Schema.decodeUnknownSync(MandatStocke)({
    id,
    structureId,
    libelle: "Mandat de facturation",
    signataire: { nom: "Martin", prenom: "Élise", email: "elise.martin@example.fr" },
    dateCreation: "2024-03-03T09:00:00.000Z",
    ...(statut === "SIGNE" ? { dateSignature: "2024-03-04T09:00:00.000Z" } : {}),
    statut,
  });

export const rattachementDeTest = (structureId: string, utilisateurId: string) =>
  Schema.decodeUnknownSync(RattachementStocke)({ structureId, utilisateurId, role: "GESTIONNAIRE_PRINCIPAL", depuis: "2024-03-01T09:00:00.000Z" });

export const habilitationDeTest = (id: string, utilisateurId: string, structureId: string) =>
  Schema.decodeUnknownSync(HabilitationStockee)({ id, utilisateurId, structureId, application: "FRAIS_DE_JUSTICE", mode: "MODIFICATION", depuis: "2024-03-01T09:00:00.000Z", parId: utilisateurId });

export const juridictionDeTest = (code: string, courAppel: string) =>
  Schema.decodeUnknownSync(JuridictionStockee)({ code, libelle: `Tribunal judiciaire ${code}`, type: "TRIBUNAL_JUDICIAIRE", courAppel });

export const agentDeTest = (id: string, juridiction: string) =>
  Schema.decodeUnknownSync(AgentStocke)({
    id,
    email: `${id}@justice.fr`,
    nom: "Durand",
    prenom: "Paul",
    roles: ["GREFFIER"],
    perimetre: { juridictions: [juridiction], coursAppel: [] },
    actif: true,
    creeLe: "2024-01-01T09:00:00.000Z",
  });
