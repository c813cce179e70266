import { getShortestPaths, getSimplePaths } from "@xstate/graph";
import { Either, Schema } from "effect";
import { initialTransition, transition } from "xstate";
import { describe, expect, it } from "vitest";
import { PrerequisManquant } from "../prerequis/index.js";
import type { Acteur } from "../autorisation/index.js";
import { creerBrouillon, evenementsDeLEtat, evenementsPossibles, restaurer } from "./memoire.commands.js";
import { diagrammeMermaid, etatsFinals, transitionsDeLaMachine } from "./memoire.diagramme.js";
import type { EvenementMachine, TypeEvenement } from "./memoire.evenements.js";
import { GARDES_PAR_EVENEMENT } from "./memoire.gardes.js";
import { machineMemoire } from "./memoire.machine.js";
import { DateCalendaire, ETATS_MEMOIRE, ETATS_TERMINAUX, Memoire, NumeroMj, type EtatMemoire } from "./memoire.model.js";
import * as F from "./test-support/fixtures.js";
import { ligne2021, scenario } from "./test-support/parcours.js";

const maintenant = new Date("2021-06-02T09:00:00Z");
const brouillon = (): Memoire => {
  const ctx = F.fabriqueContextes();
  const r = creerBrouillon({ enTete: F.enTete, lignes: [ligne2021] }, ctx(F.prestataire, "2021-06-01T09:00:00Z"));
  if (Either.isLeft(r)) throw r.left;
  return r.right.memoire;
};

/** One valid event of each type, sent by the actor allowed to: what the graph walks with. */
const evenementsValides = (m: Memoire): ReadonlyArray<EvenementMachine> => {
  const b = (acteur: Acteur) => ({ acteur, maintenant, espacesOuverts: F.ESPACES });
  return [
    { ...b(F.prestataire), type: "memoire.modifier", brouillon: { enTete: m.enTete, lignes: m.lignes, piecesJointes: m.piecesJointes, remiseGlobaleTtc: m.remiseGlobaleTtc, montants: m.montants } },
    { ...b(F.prestataire), type: "memoire.supprimer" },
    {
      ...b(F.prestataire),
      type: "memoire.valider-et-envoyer",
      attestationSurLHonneur: true,
      prerequisManquants: [],
      envoi: { numero: Schema.decodeSync(NumeroMj)("MJ0000002117"), montants: m.montants, piecesJointes: m.piecesJointes },
    },
    { ...b(F.systeme), type: "memoire.transmettre" },
    { ...b(F.greffier), type: "memoire.prendre-en-charge" },
    { ...b(F.greffier), type: "memoire.certifier", redressements: [], lignes: m.lignes, montants: m.montants },
    { ...b(F.greffier), type: "memoire.refuser", motif: "DONNEES_ERRONEES" },
    { ...b(F.greffier), type: "memoire.envoyer-en-taxation" },
    { ...b(F.magistrat), type: "memoire.taxer", lignesTaxees: [], motif: "conforme", montants: m.montants },
    { ...b(F.magistrat), type: "memoire.constater-forclusion" },
    { ...b(F.greffier), type: "memoire.constater-notification-taxe", notifieeLe: Schema.decodeSync(DateCalendaire)("2021-07-01") },
    { ...b(F.ordonnateur), type: "memoire.valider-paiement" },
    { ...b(F.comptable), type: "memoire.mettre-en-paiement", paiement: { date: Schema.decodeSync(DateCalendaire)("2021-07-01"), reference: "VIR-1" } },
    { ...b(F.prestataire), type: "memoire.abandonner" },
    { ...b(F.prestataire), type: "memoire.dupliquer", duplicataId: "copie" },
  ];
};

describe("the machine definition", () => {
  it("declares every state, the terminal ones as final, and nothing leaves them", () => {
    expect(Object.keys(machineMemoire.root.states).sort()).toEqual([...ETATS_MEMOIRE].sort());
    expect([...etatsFinals()].sort()).toEqual([...ETATS_TERMINAUX].sort());
    for (const etat of ETATS_TERMINAUX) expect(evenementsDeLEtat(etat)).toEqual([]);
  });

  it("each transition checks exactly the rules of GARDES_PAR_EVENEMENT, in the same order", () => {
    const transitions = transitionsDeLaMachine();
    expect(transitions.length).toBe(21);
    for (const t of transitions) {
      expect(t.gardes, `${t.source} ${t.evenement}`).toEqual(GARDES_PAR_EVENEMENT[t.evenement].map((g) => (g.sens === "exige" ? g.nom : `!${g.nom}`)));
    }
  });

  it("the Mermaid diagram has one arrow per transition", () => {
    const d = diagrammeMermaid();
    expect(d.split("\n").filter((l) => l.includes("-->") && !l.includes("[*]"))).toHaveLength(21);
  });
});

