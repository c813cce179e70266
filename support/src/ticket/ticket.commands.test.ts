import { Either } from "effect";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { estAutorise } from "@frais-justice/core/autorisation";
import { cibleDeLaFile, serviceMetier, SUPPORT_NATIONAL } from "../categorie/index.js";
import {
  apres,
  collegue,
  contexteA,
  creer,
  demandeur,
  donnees,
  EMPREINTE,
  etranger,
  JOUR,
  mener,
  memoireParis,
  paris,
  saisieCompte,
  saisieMemoire,
  supportMarseille,
  supportNational,
  supportParis,
  supportParisBis,
  systeme,
  T0,
  VERS,
} from "../test-support/fixtures.js";
import { arbDepart, arbEtapes, arbEtapesGuidees, derouler } from "../test-support/parcours.js";
import { creerTicket, executer, formaterNumeroTicket, peut, type Commande, type NomGarde, type Ticket } from "./index.js";

const gardeDe = (r: Either.Either<unknown, { readonly _tag: string }>): string | undefined =>
  Either.isLeft(r) ? (r.left._tag === "TransitionRefusee" ? (r.left as unknown as { garde: NomGarde }).garde : r.left._tag) : undefined;

describe("creating a ticket (seed 001 « Envoyer une demande d'aide au support »)", () => {
  it("numbers it CPROCS + 7 digits, routes « M - Suivi du traitement d'un mémoire » to the mémoire's service métier", () => {
    const r = Either.getOrThrow(creerTicket(saisieMemoire, donnees, contexteA(T0)));
    expect(r.ticket.numero).toBe("CPROCS0048685");
    expect(r.ticket.etat).toBe("NOUVEAU");
    expect(r.ticket.file).toEqual(serviceMetier(paris));
    expect(r.ticket.objet).toEqual({ type: "MEMOIRE", numero: "MJ0000002117" });
    expect(r.ticket.soumisLe).toEqual(T0);
    expect(r.ticket.journal.map((e) => [e.type, e.etatAvant, e.etatApres])).toEqual([["ticket.creer", undefined, "NOUVEAU"]]);
    expect(r.evenements).toEqual(r.ticket.journal);
  });

  it("routes an account question to the national support, with no N° objet", () => {
    const t = creer(saisieCompte, { memoire: undefined as never });
    expect(t.file).toEqual(SUPPORT_NATIONAL);
    expect(t.objet).toEqual({ type: "AUCUN" });
  });

  it("keeps a draft without titre, and refuses to submit it until it has one", () => {
    const b = creer({ ...saisieMemoire, brouillon: true, titre: "" });
    expect(b.etat).toBe("BROUILLON");
    expect(b.soumisLe).toBeUndefined();
    expect(gardeDe(executer(b, { type: "ticket.soumettre", acteur: demandeur }, contexteA(apres(5))))).toBe("champsObligatoiresManquants");
    const soumis = mener(b, [{ type: "ticket.modifier-brouillon", titre: "Paiement", acteur: demandeur }, { type: "ticket.soumettre", acteur: demandeur }]);
    expect(soumis.etat).toBe("NOUVEAU");
    expect(soumis.soumisLe).toBeDefined();
  });

  it("refuses a user not attached to the structure, and one who may not read the mémoire", () => {
    const r1 = creerTicket(saisieMemoire, { ...donnees, acteur: etranger }, contexteA(T0));
    expect(Either.isLeft(r1) && r1.left._tag).toBe("NonAutorise");
    const r2 = creerTicket(saisieMemoire, { ...donnees, acteur: collegue, espacesOuverts: [] }, contexteA(T0));
    expect(Either.isLeft(r2) && r2.left._tag === "NonAutorise" && [r2.left.action, r2.left.raison]).toEqual(["memoire.consulter", "ESPACE_NON_OUVERT"]);
  });

  it("refuses a N° objet naming no loaded mémoire, a deleted draft, or a missing N° objet", () => {
    const autre = creerTicket({ ...saisieMemoire, numeroObjet: "MJ0000009999" }, donnees, contexteA(T0));
    expect(Either.isLeft(autre) && autre.left._tag).toBe("MemoireIntrouvable");
    const supprime = creerTicket(saisieMemoire, { ...donnees, memoire: { ...memoireParis, etat: "SUPPRIME" } }, contexteA(T0));
    expect(Either.isLeft(supprime) && supprime.left._tag).toBe("MemoireIntrouvable");
    const { numeroObjet: _n, ...sansNumero } = saisieMemoire;
    const manquant = creerTicket(sansNumero, donnees, contexteA(T0));
    expect(Either.isLeft(manquant) && manquant.left._tag === "SaisieInvalide" && manquant.left.erreurs.map((e) => e.chemin)).toEqual(["numeroObjet"]);
  });

  it("accepts a lower-case N° objet (mj0000002117)", () => {
    expect(creer({ ...saisieMemoire, numeroObjet: "mj0000002117" }).objet.numero).toBe("MJ0000002117");
  });

  it("lists every bad field: e-mail, attachment format and size, unknown catégorie aside", () => {
    const r = creerTicket(
      {
        ...saisieMemoire,
        emetteur: { ...saisieMemoire.emetteur, email: "pas-un-email" },
        piecesJointes: [
          { id: "pj1", nomFichier: "a.exe", typeContenu: "application/x-msdownload", taille: 10, empreinte: EMPREINTE },
          { id: "pj2", nomFichier: "b.pdf", typeContenu: "application/pdf", taille: 4096 * 1024 + 1, empreinte: EMPREINTE },
        ],
      },
      donnees,
      contexteA(T0),
    );
    expect(Either.isLeft(r) && r.left._tag === "SaisieInvalide" && r.left.erreurs.map((e) => e.chemin)).toEqual([
      "emetteur.email",
      "piecesJointes[0].typeContenu",
      "piecesJointes[1].taille",
    ]);
    const inconnue = creerTicket({ ...saisieMemoire, sousCategorie: "INEXISTANTE" }, donnees, contexteA(T0));
    expect(Either.isLeft(inconnue) && inconnue.left._tag).toBe("CategorieInconnue");
  });

  it("refuses a sequence value the format cannot hold", () => {
    for (const sequence of [0, -1, 10_000_000, 1.5]) {
      const r = creerTicket(saisieMemoire, { ...donnees, sequence }, contexteA(T0));
      expect(Either.isLeft(r) && r.left._tag).toBe("NumeroTicketInvalide");
    }
    expect(Either.getOrThrow(formaterNumeroTicket(9_999_999))).toBe("CPROCS9999999");
  });
});

