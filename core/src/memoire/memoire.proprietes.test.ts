import { Either, Schema } from "effect";
import fc from "fast-check";
import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import type { Acteur } from "../autorisation/index.js";
import {
  creerBrouillon,
  EVENEMENT_DE_LA_COMMANDE,
  evenementsDeLEtat,
  executer,
  type Commande,
  type ContexteMemoire,
  type TypeCommande,
} from "./memoire.commands.js";
import { dateDuJour, finDuDelaiDeRecours } from "./memoire.gardes.js";
import { historique } from "./memoire.historique.js";
import { ETATS_MEMOIRE, ETATS_TERMINAUX, Memoire, type EtatMemoire, type EvenementMemoire } from "./memoire.model.js";
import { totaux, totauxEgaux } from "./memoire.saisie.js";
import * as F from "./test-support/fixtures.js";
import { ligne2021, numerotationComptee } from "./test-support/parcours.js";

/**
 * Random sequences of commands (valid or not, by any actor) folded with `executer` from a draft.
 * After every step the lifecycle's invariants must hold.
 */

const ACTEURS: ReadonlyArray<Acteur> = [
  F.prestataire,
  F.prestataireConsultation,
  F.greffier,
  F.greffierAutreJuridiction,
  F.magistrat,
  F.ordonnateur,
  F.comptable,
  F.systeme,
];

const premiereLigne = (m: Memoire): string => m.lignes[0]?.id ?? "aucune";

/** The commands of the pool, some built from the current mémoire (its first line, its first attachment). */
const COMMANDES: ReadonlyArray<(m: Memoire) => Commande> = [
  () => ({ type: "memoire.ajouter-ligne", ligne: ligne2021 }),
  () => ({ type: "memoire.ajouter-ligne", ligne: { ...ligne2021, tauxTva: "7" } }),
  (m) => ({ type: "memoire.modifier-ligne", ligneId: premiereLigne(m), ligne: { ...ligne2021, quantite: "2" } }),
  (m) => ({ type: "memoire.supprimer-ligne", ligneId: premiereLigne(m) }),
  (m) => ({ type: "memoire.joindre-piece", piece: F.piece("Réquisition", m.lignes[0]?.id) }),
  (m) => ({ type: "memoire.detacher-piece", pieceId: m.piecesJointes[0]?.id ?? "aucune" }),
  () => ({ type: "memoire.modifier-remise-globale", remiseGlobaleTtc: "1.00" }),
  () => ({ type: "memoire.supprimer" }),
  () => ({ type: "memoire.valider-et-envoyer", attestationSurLHonneur: true, prerequisManquants: [], prestataire: F.prestataireCertificat }),
  () => ({ type: "memoire.valider-et-envoyer", attestationSurLHonneur: false, prerequisManquants: [], prestataire: F.prestataireCertificat }),
  () => ({ type: "memoire.transmettre" }),
  () => ({ type: "memoire.prendre-en-charge" }),
  () => ({ type: "memoire.certifier" }),
  (m) => ({ type: "memoire.certifier", redressements: [{ ligneId: premiereLigne(m), quantite: "0.5", motif: "demi-heure" }] }),
  () => ({ type: "memoire.refuser", motif: "PIECE_JOINTE_MANQUANTE" }),
  () => ({ type: "memoire.refuser" }),
  () => ({ type: "memoire.envoyer-en-taxation" }),
  (m) => ({ type: "memoire.taxer", taxation: { lignes: [{ ligneId: premiereLigne(m), montantHtTaxe: "90.00" }], motif: "ordonnance" } }),
  () => ({ type: "memoire.constater-forclusion" }),
  () => ({ type: "memoire.valider-paiement" }),
  () => ({ type: "memoire.mettre-en-paiement", paiement: { date: "2021-09-01", reference: "VIR-9" } }),
  () => ({ type: "memoire.abandonner" }),
  () => ({ type: "memoire.dupliquer" }),
  (m) => ({ type: "memoire.constater-notification-taxe", notifieeLe: m.taxation === undefined ? "2021-06-02" : dateDuJour(m.taxation.le).toString() }),
  // An appeal filed on the day of the ordonnance (the ministère public's: no delay is checked for it), or the prestataire's.
  (m) => ({ type: "memoire.constater-recours-taxe", formeLe: m.taxation === undefined ? "2021-06-02" : dateDuJour(m.taxation.le).toString(), par: "MINISTERE_PUBLIC" }),
  (m) => ({ type: "memoire.constater-recours-taxe", formeLe: m.taxation === undefined ? "2021-06-02" : dateDuJour(m.taxation.le).toString(), par: "PARTIE_PRENANTE" }),
  (m) => ({ type: "memoire.constater-decision-recours", decision: { rendueLe: m.taxation?.recours?.formeLe ?? "2021-06-02", sens: "CONFIRMATION", motif: "arrêt confirmatif" } }),
  (m) => ({
    type: "memoire.constater-decision-recours",
    decision: { rendueLe: m.taxation?.recours?.formeLe ?? "2021-06-02", sens: "REFORMATION", motif: "arrêt de réformation", lignes: [{ ligneId: premiereLigne(m), montantHtTaxe: "95.00" }] },
  }),
];

