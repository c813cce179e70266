import { Memoire, type EvenementMemoire } from "@frais-justice/core/memoire";
import { Schema } from "effect";
import { date, euros, jour } from "../admin/memoires/libelles.js";

/** What a notice to the prestataire is about (the `nature` column of `notification_memoire`). */
export const NATURES_NOTIFICATION = ["TAXATION"] as const;
export type NatureNotification = (typeof NATURES_NOTIFICATION)[number];

/** A notice to the prestataire about one event of their mémoire: subject and plain text, in French. */
export interface AvisMemoire {
  readonly nature: NatureNotification;
  readonly sujet: string;
  readonly texte: string;
}

const encoder = Schema.encodeSync(Memoire);

/**
 * The notice of an ordonnance de taxe whose amount differs from the request (`montantModifie`), or
 * `undefined` for any other event and for a taxation that grants what was asked. CPP R228: when the
 * taxe differs from the partie prenante's request, the ordonnance is notified to them by the greffe
 * (by registered letter); R228-1: they may appeal to the chambre de l'instruction within ten days of
 * that notification. The e-mail tells them at once, with the amounts and the motif; it says that it
 * does not replace the greffe's notification, from which the delay runs.
 * `memoire` is the mémoire after the event.
 */
export const avisDeTaxation = (memoire: Memoire, evenement: EvenementMemoire): AvisMemoire | undefined => {
  if (evenement.commande !== "memoire.taxer" || evenement.memoireId !== memoire.id) return undefined;
  if (memoire.taxation === undefined || memoire.montantsDemandes === undefined || !memoire.montantModifie) return undefined;
  const e = encoder(memoire);
  const demandes = e.montantsDemandes;
  if (demandes === undefined) return undefined;
  const j = memoire.enTete.juridiction;
  const lignes = e.lignes.map((l, i) => {
    const demande = demandes.lignes.find((x) => x.ligneId === l.id)?.montantHt;
    const taxe = e.taxation?.lignes.find((x) => x.ligneId === l.id)?.montantHtTaxe ?? e.montants.lignes.find((x) => x.ligneId === l.id)?.montantHt;
    const change = demande !== taxe ? " (modifié)" : "";
    return `- Ligne ${i + 1}, affaire ${l.numeroAffaire}, prestation du ${jour(l.datePrestation)} : demandé ${euros(demande)} HT, taxé ${euros(taxe)} HT${change}`;
  });
  const texte = [
    "Madame, Monsieur,",
    "",
    `Le mémoire ${memoire.numero}${memoire.envoyeLe === undefined ? "" : `, déposé le ${date(memoire.envoyeLe)}`}, a été taxé le ${date(memoire.taxation.le)} par le magistrat taxateur (${j.code} - ${j.libelle}).`,
    "Le montant taxé diffère du montant demandé :",
    `- montant demandé : ${euros(demandes.montantTtc)} TTC`,
    `- montant taxé : ${euros(e.montants.montantTtc)} TTC`,
    `Motif : ${memoire.taxation.motif}`,
    "",
    "Détail par ligne :",
    ...lignes,
    "",
    "L'ordonnance de taxe vous est notifiée par le greffe (article R228 du code de procédure pénale). Vous pouvez former un recours devant la chambre de l'instruction dans un délai de dix jours à compter de cette notification (article R228-1), par déclaration au greffe du magistrat taxateur ou par lettre recommandée avec demande d'avis de réception adressée à ce greffe.",
    "",
    "Ce message est envoyé automatiquement ; il ne remplace pas la notification de l'ordonnance par le greffe.",
  ].join("\n");
  return { nature: "TAXATION", sujet: `Ordonnance de taxe - mémoire ${memoire.numero} (${j.libelle})`, texte };
};
