import { Memoire, evenementsPossibles, finDuDelaiDeRecours, historique, LIBELLES_AUTEUR_RECOURS, produireCertificat, verifierCertificat, LIBELLES_COMMANDES, type TypeCommande } from "@frais-justice/core/memoire";
import { formaterMontant } from "@frais-justice/core/montants";
import type { ActeurAgent } from "@frais-justice/core/autorisation";
import { Either, Schema } from "effect";
import type { EvenementMemoire } from "../../memoire/memoire.evenement.mapper.js";
import type { NotificationMemoire } from "../../memoire/notifications.repository.js";
import {
  LIBELLES_ETATS,
  LIBELLES_MOTIFS_REFUS,
  LIBELLES_SENS_DECISION,
  LIBELLES_TYPES_PIECE,
  dateHeure,
  euros,
  date,
  jour,
  libelleAutorite,
  identifiantLisible,
  libelleCategorie,
  libelleModeDepot,
  libellePrestataire,
  libelleTypePrestation,
  libelleTypeTva,
  taux,
} from "./libelles.js";

const encoder = Schema.encodeSync(Memoire);

/** The commands of the court side the back-office offers (each an action of the mémoire resource). */
export const COMMANDES_JURIDICTION = [
  "memoire.prendre-en-charge",
  "memoire.certifier",
  "memoire.envoyer-en-taxation",
  "memoire.taxer",
  "memoire.constater-forclusion",
  "memoire.constater-notification-taxe",
  "memoire.constater-recours-taxe",
  "memoire.constater-decision-recours",
  "memoire.refuser",
  "memoire.valider-paiement",
  "memoire.mettre-en-paiement",
] as const satisfies ReadonlyArray<TypeCommande>;
export type CommandeJuridiction = (typeof COMMANDES_JURIDICTION)[number];

/** The commands core lets this agent send on this mémoire now (`evenementsPossibles`). */
export const commandesPermises = (memoire: Memoire, acteur: ActeurAgent, maintenant: Date): ReadonlyArray<CommandeJuridiction> => {
  const possibles = new Set(evenementsPossibles(memoire, { acteur, maintenant }));
  return COMMANDES_JURIDICTION.filter((c) => possibles.has(c));
};

type Encodee = typeof Memoire.Encoded;

/** The prestataire of a mémoire as the structure table names it. */
export interface Prestataire {
  readonly raisonSociale: string;
  readonly identifiantType: string;
  readonly identifiant: string;
}

/** Noms of agents and users for the timeline (unknown ids are shown as such). */
export type Annuaire = (type: string, id: string) => string;

/** "Envoyé le 20/11/2026 à 11:05", "En attente d'envoi", "Échec de l'envoi (2 tentatives) : …". */
export const libelleEnvoi = (n: NotificationMemoire): string =>
  n.statut === "ENVOYE"
    ? `Envoyé le ${dateHeure(n.envoyeLe)}`
    : n.statut === "ECHEC"
      ? `Échec de l'envoi (${n.tentatives} tentative${n.tentatives > 1 ? "s" : ""}) : ${n.derniereErreur ?? "erreur inconnue"}`
      : "En attente d'envoi";

/**
 * Everything the show page draws, as plain JSON (the custom component reads it): en-tête, lines with
 * requested vs current amounts, récapitulatif TVA, totals, attachments, certificate check, timeline,
 * and the notices to the prestataire (`notifications`, from `notification_memoire`).
 */