/** The actor a command is meant for: the guided steps use it. */
const ACTEUR_NATUREL: { readonly [T in TypeCommande]?: Acteur } = {
  "memoire.transmettre": F.systeme,
  "memoire.prendre-en-charge": F.greffier,
  "memoire.certifier": F.greffier,
  "memoire.envoyer-en-taxation": F.greffier,
  "memoire.refuser": F.greffier,
  "memoire.taxer": F.magistrat,
  "memoire.constater-forclusion": F.magistrat,
  "memoire.constater-notification-taxe": F.greffier,
  "memoire.constater-recours-taxe": F.greffier,
  "memoire.constater-decision-recours": F.greffier,
  "memoire.valider-paiement": F.ordonnateur,
  "memoire.mettre-en-paiement": F.comptable,
};

const pas = fc.record({
  // Without bias: small values would always pick the first commands of a pool.
  commande: fc.noBias(fc.nat({ max: 1000 })),
  acteur: fc.noBias(fc.nat({ max: ACTEURS.length - 1 })),
  /** Guided (7 in 10): a command the state admits, by the actor it is meant for; otherwise anything by anyone. */
  guide: fc.nat({ max: 9 }).map((n) => n < 7),
  /** Hours elapsed before the step (up to ~25 days): long sequences cross the forclusion deadline. */
  heures: fc.nat({ max: 600 }),
  /** After a duplication: carry on with the new draft or with the refused one. */
  suivreDuplicata: fc.boolean(),
});

const MONTANTS_PAR: ReadonlyArray<string> = ["memoire.certifier", "memoire.taxer", "memoire.constater-decision-recours"];

const encoder = Schema.encodeSync(Memoire);

