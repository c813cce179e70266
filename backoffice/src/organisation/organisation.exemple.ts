import { Schema } from "effect";
import type { Orm } from "../base/orm.js";
import {
  CoordonneeBancaireStockee,
  HabilitationStockee,
  MandatStocke,
  RattachementStocke,
  StructureStockee,
  UtilisateurStocke,
} from "./organisation.documents.js";
import { depotsOrganisation } from "./organisation.repository.js";

/**
 * A small, fixed organisation for the tests of the organisation screens (HTTP and browser): an
 * interpreters' firm with two services, an active IBAN and a deactivated RIB of the same account,
 * a revoked and a signed mandat, a gestionnaire principal, a secondaire, a simple user holding a
 * consultation habilitation on one service, and a locked account; plus an inactive laboratory.
 */
export const EXEMPLE = {
  structure: "structure-cabinet-coeur",
  autreStructure: "structure-labo-nord",
  coordonneeActive: "cb-cabinet-iban",
  coordonneeDesactivee: "cb-cabinet-rib",
  coordonneeAutre: "cb-labo-iban",
  mandatSigne: "mandat-cabinet-2025",
  mandatRevoque: "mandat-cabinet-2024",
  principal: "utilisateur-elise",
  secondaire: "utilisateur-paul",
  simple: "utilisateur-zoe",
  verrouille: "utilisateur-hugo",
  habilitation: "habilitation-zoe-paris",
} as const;

const structure = Schema.decodeUnknownSync(StructureStockee);
const coordonnee = Schema.decodeUnknownSync(CoordonneeBancaireStockee);
const mandat = Schema.decodeUnknownSync(MandatStocke);
const utilisateur = Schema.decodeUnknownSync(UtilisateurStocke);
const rattachement = Schema.decodeUnknownSync(RattachementStocke);
const habilitation = Schema.decodeUnknownSync(HabilitationStockee);