describe("pure transitions", () => {
  it("initialTransition puts a new mémoire in BROUILLON", () => {
    const [s] = initialTransition(machineMemoire, { memoire: brouillon() });
    expect(s.value).toBe("BROUILLON");
    expect(s.context.memoire.etat).toBe("BROUILLON");
  });

  it("a transition whose guard fails leaves the snapshot as it was", () => {
    const m = brouillon();
    const s = restaurer(m);
    const envoi = evenementsValides(m).find((e) => e.type === "memoire.valider-et-envoyer");
    if (envoi === undefined || envoi.type !== "memoire.valider-et-envoyer") throw new Error("événement manquant");
    const [apres] = transition(machineMemoire, s, { ...envoi, attestationSurLHonneur: false });
    expect(apres.value).toBe("BROUILLON");
    expect(apres.context.memoire).toBe(m);
    const [parUnGreffier] = transition(machineMemoire, s, { ...envoi, acteur: F.greffier });
    expect(parUnGreffier.value).toBe("BROUILLON");
  });

  it("a stored mémoire is rebuilt with resolveState and continues", () => {
    const s = scenario();
    const m = s.misADisposition();
    // As an adapter would: the mémoire encoded to JSON, stored, read back and decoded.
    const relu = Schema.decodeUnknownSync(Memoire)(JSON.parse(JSON.stringify(Schema.encodeSync(Memoire)(m))));
    expect(Schema.encodeSync(Memoire)(relu)).toEqual(Schema.encodeSync(Memoire)(m));
    const snapshot = restaurer(relu);
    expect(snapshot.value).toBe("MIS_A_DISPOSITION");
    const [certifie] = transition(machineMemoire, snapshot, {
      acteur: F.greffier,
      maintenant,
      type: "memoire.certifier",
      redressements: [],
      lignes: m.lignes,
      montants: m.montants,
    });
    expect(certifie.value).toBe("CERTIFIE");
    expect(certifie.context.memoire.etat).toBe("CERTIFIE");
    expect(certifie.context.memoire.certifieLe).toEqual(maintenant);
  });
});

describe("model-based: the paths of the machine (@xstate/graph)", () => {
  const m = brouillon();
  const options = {
    input: { memoire: m },
    events: evenementsValides(m),
    serializeState: (s: ReturnType<typeof restaurer>) => String(s.value),
  };
  const etatsDuChemin = (p: { readonly steps: ReadonlyArray<{ readonly state: ReturnType<typeof restaurer> }> }): ReadonlyArray<EtatMemoire> =>
    p.steps.map((s) => s.state.value);

  it("every state is reachable, each by a shortest path whose snapshots keep etat = state value", () => {
    const chemins = getShortestPaths(machineMemoire, options);
    expect(new Set(chemins.map((p) => p.state.value))).toEqual(new Set(ETATS_MEMOIRE));
    for (const p of chemins) {
      for (const step of p.steps) expect(step.state.context.memoire.etat).toBe(step.state.value);
      const final = p.state.context.memoire;
      if (!["BROUILLON", "SUPPRIME"].includes(final.etat)) {
        expect(final.numero).toMatch(/^MJ\d{10}$/);
        expect(final.montantsDemandes).toBeDefined();
        expect(final.envoyeLe).toEqual(maintenant);
      } else expect(final.numero).toMatch(/^TMP/);
      if (ETATS_TERMINAUX.includes(final.etat)) expect(p.state.status).toBe("done");
    }
  });

  it("every simple path to MIS_EN_PAIEMENT goes through CERTIFIE or TAXE, then VALIDE", () => {
    const chemins = getSimplePaths(machineMemoire, { ...options, toState: (s) => s.value === "MIS_EN_PAIEMENT" });
    const versPaiement = chemins.filter((p) => p.state.value === "MIS_EN_PAIEMENT");
    expect(versPaiement.map((p) => etatsDuChemin(p).join(" → ")).sort()).toEqual([
      "BROUILLON → ENVOYE → MIS_A_DISPOSITION → A_TAXER → TAXE → VALIDE → MIS_EN_PAIEMENT",
      "BROUILLON → ENVOYE → MIS_A_DISPOSITION → CERTIFIE → VALIDE → MIS_EN_PAIEMENT",
    ]);
    for (const p of versPaiement) {
      const etats = etatsDuChemin(p);
      const controle = Math.max(etats.indexOf("CERTIFIE"), etats.indexOf("TAXE"));
      expect(controle).toBeGreaterThan(0);
      expect(etats.indexOf("VALIDE")).toBeGreaterThan(controle);
    }
  });

  it("every simple path ends in a terminal state only through its final transition", () => {
    const chemins = getSimplePaths(machineMemoire, options);
    expect(chemins.length).toBeGreaterThan(10);
    for (const p of chemins) {
      const etats = etatsDuChemin(p).slice(0, -1);
      expect(etats.filter((e) => ETATS_TERMINAUX.includes(e))).toEqual([]);
    }
  });
});

describe("evenementsPossibles: what the back-office shows", () => {
  it("depends on the state, the actor's role and perimeter, and the input-free rules", () => {
    const s = scenario();
    const b = s.brouillon();
    const pour = (m: Memoire, acteur: Acteur, extra: { readonly prerequisManquants?: ReadonlyArray<PrerequisManquant> } = {}) =>
      evenementsPossibles(m, { acteur, maintenant: s.maintenant(), espacesOuverts: F.ESPACES, ...extra });
    expect(pour(b, F.prestataire)).toContain("memoire.valider-et-envoyer");
    expect(pour(b, F.prestataire)).toContain("memoire.ajouter-ligne");
    expect(pour(b, F.prestataire, { prerequisManquants: [PrerequisManquant.MandatNonSigne({ numero: "02", libelle: "mandat" })] })).not.toContain("memoire.valider-et-envoyer");
    expect(pour(b, F.prestataireConsultation)).toEqual([]);
    expect(pour(b, F.greffier)).toEqual([]);
    const m = s.misADisposition();
    const types: ReadonlyArray<TypeEvenement> = ["memoire.prendre-en-charge", "memoire.certifier", "memoire.refuser", "memoire.envoyer-en-taxation"];
    expect(pour(m, F.greffier)).toEqual(types);
    expect(pour(m, F.magistrat)).toEqual(["memoire.refuser", "memoire.constater-forclusion"]);
    expect(pour(m, F.greffierAutreJuridiction)).toEqual([]);
    expect(pour(m, F.prestataire)).toEqual([]);
  });
});