export const detailMemoire = (
  memoire: Memoire,
  evenements: ReadonlyArray<EvenementMemoire>,
  annuaire: Annuaire,
  prestataire?: Prestataire,
  libelleService?: string,
  notifications: ReadonlyArray<NotificationMemoire> = [],
) => {
  const e: Encodee = encoder(memoire);
  const demandes = e.montantsDemandes;
  const lignes = e.lignes.map((l, i) => {
    const actuel = e.montants.lignes.find((x) => x.ligneId === l.id);
    const demande = demandes?.lignes.find((x) => x.ligneId === l.id);
    const redressement = e.redressements.find((r) => r.ligneId === l.id);
    const taxee = e.taxation?.lignes.find((t) => t.ligneId === l.id);
    return {
      id: l.id,
      rang: i + 1,
      numeroAffaire: l.numeroAffaire,
      dateRequisition: jour(l.dateRequisition),
      autoriteRequerante: libelleAutorite(l.autoriteRequerante),
      typePrestation: libelleTypePrestation(l.typePrestation),
      datePrestation: jour(l.datePrestation),
      quantite: l.quantite,
      tarifHt: euros(l.tarifHt),
      tarifHtBrut: l.tarifHt,
      tauxTva: taux(l.tauxTva),
      fraisDivers: euros(l.fraisDivers),
      remise: euros(l.remise),
      debours: euros(l.debours),
      montantHtDemande: euros(demande?.montantHt ?? actuel?.montantHt),
      montantHtDemandeBrut: demande?.montantHt ?? actuel?.montantHt ?? "0.00",
      montantHt: euros(actuel?.montantHt),
      montantHtBrut: actuel?.montantHt ?? "0.00",
      montantTtc: euros(actuel?.montantTtc),
      modifie: demande !== undefined && actuel !== undefined && demande.montantHt !== actuel.montantHt,
      ...(redressement === undefined
        ? {}
        : { redressement: { quantiteAvant: redressement.quantiteAvant, tarifHtAvant: euros(redressement.tarifHtAvant), motif: redressement.motif } }),
      ...(taxee === undefined ? {} : { montantHtTaxe: euros(taxee.montantHtTaxe) }),
    };
  });
  const totaux = (m: Encodee["montants"] | undefined) =>
    m === undefined
      ? undefined
      : {
          montantHt: euros(m.montantHt),
          montantTva: euros(m.montantTva),
          montantDebours: euros(m.montantDebours),
          montantTtcAvantRemiseGlobale: euros(m.montantTtcAvantRemiseGlobale),
          montantRemiseGlobaleTtc: euros(m.montantRemiseGlobaleTtc),
          montantTtc: euros(m.montantTtc),
        };
  const certificat = (() => {
    if (memoire.envoyeLe === undefined || memoire.empreinteDepot === undefined || !memoire.numero.startsWith("MJ")) return undefined;
    const produit = produireCertificat(memoire, {
      dateDepot: memoire.envoyeLe,
      prestataire: { identifiant: prestataire?.identifiant ?? memoire.enTete.structureId, raisonSociale: prestataire?.raisonSociale ?? memoire.enTete.structureId },
    });
    const verification = verifierCertificat(memoire, { ...produit, empreinte: memoire.empreinteDepot });
    return {
      numero: memoire.numero,
      dateDepot: dateHeure(memoire.envoyeLe),
      empreinte: memoire.empreinteDepot,
      valide: Either.isRight(verification),
      ecarts: Either.isLeft(verification) ? verification.left.ecarts.map((x) => `${x.champ} : attendu ${x.attendu}, trouvé ${x.trouve}`) : [],
    };
  })();
  const h = historique(evenements);
  return {
    numero: memoire.numero,
    numeroProvisoire: memoire.numeroProvisoire,
    etat: memoire.etat,
    etatLibelle: LIBELLES_ETATS[memoire.etat],
    etatLe: dateHeure(memoire.etatLe),
    version: memoire.version,
    enTete: {
      juridiction: `${memoire.enTete.juridiction.code} - ${memoire.enTete.juridiction.libelle}`,
      structure: libellePrestataire(memoire.enTete.structureId, prestataire?.raisonSociale),
      identifiantPrestataire: prestataire === undefined ? "" : identifiantLisible(prestataire.identifiantType, prestataire.identifiant),
      // "PARIS - Agence de Paris"; the code alone when the structure no longer has that service.
      service: memoire.enTete.serviceId === undefined ? "" : libelleService === undefined ? memoire.enTete.serviceId : `${memoire.enTete.serviceId} - ${libelleService}`,
      categoriePrestataire: libelleCategorie(memoire.enTete.categoriePrestataire),
      texteReference: memoire.enTete.texteReference ?? "",
      typeTva: libelleTypeTva(memoire.enTete.typeTva),
      numeroFacture: memoire.enTete.numeroFacture ?? "",
      numeroEngagementJuridique: memoire.enTete.numeroEngagementJuridique ?? "",
      modeDepot: libelleModeDepot(memoire.enTete.modeDepot),
      envoyeLe: dateHeure(memoire.envoyeLe),
      misADispositionLe: dateHeure(memoire.misADispositionLe),
      agentEnCharge: memoire.agentEnCharge === undefined ? "" : annuaire("AGENT", memoire.agentEnCharge),
    },
    lignes,
    recapitulatifTva: e.montants.recapitulatifTva.map((r) => ({ tauxTva: taux(r.tauxTva), baseHt: euros(r.baseHt), montantTva: euros(r.montantTva) })),
    totaux: totaux(e.montants),
    totauxDemandes: totaux(demandes),
    montantModifie: memoire.montantModifie,
    piecesJointes: memoire.piecesJointes.map((p) => ({ id: p.id, designation: p.designation, type: LIBELLES_TYPES_PIECE[p.type], nomFichier: p.nomFichier, taille: p.taille })),
    certificat,
    refus:
      memoire.refus === undefined
        ? undefined
        : { motif: LIBELLES_MOTIFS_REFUS[memoire.refus.motif] ?? memoire.refus.motif, commentaire: memoire.refus.commentaire ?? "", le: dateHeure(memoire.refus.le) },
    taxation: memoire.taxation === undefined ? undefined : { motif: memoire.taxation.motif, le: dateHeure(memoire.taxation.le), magistrat: annuaire("AGENT", memoire.taxation.magistratId), recours: recours(memoire.taxation.recours) },
    // A taxation that changes the amount is told to the prestataire (CPP R228): who was written to, and how it went.
    avisPrestataire:
      notifications.length === 0 && !(memoire.taxation !== undefined && memoire.montantModifie)
        ? undefined
        : {
            // The day the greffe's notification reached the prestataire, and the last day of appeal (CPP R228-1, art. 801).
            notification:
              memoire.taxation?.notifieeLe === undefined
                ? undefined
                : {
                    le: jour(memoire.taxation.notifieeLe),
                    finDelaiRecours: jour(finDuDelaiDeRecours(memoire.taxation.notifieeLe).toString()),
                  },
            envois: notifications.map((n) => ({
              id: n.id,
              destinataire: n.message.destinataire,
              sujet: n.message.sujet,
              ecritLe: dateHeure(n.creeLe),
              statut: n.statut,
              libelle: libelleEnvoi(n),
            })),
          },
    paiement: memoire.paiement === undefined ? undefined : { date: jour(memoire.paiement.date), reference: memoire.paiement.reference },
    certifieLe: date(memoire.certifieLe),
    valideLe: date(memoire.valideLe),
    historique: h.entrees.map((x) => ({
      le: dateHeure(x.le),
      auteur: annuaire(x.auteur.type, x.auteur.id),
      libelle: x.libelle ?? LIBELLES_COMMANDES[x.commande] ?? x.commande,
      de: LIBELLES_ETATS[x.de],
      vers: LIBELLES_ETATS[x.vers],
      changementEtat: x.changementEtat,
      // A refusal's motif starts with one of core's codes (« PIECE_JOINTE_MANQUANTE : … »): its label, as in the header.
      motif: x.motif === undefined ? "" : x.commande === "memoire.refuser" ? x.motif.replace(/^[A-Z_]+(?= : |$)/, (code) => LIBELLES_MOTIFS_REFUS[code] ?? code) : x.motif,
      montantsModifies: x.montantsModifies,
      montantTtcAvant: euros(formaterMontant(x.montantTtcAvant)),
      montantTtcApres: euros(formaterMontant(x.montantTtcApres)),
    })),
  };
};
export type DetailMemoire = ReturnType<typeof detailMemoire>;

/** An appeal against the ordonnance de taxe and the chambre de l'instruction's decision, in words. */
const recours = (r: NonNullable<Memoire["taxation"]>["recours"]) =>
  r === undefined
    ? undefined
    : {
        formeLe: jour(r.formeLe),
        par: LIBELLES_AUTEUR_RECOURS[r.par],
        commentaire: r.commentaire ?? "",
        decision:
          r.decision === undefined
            ? undefined
            : { rendueLe: jour(r.decision.rendueLe), sens: LIBELLES_SENS_DECISION[r.decision.sens], reformation: r.decision.sens === "REFORMATION", motif: r.decision.motif },
      };