describe("commands: each refusal names its rule and leaves the ticket unchanged", () => {
  const nouveau = creer();
  const cas: ReadonlyArray<[string, Ticket, Commande, NomGarde]> = [
    ["closed is read-only", mener(nouveau, VERS.CLOTURE), { type: "ticket.commenter", texte: "Encore une question", acteur: demandeur }, "ticketClos"],
    ["the requester cannot close a resolved ticket", mener(nouveau, VERS.RESOLU), { type: "ticket.cloturer", acteur: demandeur }, "solutionEnAttenteDeReponse"],
    ["an agent cannot close a resolved ticket", mener(nouveau, VERS.RESOLU), { type: "ticket.cloturer", acteur: supportParis }, "solutionEnAttenteDeReponse"],
    ["a refusal needs a comment", mener(nouveau, VERS.RESOLU), { type: "ticket.refuser-solution", texte: "  ", acteur: demandeur }, "texteAbsent"],
    ["only the requester accepts", mener(nouveau, VERS.RESOLU), { type: "ticket.accepter-solution", acteur: collegue }, "acteurNonDemandeur"],
    ["an agent does not accept for the requester", mener(nouveau, VERS.RESOLU), { type: "ticket.accepter-solution", acteur: supportParis }, "acteurNonDemandeur"],
    ["accept only in RESOLU", mener(nouveau, VERS.EN_COURS), { type: "ticket.accepter-solution", acteur: demandeur }, "etatIncompatible"],
    ["an agent of another juridiction cannot assign", nouveau, { type: "ticket.affecter", acteur: supportMarseille }, "acteurHorsFile"],
    ["the national support cannot assign a service métier ticket", nouveau, { type: "ticket.affecter", acteur: supportNational }, "acteurHorsFile"],
    ["only the assigned agent proposes", mener(nouveau, VERS.EN_COURS), { type: "ticket.proposer-solution", texte: "x", acteur: supportParisBis }, "acteurNonAffecte"],
    ["no transfer from the national queue to itself", creer(saisieCompte), { type: "ticket.transferer", acteur: supportNational }, "dejaAuSupportNational"],
    ["the requester does not write internal notes", nouveau, { type: "ticket.noter", texte: "x", acteur: demandeur }, "acteurHorsFile"],
    ["no reminder before 5 days", mener(nouveau, VERS.RESOLU), { type: "ticket.relancer", acteur: systeme }, "delaiRelanceNonEcoule"],
    ["no automatic closure by a user", mener(nouveau, VERS.RESOLU), { type: "ticket.cloturer-automatiquement", acteur: demandeur }, "acteurNonSysteme"],
  ];
  it.each(cas)("%s", (_nom, ticket, commande, garde) => {
    const copie = structuredClone(ticket);
    const r = executer(ticket, commande, contexteA(apres(10)));
    expect(gardeDe(r)).toBe(garde);
    expect(ticket).toEqual(copie);
  });

  it("a malformed payload is a SaisieInvalide", () => {
    const r = executer(nouveau, { type: "ticket.joindre", pieceJointe: { id: "x", nomFichier: "a.gif", typeContenu: "image/gif", taille: 0, empreinte: "abc" }, acteur: demandeur } as unknown as Commande, contexteA(T0));
    expect(Either.isLeft(r) && r.left._tag === "SaisieInvalide" && r.left.erreurs.map((e) => e.chemin)).toEqual([
      "pieceJointe.typeContenu",
      "pieceJointe.taille",
      "pieceJointe.empreinte",
    ]);
  });

  it("the system reminds after 5 days and closes after 10, recorded as done by the system", () => {
    const resolu = mener(nouveau, VERS.RESOLU);
    const resoluLe = resolu.resoluLe ?? T0;
    const relance = Either.getOrThrow(executer(resolu, { type: "ticket.relancer", acteur: systeme }, contexteA(apres(5 * JOUR, resoluLe))));
    expect(relance.ticket.relanceLe).toEqual(apres(5 * JOUR, resoluLe));
    expect(gardeDe(executer(relance.ticket, { type: "ticket.relancer", acteur: systeme }, contexteA(apres(6 * JOUR, resoluLe))))).toBe("relanceDejaFaite");
    expect(gardeDe(executer(relance.ticket, { type: "ticket.cloturer-automatiquement", acteur: systeme }, contexteA(apres(10 * JOUR - 1, resoluLe))))).toBe("delaiClotureNonEcoule");
    const clos = Either.getOrThrow(executer(relance.ticket, { type: "ticket.cloturer-automatiquement", acteur: systeme }, contexteA(apres(10 * JOUR, resoluLe))));
    expect(clos.ticket.etat).toBe("CLOTURE");
    expect(clos.ticket.cloture).toBe("AUTOMATIQUE");
    expect(clos.evenements[0]?.auteur).toEqual({ _tag: "Systeme" });
  });

  it("the delays are configurable (2 and 4 days)", () => {
    const resolu = mener(nouveau, VERS.RESOLU);
    const resoluLe = resolu.resoluLe ?? T0;
    const parametres = { joursAvantRelance: 2, joursAvantCloture: 4 };
    const clos = executer(resolu, { type: "ticket.cloturer-automatiquement", acteur: systeme }, contexteA(apres(4 * JOUR, resoluLe), { parametres }));
    expect(Either.isRight(clos)).toBe(true);
  });

  it("another agent of the queue takes an in-progress ticket over; the former one no longer proposes", () => {
    const repris = mener(mener(nouveau, VERS.EN_COURS), [{ type: "ticket.affecter", acteur: supportParisBis }]);
    expect([repris.etat, repris.agentId]).toEqual(["EN_COURS", supportParisBis.id]);
    expect(gardeDe(executer(repris, { type: "ticket.proposer-solution", texte: "x", acteur: supportParis }, contexteA(apres(JOUR))))).toBe("acteurNonAffecte");
    expect(gardeDe(executer(mener(nouveau, VERS.EN_COURS), { type: "ticket.affecter", acteur: supportMarseille }, contexteA(apres(JOUR))))).toBe("acteurHorsFile");
  });

  it("the requester may close at any time except in RESOLU; peut() says so", () => {
    for (const etapes of [[], VERS.EN_COURS, VERS.EN_ATTENTE_INFORMATIONS] as const) {
      expect(peut(mener(nouveau, etapes), { type: "ticket.cloturer", acteur: demandeur }, contexteA(apres(JOUR)))).toBe(true);
    }
    expect(peut(mener(nouveau, VERS.RESOLU), { type: "ticket.cloturer", acteur: demandeur }, contexteA(apres(JOUR)))).toBe(false);
  });
});

