import { Either, Option } from "effect";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { initialTransition, transition } from "xstate";
import type { ActeurUtilisateur } from "../autorisation/index.js";
import { contexteDeterministe, type Contexte } from "../shared/index.js";
import {
  aucunMandat,
  mandatActif,
  renouvelerLienSignature,
  revoquerMandat,
  signerMandat,
  souscrireMandat,
} from "./mandat.commands.js";
import { mandatMachine, transitionsMandat } from "./mandat.machine.js";
import type { MandatsStructure, SouscrireMandat } from "./mandat.model.js";

const t0 = new Date("2026-03-02T09:00:00Z");
const a = (heures: number, prefixe = "m"): Contexte => contexteDeterministe(new Date(t0.getTime() + heures * 3_600_000), prefixe);
const gauche = <R, L>(e: Either.Either<R, L>): L => Either.getOrThrowWith(Either.flip(e), () => new Error("expected a Left"));
const gestionnaire: ActeurUtilisateur = {
  _tag: "Utilisateur",
  id: "u-1",
  rattachements: [{ structureId: "s-1", role: "GESTIONNAIRE_PRINCIPAL" }],
  habilitations: [],
};
const donnees: SouscrireMandat = {
  libelle: "Mandat de facturation Alexandre Chevalier",
  signataire: { nom: "Chevalier", prenom: "Alexandre", email: "Alexandre.Chevalier@exemple.fr" },
};
const souscrit = (): MandatsStructure =>
  Either.getOrThrow(souscrireMandat(aucunMandat("s-1"), { acteur: gestionnaire, donnees, secretSignature: "sig-1" }, a(0))).state;

describe("the machine, as pure transitions", () => {
  const contexte = { id: "m-1", structureId: "s-1", libelle: "x", signataire: { nom: "n", prenom: "p", email: "e@x.fr" }, jetonSignature: "sig", signatureExpireLe: a(72).maintenant, dateCreation: t0 };

  it("starts pending, signs with the right token before expiry, then revokes", () => {
    const [initial] = initialTransition(mandatMachine, contexte);
    expect(initial.value).toBe("EN_ATTENTE_SIGNATURE");
    const [signe] = transition(mandatMachine, initial, { type: "mandat.signer", jeton: "sig", maintenant: a(1).maintenant });
    expect(signe.value).toBe("SIGNE");
    expect(signe.context.dateSignature).toEqual(a(1).maintenant);
    const [revoque] = transition(mandatMachine, signe, { type: "mandat.revoquer", maintenant: a(2).maintenant });
    expect(revoque.value).toBe("REVOQUE");
    expect(revoque.status).toBe("done");
  });

  it("stays pending with a wrong token or an expired link", () => {
    const [initial] = initialTransition(mandatMachine, contexte);
    expect(transition(mandatMachine, initial, { type: "mandat.signer", jeton: "faux", maintenant: a(1).maintenant })[0].value).toBe("EN_ATTENTE_SIGNATURE");
    expect(transition(mandatMachine, initial, { type: "mandat.signer", jeton: "sig", maintenant: a(72).maintenant })[0].value).toBe("EN_ATTENTE_SIGNATURE");
  });
});

describe("transitions read from the machine", () => {
  it("lists every transition with its guards", () => {
    expect(transitionsMandat()).toEqual([
      { depuis: "EN_ATTENTE_SIGNATURE", evenement: "mandat.signer", vers: "SIGNE", gardes: ["jetonSignatureConforme", "lienSignatureNonExpire"] },
      { depuis: "EN_ATTENTE_SIGNATURE", evenement: "mandat.renouveler-lien", vers: "EN_ATTENTE_SIGNATURE", gardes: [] },
      { depuis: "EN_ATTENTE_SIGNATURE", evenement: "mandat.revoquer", vers: "REVOQUE", gardes: [] },
      { depuis: "SIGNE", evenement: "mandat.revoquer", vers: "REVOQUE", gardes: [] },
    ]);
  });
});