/** Folds the steps with `executer` from a new draft, checking every invariant after each step; records the states reached. */
const verifierSequence = (etapes: ReadonlyArray<typeof pas extends fc.Arbitrary<infer T> ? T : never>, sansLigne: boolean, atteints: Set<EtatMemoire>): void => {
  const numerotation = numerotationComptee();
  const fabrique = F.fabriqueContextes(numerotation);
  let instant = Date.parse("2021-06-01T08:00:00Z");
  const ctx = (acteur: Acteur): ContexteMemoire => fabrique(acteur, new Date(instant));
  const cree = creerBrouillon({ enTete: F.enTete, lignes: sansLigne ? [] : [ligne2021] }, ctx(F.prestataire));
  if (Either.isLeft(cree)) throw cree.left;
  let courant = cree.right.memoire;
  const journal = new Map<string, Array<EvenementMemoire>>([[courant.id, [...cree.right.evenements]]]);
  const numeros = new Map<string, string>([[courant.numero, courant.id]]);

  for (const etape of etapes) {
    instant += etape.heures * 3_600_000;
    // Guided: an event type the state admits, uniformly, then one of its commands.
    const types = evenementsDeLEtat(courant.etat);
    const type = types[etape.commande % Math.max(1, types.length)];
    const admises = etape.guide ? COMMANDES.filter((c) => EVENEMENT_DE_LA_COMMANDE[c(courant).type] === type) : [];
    const pool = admises.length > 0 ? admises : COMMANDES;
    const commande = (pool[Math.floor(etape.commande / 7) % pool.length] ?? COMMANDES[0]!)(courant);
    const acteur = etape.guide ? (ACTEUR_NATUREL[commande.type] ?? F.prestataire) : (ACTEURS[etape.acteur] ?? F.prestataire);
    const avant = encoder(courant);
    const appels = numerotation.appels();
    const r = executer(courant, commande, ctx(acteur));

    if (Either.isLeft(r)) {
      // A refused command leaves the mémoire unchanged and draws no number.
      expect(encoder(courant)).toEqual(avant);
      expect(numerotation.appels()).toBe(appels);
      // Terminal states stay terminal: everything is refused there, by the state.
      if (ETATS_TERMINAUX.includes(courant.etat)) expect(r.left).toMatchObject({ _tag: "TransitionRefusee", garde: "etatIncompatible" });
      continue;
    }
    expect(ETATS_TERMINAUX).not.toContain(courant.etat);
    const { memoire: apres, evenements, duplicata } = r.right;
    const audit = evenements[0];
    if (audit === undefined) throw new Error("un événement d'audit est attendu");
    expect(audit).toMatchObject({ memoireId: apres.id, commande: commande.type, de: courant.etat, vers: apres.etat });
    expect(apres.version).toBe(courant.version + 1);
    journal.get(apres.id)?.push(audit);

    // After sending, amounts change only through redressement or taxation, and the audit event shows it.
    const changes = !totauxEgaux(totaux(courant.montants), totaux(apres.montants));
    if (courant.etat !== "BROUILLON" && changes) {
      expect(MONTANTS_PAR).toContain(commande.type);
      expect(totauxEgaux(audit.montantsAvant, audit.montantsApres)).toBe(false);
    }
    if (courant.etat !== "BROUILLON") expect(apres.montantsDemandes).toEqual(courant.montantsDemandes);

    // Numbers never collide: one number, one mémoire.
    for (const m of duplicata === undefined ? [apres] : [apres, duplicata]) {
      const deja = numeros.get(m.numero);
      expect(deja === undefined || deja === m.id).toBe(true);
      numeros.set(m.numero, m.id);
    }
    if (duplicata !== undefined) {
      journal.set(duplicata.id, evenements.slice(1));
      expect(duplicata.etat).toBe("BROUILLON");
      expect(apres.dupliqueEn).toBe(duplicata.id);
    }
    courant = duplicata !== undefined && etape.suivreDuplicata ? duplicata : apres;
    atteints.add(courant.etat);
    if (duplicata !== undefined) atteints.add("DUPLIQUE_POST_REFUS");

    // Paid only after certification or taxation, then validation (read from the audit trail).
    const h = historique(journal.get(courant.id) ?? []);
    expect(h.etat).toBe(courant.etat);
    if (courant.etat === "MIS_EN_PAIEMENT") {
      const etats: ReadonlyArray<EtatMemoire> = h.etats;
      const controle = Math.max(etats.lastIndexOf("CERTIFIE"), etats.lastIndexOf("TAXE"));
      expect(controle).toBeGreaterThan(-1);
      expect(etats.lastIndexOf("VALIDE")).toBeGreaterThan(controle);
    }
    // An appeal recorded against the ordonnance holds the payment until its decision (CPP R228-1).
    if (courant.etat === "VALIDE" || courant.etat === "MIS_EN_PAIEMENT") expect(courant.taxation?.recours === undefined || courant.taxation.recours.decision !== undefined).toBe(true);
  }
};

const sequences = fc.tuple(fc.array(pas, { minLength: 5, maxLength: 40 }), fc.boolean());

