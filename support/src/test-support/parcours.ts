import { Either } from "effect";
import fc from "fast-check";
import { executer, TYPES_EVENEMENT_MACHINE, type Commande, type ErreurCommande, type Ticket } from "../ticket/index.js";
import {
  apres,
  collegue,
  contexteA,
  creer,
  demandeur,
  EMPREINTE,
  greffierParis,
  JOUR,
  saisieCompte,
  saisieMemoire,
  supportMarseille,
  supportNational,
  supportParis,
  supportParisBis,
  systeme,
  T0,
} from "./fixtures.js";

/** Every actor the random walks use: the requester, a colleague, agents in and out of the queue, the system. */
export const ACTEURS = [demandeur, collegue, supportParis, supportParisBis, supportMarseille, supportNational, greffierParis, systeme] as const;

/** A marker no public text contains: internal notes are made of it, and projections must never show it. */
export const MARQUEUR_NOTE = "NOTE-INTERNE-CONFIDENTIELLE";

const arbTexte = fc.oneof(fc.constant(""), fc.constant("   "), fc.string({ minLength: 1, maxLength: 30 }).filter((t) => !t.includes("NOTE")));

/** A random command from a random actor (notes carry a unique marker). */
export const arbCommande: fc.Arbitrary<Commande> = fc
  .tuple(
    fc.constantFrom(...TYPES_EVENEMENT_MACHINE),
    fc.constantFrom(...ACTEURS),
    arbTexte,
    fc.uuid(),
  )
  .map(([type, acteur, texte, uuid]): Commande => {
    switch (type) {
      case "ticket.modifier-brouillon":
        return { type, titre: texte, acteur };
      case "ticket.soumettre":
      case "ticket.affecter":
      case "ticket.relancer":
      case "ticket.cloturer-automatiquement":
        return { type, acteur };
      case "ticket.noter":
        return { type, texte: `${MARQUEUR_NOTE} ${uuid}`, acteur };
      case "ticket.joindre":
        return { type, pieceJointe: { id: uuid, nomFichier: "capture.png", typeContenu: "image/png", taille: 2048, empreinte: EMPREINTE }, acteur };
      case "ticket.accepter-solution":
      case "ticket.transferer":
      case "ticket.cloturer":
        return texte === "" ? { type, acteur } : { type, texte, acteur };
      default:
        return { type, texte, acteur };
    }
  });

/** The tickets a walk starts from: a mémoire ticket for Paris (submitted or draft), an account ticket. */
export const arbDepart: fc.Arbitrary<Ticket> = fc.constantFrom(
  creer(saisieMemoire),
  creer({ ...saisieMemoire, brouillon: true }),
  creer({ ...saisieMemoire, brouillon: true, titre: "" }),
  creer(saisieCompte),
);

/** A command and the days waited before it. */
export const arbEtapes = fc.array(fc.tuple(arbCommande, fc.integer({ min: 0, max: 6 })), { maxLength: 25 });

/** One step of a walk: the ticket before, the command, and its result. */
export interface Pas {
  readonly avant: Ticket;
  readonly commande: Commande;
  readonly resultat: Either.Either<{ readonly ticket: Ticket }, ErreurCommande>;
}

/** Runs a walk: the commands in turn, each refused one leaving the ticket as it was. */
export const derouler = (depart: Ticket, etapes: ReadonlyArray<readonly [Commande, number]>): { readonly pas: ReadonlyArray<Pas>; readonly fin: Ticket } => {
  let ticket = depart;
  let instant = T0;
  const pas: Array<Pas> = [];
  for (const [commande, jours] of etapes) {
    instant = apres(jours * JOUR + 1, instant);
    const resultat = executer(ticket, commande, contexteA(instant));
    pas.push({ avant: ticket, commande, resultat });
    if (Either.isRight(resultat)) ticket = resultat.right.ticket;
  }
  return { pas, fin: ticket };
};

/** A walk that mostly follows the happy path (agent of the queue, requester), to reach deep states often. */
export const arbEtapesGuidees = fc.array(
  fc.tuple(
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom<Commande>(
        { type: "ticket.affecter", acteur: supportParis },
        { type: "ticket.proposer-solution", texte: "Solution proposée.", acteur: supportParis },
        { type: "ticket.demander-informations", texte: "Merci de préciser.", acteur: supportParis },
        { type: "ticket.completer", texte: "Précisions.", acteur: demandeur },
        { type: "ticket.refuser-solution", texte: "Pas satisfait.", acteur: demandeur },
        { type: "ticket.accepter-solution", acteur: demandeur },
        { type: "ticket.noter", texte: `${MARQUEUR_NOTE} suivi interne`, acteur: supportParis },
        { type: "ticket.relancer", acteur: systeme },
        { type: "ticket.cloturer-automatiquement", acteur: systeme },
      ) },
      // The national queue (account tickets) is handled by the national support only.
      { weight: 1, arbitrary: fc.constantFrom<Commande>(
        { type: "ticket.affecter", acteur: supportNational },
        { type: "ticket.proposer-solution", texte: "Solution du support national.", acteur: supportNational },
        { type: "ticket.noter", texte: `${MARQUEUR_NOTE} suivi du support national`, acteur: supportNational },
      ) },
      { weight: 2, arbitrary: arbCommande },
    ),
    fc.integer({ min: 0, max: 6 }),
  ),
  { maxLength: 25 },
);