/** Writes {@link EXEMPLE} through the repositories (so every row passes core's checks). */
export const ecrireExempleOrganisation = async (orm: Orm, verrouJusqua = new Date(Date.now() + 3_600_000)): Promise<void> => {
  const d = depotsOrganisation(orm);
  const E = EXEMPLE;
  await d.structures.enregistrerNouveaux([
    structure({
      id: E.structure,
      identifiant: { type: "SIRET", valeur: "73282932000074" },
      raisonSociale: "Cabinet d'interprétariat Élise Cœur",
      adresse: { ligne: "12 rue de la Paix", codePostal: "75002", ville: "Paris", pays: "FR" },
      statut: "ACTIF",
      services: [
        { code: "PARIS", libelle: "Agence de Paris", actif: true },
        { code: "LYON", libelle: "Agence de Lyon", actif: false },
      ],
      informationsMemoire: { categoriePrestataire: "INTERPRETE_TRADUCTEUR", regime: "INDEPENDANT", droitOption: true },
      espacesOuverts: ["MEMOIRES_DE_FRAIS_DE_JUSTICE"],
      dateCreation: "2024-03-01T09:00:00.000Z",
    }),
    structure({
      id: E.autreStructure,
      identifiant: { type: "SIRET", valeur: "35600000049837" },
      raisonSociale: "Laboratoire d'analyses du Nord",
      adresse: { ligne: "3 place du Théâtre", codePostal: "59000", ville: "Lille", pays: "FR" },
      statut: "INACTIF",
      services: [],
      informationsMemoire: { categoriePrestataire: "LABORATOIRE", droitOption: false },
      espacesOuverts: [],
      dateCreation: "2023-05-10T09:00:00.000Z",
    }),
  ]);
  const fichier = { reference: "b".repeat(64), typeContenu: "application/pdf", taille: 52_000 };
  await d.coordonneesBancaires.enregistrerNouveaux([
    coordonnee({
      id: E.coordonneeActive,
      structureId: E.structure,
      libelle: "Compte professionnel",
      compte: { type: "IBAN", iban: "FR7630006000011234567890189" },
      bic: "AGRIFRPPXXX",
      affactureur: false,
      fichier,
      active: true,
      dateCreation: "2025-01-15T09:00:00.000Z",
    }),
    coordonnee({
      id: E.coordonneeDesactivee,
      structureId: E.structure,
      libelle: "Ancien RIB",
      compte: { type: "RIB", banque: "30006", guichet: "00001", compte: "12345678901", cle: "89" },
      affactureur: false,
      fichier,
      active: false,
      dateCreation: "2024-03-02T09:00:00.000Z",
      dateDesactivation: "2025-01-15T08:00:00.000Z",
    }),
    coordonnee({
      id: E.coordonneeAutre,
      structureId: E.autreStructure,
      libelle: "Compte du laboratoire",
      compte: { type: "IBAN", iban: "DE89370400440532013000" },
      bic: "COBADEFFXXX",
      affactureur: true,
      fichier,
      active: true,
      dateCreation: "2023-05-11T09:00:00.000Z",
    }),
  ]);
  const signataire = { nom: "Cœur", prenom: "Élise", email: "elise.coeur@cabinet-coeur.example" };
  await d.mandats.enregistrerNouveaux([
    mandat({ id: E.mandatRevoque, structureId: E.structure, libelle: "Mandat de facturation 2024", signataire, dateCreation: "2024-03-03T09:00:00.000Z", dateSignature: "2024-03-04T09:00:00.000Z", dateRevocation: "2025-01-10T09:00:00.000Z", statut: "REVOQUE" }),
    mandat({ id: E.mandatSigne, structureId: E.structure, libelle: "Mandat de facturation 2025", signataire, dateCreation: "2025-01-11T09:00:00.000Z", dateSignature: "2025-01-12T09:00:00.000Z", statut: "SIGNE" }),
  ]);
  const compte = (id: string, email: string, prenom: string, nom: string, extra: Record<string, unknown> = {}) =>
    utilisateur({ id, email, prenom, nom, statut: "ACTIF", echecsConnexion: 0, dateCreation: "2024-03-01T08:00:00.000Z", motDePasseModifieLe: "2025-06-01T08:00:00.000Z", hashMotDePasse: "scrypt$secret-de-test", ...extra });
  await d.utilisateurs.enregistrerNouveaux([
    compte(E.principal, "elise.coeur@cabinet-coeur.example", "Élise", "Cœur"),
    compte(E.secondaire, "paul.girard@cabinet-coeur.example", "Paul", "Girard"),
    compte(E.simple, "zoe.nguyen@cabinet-coeur.example", "Zoé", "Nguyen"),
    compte(E.verrouille, "hugo.leroy@labo-nord.example", "Hugo", "Leroy", { echecsConnexion: 0, verrouilleJusquA: verrouJusqua.toISOString() }),
  ]);
  await d.rattachements.enregistrerNouveaux([
    rattachement({ structureId: E.structure, utilisateurId: E.principal, role: "GESTIONNAIRE_PRINCIPAL", depuis: "2024-03-01T09:00:00.000Z" }),
    rattachement({ structureId: E.structure, utilisateurId: E.secondaire, role: "GESTIONNAIRE_SECONDAIRE", depuis: "2024-04-01T09:00:00.000Z" }),
    rattachement({ structureId: E.structure, utilisateurId: E.simple, serviceId: "PARIS", role: "UTILISATEUR", depuis: "2024-05-01T09:00:00.000Z" }),
    rattachement({ structureId: E.autreStructure, utilisateurId: E.verrouille, role: "GESTIONNAIRE_PRINCIPAL", depuis: "2023-05-10T09:00:00.000Z" }),
  ]);
  await d.habilitations.enregistrerNouveaux([
    habilitation({ id: E.habilitation, utilisateurId: E.simple, structureId: E.structure, serviceId: "PARIS", application: "FRAIS_DE_JUSTICE", mode: "CONSULTATION", depuis: "2024-05-02T09:00:00.000Z", parId: E.principal }),
  ]);
};