describe("properties of the lifecycle under random command sequences", () => {
  it("holds every invariant after every step", () => {
    fc.assert(
      fc.property(sequences, ([etapes, sansLigne]) => verifierSequence(etapes, sansLigne, new Set())),
      { numRuns: 150 },
    );
  });

  it("with a fixed seed, the sequences reach every state (so the invariants were checked everywhere)", () => {
    const atteints = new Set<EtatMemoire>();
    fc.assert(
      fc.property(sequences, ([etapes, sansLigne]) => verifierSequence(etapes, sansLigne, atteints)),
      { numRuns: 200, seed: 20261122 },
    );
    expect([...atteints].sort()).toEqual([...ETATS_MEMOIRE].sort());
  });

  it("reaches payment, refusal and duplication often enough for the properties to mean something", () => {
    // A guided sequence (the right actor for each step) must reach MIS_EN_PAIEMENT: the generator's pool can.
    const numerotation = numerotationComptee();
    const fabrique = F.fabriqueContextes(numerotation);
    const cree = creerBrouillon({ enTete: F.enTete, lignes: [ligne2021] }, fabrique(F.prestataire, "2021-06-01T08:00:00Z"));
    if (Either.isLeft(cree)) throw cree.left;
    // The taxation lowers the amount: the greffier records its notification (Wednesday 2 June), and the
    // ordonnateur validates once the ten days of appeal have run (to Monday 14 June: the 12th is a Saturday).
    const suite: ReadonlyArray<[number, Acteur, string]> = [
      [8, F.prestataire, "2021-06-02T08:00:00Z"],
      [10, F.systeme, "2021-06-02T08:00:00Z"],
      [16, F.greffier, "2021-06-02T08:00:00Z"],
      [17, F.magistrat, "2021-06-02T08:00:00Z"],
      [23, F.greffier, "2021-06-07T08:00:00Z"],
      [19, F.ordonnateur, "2021-06-15T08:00:00Z"],
      [20, F.comptable, "2021-06-15T09:00:00Z"],
    ];
    let m = cree.right.memoire;
    for (const [i, acteur, le] of suite) {
      const r = executer(m, (COMMANDES[i] ?? COMMANDES[0]!)(m), fabrique(acteur, le));
      if (Either.isLeft(r)) throw r.left;
      m = r.right.memoire;
    }
    expect(m.etat).toBe("MIS_EN_PAIEMENT");
    expect(m.montantModifie).toBe(true);
  });

  it("an appeal's guided path: recorded, the payment held, the chambre's reformation recorded, then paid at the new amount", () => {
    const numerotation = numerotationComptee();
    const fabrique = F.fabriqueContextes(numerotation);
    const cree = creerBrouillon({ enTete: F.enTete, lignes: [ligne2021] }, fabrique(F.prestataire, "2021-06-01T08:00:00Z"));
    if (Either.isLeft(cree)) throw cree.left;
    const suite: ReadonlyArray<[number, Acteur, string, boolean]> = [
      [8, F.prestataire, "2021-06-02T08:00:00Z", true],
      [10, F.systeme, "2021-06-02T08:00:00Z", true],
      [16, F.greffier, "2021-06-02T08:00:00Z", true],
      [17, F.magistrat, "2021-06-02T08:00:00Z", true],
      [25, F.greffier, "2021-06-03T08:00:00Z", true],
      [19, F.ordonnateur, "2021-07-01T08:00:00Z", false],
      [27, F.greffier, "2021-09-01T08:00:00Z", true],
      [19, F.ordonnateur, "2021-09-01T09:00:00Z", true],
      [20, F.comptable, "2021-09-01T10:00:00Z", true],
    ];
    let m = cree.right.memoire;
    for (const [i, acteur, le, accepte] of suite) {
      const r = executer(m, (COMMANDES[i] ?? COMMANDES[0]!)(m), fabrique(acteur, le));
      expect(Either.isRight(r), `${String(i)} le ${le}`).toBe(accepte);
      if (Either.isLeft(r)) expect(r.left).toMatchObject({ garde: "recoursEnInstance" });
      else m = r.right.memoire;
    }
    expect(m.etat).toBe("MIS_EN_PAIEMENT");
    expect(m.taxation?.recours?.decision?.sens).toBe("REFORMATION");
    expect(String(totaux(m.montants).montantHt.value)).toBe("9500");
  });
});

