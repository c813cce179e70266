import { Data, Either } from "effect";
import { LIBELLES_TYPE_OBJET } from "../categorie/index.js";
import type { Ticket } from "../ticket/index.js";

/** The variables a réponse type may use, each filled from the ticket. */
export const VARIABLES_REPONSE_TYPE = ["numero", "demandeur", "objet", "titre", "categorie", "sousCategorie"] as const;
export type VariableReponseType = (typeof VARIABLES_REPONSE_TYPE)[number];

/** A canned response of the agents, with `{{variable}}` placeholders. */
export interface ReponseType {
  readonly code: string;
  readonly titre: string;
  readonly texte: string;
}

/** The template names variables that do not exist (or are malformed): it is refused, nothing is sent. */
export class VariablesInconnues extends Data.TaggedError("VariablesInconnues")<{
  readonly variables: ReadonlyArray<string>;
}> {
  override get message(): string {
    return `variables inconnues dans la réponse type : ${this.variables.map((v) => `{{${v}}}`).join(", ")} (connues : ${VARIABLES_REPONSE_TYPE.join(", ")})`;
  }
}

const MOTIF = /\{\{\s*([^{}]*?)\s*\}\}/g;

const estVariable = (nom: string): nom is VariableReponseType => (VARIABLES_REPONSE_TYPE as ReadonlyArray<string>).includes(nom);

/** The variables a template uses, unknown ones included, in order of first use. */
export const variablesDuGabarit = (gabarit: string): ReadonlyArray<string> => [...new Set([...gabarit.matchAll(MOTIF)].map((m) => m[1] ?? ""))];

/**
 * Fills a template: every `{{variable}}` replaced by its value. Refuses (`VariablesInconnues`) a
 * template naming any variable outside {@link VARIABLES_REPONSE_TYPE}; the values are inserted as
 * they are (never re-read as a template).
 */
export const remplir = (
  gabarit: string,
  valeurs: { readonly [V in VariableReponseType]: string },
): Either.Either<string, VariablesInconnues> => {
  const inconnues = variablesDuGabarit(gabarit).filter((v) => !estVariable(v));
  if (inconnues.length > 0) return Either.left(new VariablesInconnues({ variables: inconnues }));
  return Either.right(gabarit.replace(MOTIF, (_tout, nom: string) => (estVariable(nom) ? valeurs[nom] : "")));
};

/** The values of the variables for a ticket (`demandeur`: the émetteur's désignation, else its organisation). */
export const valeursDuTicket = (ticket: Ticket): { readonly [V in VariableReponseType]: string } => ({
  numero: ticket.numero,
  demandeur: ticket.emetteur.designation ?? ticket.emetteur.organisation,
  objet: ticket.objet.numero === undefined ? LIBELLES_TYPE_OBJET[ticket.objet.type] : `${LIBELLES_TYPE_OBJET[ticket.objet.type]} ${ticket.objet.numero}`,
  titre: ticket.titre,
  categorie: ticket.categorie.libelle,
  sousCategorie: ticket.sousCategorie.libelle,
});

/** The text of a réponse type for a ticket. */
export const repondre = (reponse: ReponseType, ticket: Ticket): Either.Either<string, VariablesInconnues> => remplir(reponse.texte, valeursDuTicket(ticket));

/** A few réponses types of the service métier and the support [decision: starting set, editable as data]. */
export const REPONSES_TYPES: ReadonlyArray<ReponseType> = [
  {
    code: "MEMOIRE_EN_COURS_DE_TRAITEMENT",
    titre: "Mémoire en cours de traitement",
    texte:
      "Bonjour {{demandeur}},\n\nvotre {{objet}} est en cours de traitement par la juridiction. Vous serez informé de son avancement dans votre espace Mémoires de frais de justice.\n\nRéférence : ticket {{numero}}.",
  },
  {
    code: "PIECE_MANQUANTE",
    titre: "Pièce justificative manquante",
    texte: "Bonjour {{demandeur}},\n\npour traiter votre demande « {{titre}} », merci de joindre la réquisition ou l'attestation de mission concernant {{objet}}.",
  },
  {
    code: "REINITIALISATION_MOT_DE_PASSE",
    titre: "Réinitialisation du mot de passe",
    texte: "Bonjour {{demandeur}},\n\nutilisez le lien « Mot de passe oublié » de la page de connexion ; le lien reçu par e-mail expire après 24 heures.",
  },
];