describe("souscrire", () => {
  it("creates a pending mandat with a 72-hour signature link and records who and when", () => {
    const r = Either.getOrThrow(souscrireMandat(aucunMandat("s-1"), { acteur: gestionnaire, donnees, secretSignature: "sig-1" }, a(0)));
    expect(r.state.mandats).toEqual([
      {
        id: "m-000001",
        structureId: "s-1",
        statut: "EN_ATTENTE_SIGNATURE",
        libelle: donnees.libelle,
        signataire: { nom: "Chevalier", prenom: "Alexandre", email: "alexandre.chevalier@exemple.fr" },
        jetonSignature: "sig-1",
        signatureExpireLe: a(72).maintenant,
        dateCreation: t0,
      },
    ]);
    expect(r.events[0]).toMatchObject({ _tag: "MandatSouscrit", parId: "u-1", mandatId: "m-000001" });
    expect(JSON.stringify(r.events)).not.toContain("sig-1");
    expect(mandatActif(r.state)).toEqual(Option.none());
  });

  it("names every invalid field", () => {
    const e = gauche(souscrireMandat(aucunMandat("s-1"), { acteur: gestionnaire, donnees: { libelle: "", signataire: { nom: "", prenom: "A", email: "x" } } }, a(0)));
    expect(e._tag === "SaisieInvalide" ? e.erreurs.map((x) => x.chemin) : []).toEqual(["libelle", "signataire.nom", "signataire.email"]);
  });

  it("refuses a second souscription while one is pending or signed (revoke first)", () => {
    const pending = souscrit();
    expect(gauche(souscrireMandat(pending, { acteur: gestionnaire, donnees }, a(1)))).toMatchObject({ _tag: "MandatDejaEnCours", statut: "EN_ATTENTE_SIGNATURE" });
    const signe = Either.getOrThrow(signerMandat(pending, { mandatId: "m-000001", jeton: "sig-1" }, a(1))).state;
    expect(gauche(souscrireMandat(signe, { acteur: gestionnaire, donnees }, a(2)))).toMatchObject({ _tag: "MandatDejaEnCours", statut: "SIGNE" });
  });

  it("refuses a user who is not a gestionnaire", () => {
    const simple: ActeurUtilisateur = { ...gestionnaire, rattachements: [{ structureId: "s-1", role: "UTILISATEUR" }] };
    expect(gauche(souscrireMandat(aucunMandat("s-1"), { acteur: simple, donnees }, a(0)))._tag).toBe("NonAutorise");
  });
});

describe("signer, révoquer, historique", () => {
  it("signs with the link, then the mandat is the active one", () => {
    const r = Either.getOrThrow(signerMandat(souscrit(), { mandatId: "m-000001", jeton: "sig-1" }, a(5)));
    expect(r.events[0]).toMatchObject({ _tag: "MandatSigne", mandatId: "m-000001", date: a(5).maintenant });
    expect(Option.map(mandatActif(r.state), (m) => [m.statut, m.dateSignature])).toEqual(Option.some(["SIGNE", a(5).maintenant]));
    expect(r.state.mandats[0]).not.toHaveProperty("jetonSignature");
    expect(r.state.mandats[0]).not.toHaveProperty("signatureExpireLe");
  });

  it("names the failed guard", () => {
    expect(gauche(signerMandat(souscrit(), { mandatId: "m-000001", jeton: "faux" }, a(5)))).toMatchObject({ _tag: "TransitionMandatRefusee", garde: "jetonSignatureConforme" });
    expect(gauche(signerMandat(souscrit(), { mandatId: "m-000001", jeton: "sig-1" }, a(72)))).toMatchObject({ _tag: "TransitionMandatRefusee", garde: "lienSignatureNonExpire" });
    expect(gauche(signerMandat(souscrit(), { mandatId: "m-9", jeton: "sig-1" }, a(5)))._tag).toBe("MandatIntrouvable");
    const vide = gauche(signerMandat(souscrit(), { mandatId: "m-000001", jeton: "" }, a(5)));
    expect(vide._tag === "SaisieInvalide" ? vide.erreurs.map((x) => x.chemin) : []).toEqual(["jeton"]);
  });

  it("renews an expired link", () => {
    const renouvele = Either.getOrThrow(renouvelerLienSignature(souscrit(), { acteur: gestionnaire, donnees: { mandatId: "m-000001" }, secretSignature: "sig-2" }, a(80))).state;
    expect(gauche(signerMandat(renouvele, { mandatId: "m-000001", jeton: "sig-1" }, a(81)))).toMatchObject({ garde: "jetonSignatureConforme" });
    expect(Either.isRight(signerMandat(renouvele, { mandatId: "m-000001", jeton: "sig-2" }, a(81)))).toBe(true);
  });

  it("keeps the dated history: revoked then a new one signed", () => {
    const signe = Either.getOrThrow(signerMandat(souscrit(), { mandatId: "m-000001", jeton: "sig-1" }, a(1))).state;
    const revoque = Either.getOrThrow(revoquerMandat(signe, { acteur: gestionnaire, donnees: { mandatId: "m-000001" } }, a(24)));
    expect(revoque.events[0]).toMatchObject({ _tag: "MandatRevoque", parId: "u-1" });
    expect(gauche(signerMandat(revoque.state, { mandatId: "m-000001", jeton: "sig-1" }, a(25)))).toMatchObject({ _tag: "TransitionMandatRefusee", statut: "REVOQUE" });
    expect(gauche(revoquerMandat(revoque.state, { acteur: gestionnaire, donnees: { mandatId: "m-000001" } }, a(25)))._tag).toBe("TransitionMandatRefusee");
    const nouveau = Either.getOrThrow(souscrireMandat(revoque.state, { acteur: gestionnaire, donnees, secretSignature: "sig-3" }, a(25, "n"))).state;
    const actif = Either.getOrThrow(signerMandat(nouveau, { mandatId: "n-000001", jeton: "sig-3" }, a(26))).state;
    expect(actif.mandats.map((m) => [m.id, m.statut, m.dateCreation, m.dateSignature, m.dateRevocation])).toEqual([
      ["m-000001", "REVOQUE", t0, a(1).maintenant, a(24).maintenant],
      ["n-000001", "SIGNE", a(25).maintenant, a(26).maintenant, undefined],
    ]);
  });
});

