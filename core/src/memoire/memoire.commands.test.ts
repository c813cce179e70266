import { Either } from "effect";
import { describe, expect, it } from "vitest";
import { formaterMontant } from "../montants/index.js";
import { creerBrouillon, unsafeExecuter } from "./memoire.commands.js";
import * as F from "./test-support/fixtures.js";

describe("a mémoire from draft to payment", () => {
  it("creates, sends, transmits, certifies, validates and pays the seed's mémoire (1 × 150.00 at 5.5 % → 158.25)", () => {
    const ctx = F.fabriqueContextes();
    const c = creerBrouillon({ enTete: F.enTete, lignes: [F.ligneSeed] }, ctx(F.prestataire, "2019-07-25T10:00:00Z"));
    if (Either.isLeft(c)) throw c.left;
    const m0 = c.right.memoire;
    expect(m0.numero).toBe("TMP201900000001");
    expect(formaterMontant(m0.montants.montantHt)).toBe("150.00");
    expect(formaterMontant(m0.montants.montantTtc)).toBe("158.25");
    const e = unsafeExecuter(
      m0,
      { type: "memoire.valider-et-envoyer", attestationSurLHonneur: true, prerequisManquants: [], prestataire: F.prestataireCertificat, coordonneesBancaires: F.coordonneesBancaires },
      ctx(F.prestataire, "2019-07-25T10:05:00Z"),
    );
    expect(e.memoire.etat).toBe("ENVOYE");
    expect(e.memoire.numero).toBe("MJ0000000001");
    expect(e.memoire.numeroProvisoire).toBe("TMP201900000001");
    expect(e.certificat?.empreinte).toHaveLength(44);
    expect(e.memoire.empreinteDepot).toBe(e.certificat?.empreinte);
    expect(e.memoire.piecesJointes.map((p) => p.type)).toEqual(["COORDONNEE_BANCAIRE"]);
    const t = unsafeExecuter(e.memoire, { type: "memoire.transmettre" }, ctx(F.systeme, "2019-07-25T11:00:00Z"));
    const ce = unsafeExecuter(t.memoire, { type: "memoire.certifier" }, ctx(F.greffier, "2019-08-01T11:00:00Z"));
    const v = unsafeExecuter(ce.memoire, { type: "memoire.valider-paiement" }, ctx(F.ordonnateur, "2019-08-02T11:00:00Z"));
    const p = unsafeExecuter(
      v.memoire,
      { type: "memoire.mettre-en-paiement", paiement: { date: "2019-08-10", reference: "VIR-1" } },
      ctx(F.comptable, "2019-08-10T11:00:00Z"),
    );
    expect(p.memoire.etat).toBe("MIS_EN_PAIEMENT");
    expect(p.memoire.paiement).toEqual({ date: "2019-08-10", reference: "VIR-1" });
    expect(p.memoire.version).toBe(m0.version + 5);
  });
});

describe("the numéro de lot of a flux deposit", () => {
  const flux = { ...F.enTete, modeDepot: "FLUX" as const };

  it("is set at creation and kept by every command, the en-tête edit, the refusal and the duplicate included", () => {
    const ctx = F.fabriqueContextes();
    const c = creerBrouillon({ enTete: flux, lignes: [F.ligneSeed], numeroLot: "LOT-2019-0042" }, ctx(F.prestataire, "2019-07-25T10:00:00Z"));
    if (Either.isLeft(c)) throw c.left;
    expect(c.right.memoire.numeroLot).toBe("LOT-2019-0042");
    const m = unsafeExecuter(c.right.memoire, { type: "memoire.modifier-en-tete", enTete: { ...flux, numeroFacture: "F-1" } }, ctx(F.prestataire, "2019-07-25T10:01:00Z"));
    expect(m.memoire.numeroLot).toBe("LOT-2019-0042");
    const e = unsafeExecuter(
      m.memoire,
      { type: "memoire.valider-et-envoyer", attestationSurLHonneur: true, prerequisManquants: [], prestataire: F.prestataireCertificat },
      ctx(F.prestataire, "2019-07-25T10:05:00Z"),
    );
    const t = unsafeExecuter(e.memoire, { type: "memoire.transmettre" }, ctx(F.systeme, "2019-07-25T11:00:00Z"));
    const r = unsafeExecuter(t.memoire, { type: "memoire.refuser", motif: "PIECE_JOINTE_MANQUANTE" }, ctx(F.greffier, "2019-08-01T11:00:00Z"));
    expect(r.memoire.numeroLot).toBe("LOT-2019-0042");
    const d = unsafeExecuter(r.memoire, { type: "memoire.dupliquer" }, ctx(F.prestataire, "2019-08-02T11:00:00Z"));
    expect(d.memoire.numeroLot).toBe("LOT-2019-0042");
    expect(d.duplicata?.numeroLot).toBe("LOT-2019-0042");
  });

  it("is absent from a web-entered mémoire, refused outside a flux deposit, and checked like any field", () => {
    const ctx = F.fabriqueContextes();
    const web = creerBrouillon({ enTete: F.enTete, lignes: [F.ligneSeed] }, ctx(F.prestataire, "2019-07-25T10:00:00Z"));
    expect(Either.isRight(web) && web.right.memoire.numeroLot).toBe(undefined);
    const horsFlux = creerBrouillon({ enTete: F.enTete, numeroLot: "LOT-1" }, ctx(F.prestataire, "2019-07-25T10:00:00Z"));
    expect(Either.isLeft(horsFlux) && horsFlux.left._tag === "SaisieInvalide" && horsFlux.left.erreurs.map((x) => x.chemin)).toEqual(["numeroLot"]);
    const vide = creerBrouillon({ enTete: flux, numeroLot: "  " }, ctx(F.prestataire, "2019-07-25T10:00:00Z"));
    expect(Either.isLeft(vide) && vide.left._tag === "SaisieInvalide" && vide.left.erreurs.map((x) => x.chemin)).toEqual(["numeroLot"]);
    const long = creerBrouillon({ enTete: flux, numeroLot: "L".repeat(51) }, ctx(F.prestataire, "2019-07-25T10:00:00Z"));
    expect(Either.isLeft(long)).toBe(true);
  });
});