describe("properties of the commands over random walks", () => {
  const arbMarche = fc.tuple(arbDepart, fc.oneof(arbEtapes, arbEtapesGuidees));

  it("every accepted event appends exactly one journal row and bumps the version; a refused one changes nothing", () => {
    fc.assert(
      fc.property(arbMarche, ([depart, etapes]) => {
        for (const { avant, resultat } of derouler(depart, etapes).pas) {
          if (Either.isRight(resultat)) {
            expect(resultat.right.ticket.journal.length).toBe(avant.journal.length + 1);
            expect(resultat.right.ticket.journal.slice(0, -1)).toEqual(avant.journal);
            expect(resultat.right.ticket.version).toBe(avant.version + 1);
            expect(resultat.right.ticket.journal.at(-1)?.etatApres).toBe(resultat.right.ticket.etat);
          } else {
            expect(["TransitionRefusee", "SaisieInvalide"]).toContain(resultat.left._tag);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it("a solution is accepted or refused only by the requester, only in RESOLU", () => {
    fc.assert(
      fc.property(arbMarche, ([depart, etapes]) => {
        for (const { avant, commande, resultat } of derouler(depart, etapes).pas) {
          if ((commande.type === "ticket.accepter-solution" || commande.type === "ticket.refuser-solution") && Either.isRight(resultat)) {
            expect(avant.etat).toBe("RESOLU");
            expect(commande.acteur).toBe(demandeur);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it("a closed ticket is terminal: every later command is refused with ticketClos", () => {
    fc.assert(
      fc.property(arbMarche, ([depart, etapes]) => {
        for (const { avant, resultat } of derouler(depart, etapes).pas) {
          if (avant.etat === "CLOTURE") expect(gardeDe(resultat)).toBe("ticketClos");
        }
      }),
      { numRuns: 200 },
    );
  });

  it("agents outside the destination queue's perimeter never assign, and assigning sets the agent", () => {
    fc.assert(
      fc.property(arbMarche, ([depart, etapes]) => {
        for (const { avant, commande, resultat } of derouler(depart, etapes).pas) {
          if (commande.type !== "ticket.affecter") continue;
          const autorise = commande.acteur._tag === "Agent" && estAutorise(commande.acteur, "ticket.traiter", cibleDeLaFile(avant.file));
          if (!autorise) expect(Either.isLeft(resultat)).toBe(true);
          if (Either.isRight(resultat)) expect(resultat.right.ticket.agentId).toBe(commande.acteur._tag === "Agent" ? commande.acteur.id : "?");
        }
      }),
      { numRuns: 200 },
    );
  });
});