describe("properties of an ordonnance de taxe's execution (CPP R228, R228-1, R230)", () => {
  /** A mémoire taxed on Wednesday 2 June 2021, below its request (90 HT for 150) or granting it. */
  const taxe = (enDessous: boolean) => {
    const numerotation = numerotationComptee();
    const fabrique = F.fabriqueContextes(numerotation);
    const cree = creerBrouillon({ enTete: F.enTete, lignes: [ligne2021] }, fabrique(F.prestataire, "2021-06-01T08:00:00Z"));
    if (Either.isLeft(cree)) throw cree.left;
    let m = cree.right.memoire;
    const ligne = () => premiereLigne(m);
    const etapes: ReadonlyArray<[Commande, Acteur]> = [
      [{ type: "memoire.valider-et-envoyer", attestationSurLHonneur: true, prerequisManquants: [], prestataire: F.prestataireCertificat }, F.prestataire],
      [{ type: "memoire.transmettre" }, F.systeme],
      [{ type: "memoire.envoyer-en-taxation" }, F.greffier],
      [{ type: "memoire.taxer", taxation: { lignes: [{ ligneId: ligne(), montantHtTaxe: enDessous ? "90" : "150" }], motif: "ordonnance" } }, F.magistrat],
    ];
    for (const [commande, acteur] of etapes) {
      const r = executer(m, commande, fabrique(acteur, "2021-06-02T08:00:00Z"));
      if (Either.isLeft(r)) throw r.left;
      m = r.right.memoire;
    }
    return { m, fabrique };
  };

  /** The court's commands on a taxed mémoire, each dated from the steps' own clock (days before, on or after the last event). */
  const commandeTaxe = (i: number, jour: string, ligne: string): [Commande, Acteur] => {
    const liste: ReadonlyArray<[Commande, Acteur]> = [
      [{ type: "memoire.constater-notification-taxe", notifieeLe: jour }, F.greffier],
      [{ type: "memoire.constater-recours-taxe", formeLe: jour, par: "PARTIE_PRENANTE" }, F.greffier],
      [{ type: "memoire.constater-recours-taxe", formeLe: jour, par: "MINISTERE_PUBLIC" }, F.greffier],
      [{ type: "memoire.constater-decision-recours", decision: { rendueLe: jour, sens: "CONFIRMATION", motif: "arrêt" } }, F.greffier],
      [{ type: "memoire.constater-decision-recours", decision: { rendueLe: jour, sens: "REFORMATION", motif: "arrêt", lignes: [{ ligneId: ligne, montantHtTaxe: "120" }] } }, F.greffier],
      [{ type: "memoire.valider-paiement" }, F.ordonnateur],
      [{ type: "memoire.valider-paiement" }, F.ordonnateur],
    ];
    return liste[i % liste.length] ?? liste[0]!;
  };

  it("whatever the order and the days of notification, appeal, decision and validation: validated exactly when the ordonnance may be executed", () => {
    const vus = new Set<string>();
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.array(fc.record({ i: fc.nat({ max: 6 }), heures: fc.nat({ max: 24 * 12 }), joursAvant: fc.nat({ max: 3 }) }), { minLength: 1, maxLength: 14 }),
        (enDessous, etapes) => {
          const depart = taxe(enDessous);
          let m = depart.m;
          let instant = Date.parse("2021-06-02T09:00:00Z");
          // What was accepted so far, kept by the test itself (the oracle does not read the mémoire's rules).
          let notifiee: string | undefined;
          let recours: "PARTIE_PRENANTE" | "MINISTERE_PUBLIC" | undefined;
          let decidee = false;
          for (const etape of etapes) {
            instant += etape.heures * 3_600_000;
            const aujourdhui = dateDuJour(new Date(instant));
            const jour = aujourdhui.subtract({ days: etape.joursAvant }).toString();
            const [commande, acteur] = commandeTaxe(etape.i, jour, premiereLigne(m));
            const avant = encoder(m);
            const r = executer(m, commande, depart.fabrique(acteur, new Date(instant)));
            if (commande.type === "memoire.valider-paiement" && m.etat === "TAXE") {
              const executable =
                decidee ||
                (recours === undefined && (!m.montantModifie || (notifiee !== undefined && Temporal.PlainDate.compare(aujourdhui, finDuDelaiDeRecours(notifiee)) > 0)));
              expect(Either.isRight(r), `validation le ${aujourdhui.toString()} (notifiée ${String(notifiee)}, recours ${String(recours)}, décidé ${String(decidee)})`).toBe(executable);
            }
            if (Either.isLeft(r)) {
              expect(encoder(m)).toEqual(avant);
              continue;
            }
            vus.add(commande.type);
            if (commande.type === "memoire.constater-notification-taxe") notifiee = commande.notifieeLe;
            if (commande.type === "memoire.constater-recours-taxe") recours = commande.par;
            if (commande.type === "memoire.constater-decision-recours") {
              expect(recours).toBeDefined();
              decidee = true;
            }
            // Only the decision changes the amounts (a reformation), never the other commands.
            if (!totauxEgaux(totaux(m.montants), totaux(r.right.memoire.montants))) expect(commande).toMatchObject({ decision: { sens: "REFORMATION" } });
            m = r.right.memoire;
          }
        },
      ),
      { numRuns: 300, seed: 20261207 },
    );
    // Every command was accepted in some sequence: the property was checked on each path.
    expect([...vus].sort()).toEqual(["memoire.constater-decision-recours", "memoire.constater-notification-taxe", "memoire.constater-recours-taxe", "memoire.valider-paiement"]);
  });
});