describe("invariant: never two mandats active (property)", () => {
  type Pas = { readonly commande: "souscrire" | "signer" | "signerFaux" | "revoquer" | "renouveler"; readonly heures: number };
  const pasArb = fc.record({
    commande: fc.constantFrom<Pas["commande"]>("souscrire", "signer", "signerFaux", "revoquer", "renouveler"),
    heures: fc.integer({ min: 0, max: 100 }),
  });

  it("holds over any sequence of commands, and only SIGNE counts as active", () => {
    fc.assert(
      fc.property(fc.array(pasArb, { maxLength: 25 }), (pas) => {
        let etat = aucunMandat("s-1");
        let heure = 0;
        pas.forEach((p, i) => {
          heure += p.heures;
          const ctx = a(heure, `p${i}`);
          const dernier = etat.mandats[etat.mandats.length - 1];
          const id = dernier?.id ?? "aucun";
          const r: Either.Either<{ readonly state: MandatsStructure }, unknown> =
            p.commande === "souscrire"
              ? souscrireMandat(etat, { acteur: gestionnaire, donnees, secretSignature: `sig-${i}` }, ctx)
              : p.commande === "signer"
                ? signerMandat(etat, { mandatId: id, jeton: dernier?.jetonSignature ?? "" }, ctx)
                : p.commande === "signerFaux"
                  ? signerMandat(etat, { mandatId: id, jeton: "faux" }, ctx)
                  : p.commande === "revoquer"
                    ? revoquerMandat(etat, { acteur: gestionnaire, donnees: { mandatId: id } }, ctx)
                    : renouvelerLienSignature(etat, { acteur: gestionnaire, donnees: { mandatId: id }, secretSignature: `sig-r${i}` }, ctx);
          if (Either.isRight(r)) etat = r.right.state;
          expect(etat.mandats.filter((m) => m.statut === "SIGNE").length).toBeLessThanOrEqual(1);
          expect(etat.mandats.filter((m) => m.statut !== "REVOQUE").length).toBeLessThanOrEqual(1);
          for (const m of etat.mandats) {
            expect(m.statut === "SIGNE" || m.statut === "REVOQUE" ? true : m.dateSignature === undefined).toBe(true);
            expect(m.statut === "REVOQUE").toBe(m.dateRevocation !== undefined);
          }
        });
      }),
      { numRuns: 300 },
    );
  });
});
