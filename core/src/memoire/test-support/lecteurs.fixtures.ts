import type { ActeurAgent, ActeurUtilisateur } from "../../autorisation/index.js";
import type { Lecteur, MemoireVue } from "../memoire.lecture.js";
import type { Memoire } from "../memoire.model.js";
import { fabriquerMemoire, type LigneSaisie } from "./vues.fixtures.js";

/** The seed's structure (COMPAGNIE FINANCIERE PRIVEE) and a second one. */
export const S1 = "31486913200048";
export const S2 = "73282932000074";

export const PARIS = { code: "75", libelle: "JURIDICTION_LFR", courAppel: "CA-PARIS" };
export const AIX = { code: "13", libelle: "TJ MARSEILLE", courAppel: "CA-AIX" };

const ESPACES = { [S1]: ["MEMOIRES_DE_FRAIS_DE_JUSTICE" as const], [S2]: ["MEMOIRES_DE_FRAIS_DE_JUSTICE" as const] };

/** A simple user of S1 with the « Frais de justice consultation » habilitation (seed 001, "Mes habilitations"). */
export const consultantS1: Lecteur = {
  acteur: {
    _tag: "Utilisateur",
    id: "heloise",
    rattachements: [{ structureId: S1, role: "UTILISATEUR" }],
    habilitations: [{ structureId: S1, application: "FRAIS_DE_JUSTICE", mode: "CONSULTATION" }],
  } satisfies ActeurUtilisateur,
  espacesOuverts: ESPACES,
};

/** A user who is gestionnaire of both structures. */
export const gestionnaireS1S2: Lecteur = {
  acteur: {
    _tag: "Utilisateur",
    id: "paul",
    rattachements: [
      { structureId: S1, role: "GESTIONNAIRE_PRINCIPAL" },
      { structureId: S2, role: "GESTIONNAIRE_SECONDAIRE" },
    ],
    habilitations: [],
  } satisfies ActeurUtilisateur,
  espacesOuverts: ESPACES,
};

/** A greffier of the Paris juridiction. */
export const greffierParis: Lecteur = {
  acteur: { _tag: "Agent", id: "greffier", roles: ["GREFFIER"], perimetre: { juridictions: ["75"], coursAppel: [] } } satisfies ActeurAgent,
};

const ligne = (id: string, tarifHt: string): LigneSaisie => ({
  id,
  numeroAffaire: "2019/42",
  dateRequisition: "2019-07-01",
  autoriteRequerante: "OFFICIER_POLICE_JUDICIAIRE",
  typePrestation: "TRADUCTION_ORALE",
  datePrestation: "2019-07-17",
  quantite: "1",
  tarifHt,
  tauxTva: "20",
});

/** A small portfolio across two structures, two juridictions and every visible status. */
export const portefeuille = (): ReadonlyArray<MemoireVue> => {
  const seed: Memoire = fabriquerMemoire(); // MJ0000002117, S1, ENVOYE, 985.08 TTC, deposited 25/07/2019
  return [
    seed,
    fabriquerMemoire({
      id: "brouillon",
      numero: "TMP201900000005",
      numeroProvisoire: "TMP201900000005",
      etat: "BROUILLON",
      envoyeLe: null,
      etatLe: "2019-11-08T10:00:00.000Z",
      lignes: [ligne("l1", "10.00")],
    }),
    fabriquerMemoire({
      id: "refuse",
      numero: "MJ0000000045",
      numeroProvisoire: "TMP201400000001",
      etat: "REFUSE",
      envoyeLe: "2014-12-01T09:00:00.000Z",
      etatLe: "2017-11-06T10:00:00.000Z",
      lignes: [ligne("l1", "267.25")],
    }),
    fabriquerMemoire({
      id: "paye",
      numero: "MJ0000002200",
      numeroProvisoire: "TMP201900000010",
      etat: "MIS_EN_PAIEMENT",
      envoyeLe: "2019-08-01T09:00:00.000Z",
      etatLe: "2020-01-15T10:00:00.000Z",
      paiement: { date: "2020-01-15", reference: "PAI-2020-001" },
      lignes: [ligne("l1", "1000.00")],
    }),
    fabriquerMemoire({
      id: "aix",
      numero: "MJ0000002300",
      numeroProvisoire: "TMP201900000020",
      etat: "MIS_A_DISPOSITION",
      structureId: S2,
      juridiction: AIX,
      envoyeLe: "2019-07-24T23:30:00.000Z",
      etatLe: "2019-07-25T00:00:00.000Z",
      lignes: [ligne("l1", "50.00")],
    }),
    fabriquerMemoire({
      id: "supprime",
      numero: "TMP201900000006",
      numeroProvisoire: "TMP201900000006",
      etat: "SUPPRIME",
      envoyeLe: null,
      etatLe: "2019-11-09T10:00:00.000Z",
    }),
    {
      ...fabriquerMemoire({
        id: "certifie",
        numero: "MJ0000002118",
        numeroProvisoire: "TMP201900000007",
        etat: "CERTIFIE",
        serviceId: "SVC-A",
        numeroEngagementJuridique: "EJ-1",
        categoriePrestataire: "INTERPRETE_TRADUCTEUR",
        texteReference: "Article R 93 CPP",
        envoyeLe: "2019-07-26T08:00:00.000Z",
        etatLe: "2019-08-02T08:00:00.000Z",
        lignes: [ligne("l1", "150.00")],
      }),
      numeroLot: "LOT-7",
    },
  ];
};
