import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { BigDecimal } from "effect";
import { sha256Base64 } from "@frais-justice/core/memoire";
import { describe, expect, it } from "vitest";
import { main } from "./memoire-vues.js";

describe("exemple : suivre ses mémoires (certificat de dépôt, Rechercher, Tableau de bord, Liste fiscale)", () => {
  const journal: Array<string> = [];
  const r = main((l) => journal.push(l));

  it("hands over a certificat de dépôt with the Récapitulatif's totals and a 44-character empreinte", () => {
    expect(r.certificat.numero).toBe("MJ0000002117");
    expect(r.certificat.dateDepot.toISOString()).toBe("2019-07-25T08:30:00.000Z");
    const m = r.certificat.montants;
    expect([m.montantHtApresRemiseGlobale, m.montantTva, m.montantRemiseGlobaleTtc, m.montantTtcAvantRemiseGlobale, m.montantTtc].map(BigDecimal.format)).toEqual([
      "820.9",
      "164.18",
      "0",
      "985.08",
      "985.08",
    ]);
    expect(r.certificat.empreinte).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(r.memoirePaye.empreinteDepot).toBe(r.certificat.empreinte);
  });

  it("finds the mémoire in Rechercher with its total and counts it in the tableau de bord", () => {
    expect(r.trouves).toEqual([{ numero: "MJ0000002117", statut: "Mis à disposition", montantTtc: "985,08 €" }]);
    expect(r.tableauAvant).toMatchObject({ Brouillon: 1, "Mis à disposition": 1, "Mis en paiement": 0 });
    expect(r.tableauApres).toMatchObject({ Brouillon: 1, "Mis à disposition": 0, "Mis en paiement": 1 });
  });

  it("lists it in the liste fiscale once paid, and refuses a period of two years", () => {
    expect(r.memoirePaye.etat).toBe("MIS_EN_PAIEMENT");
    expect(r.listeFiscale).toEqual([{ numero: "MJ0000002117", datePaiement: "2019-09-30", ht: "820,90 €", tva: "164,18 €", ttc: "985,08 €" }]);
    expect(r.totalListeFiscale).toBe("985,08 €");
    expect(r.erreurPeriode).toContain("dépasse un an");
  });

  it("verifies the certificate after payment, not once the mémoire is altered", () => {
    expect(r.certificatValideApresPaiement).toBe(true);
    expect(r.ecartsSiAltere).toContain("empreinte");
  });

  it("shows nothing to another structure and names the bad criteria", () => {
    expect(r.vuParAutreStructure).toBe(0);
    expect(r.erreurCritere).toEqual(["statut", "taille"]);
    expect(journal.join("\n")).toContain("Mémoire n° MJ0000002117 déposé le 25/07/2019 par 31486913200048 - COMPAGNIE FINANCIERE PRIVEE");
  });
});

describe("docs/certificat.md: the worked example can be re-verified by hand", () => {
  const doc = readFileSync(new URL("../docs/certificat.md", import.meta.url), "utf8");
  const json = /<!-- canonical-example:start -->\n```text\n(.*)\n```\n<!-- canonical-example:end -->/.exec(doc)?.[1] ?? "";
  const empreinte = /<!-- empreinte-example -->`([^`]+)`/.exec(doc)?.[1];

  it("states the empreinte of its canonical JSON, as any SHA-256 tool computes it", () => {
    expect(json.startsWith('{"attestationSurLHonneur":true,')).toBe(true);
    expect(json.endsWith('"v":"v1"}')).toBe(true);
    expect(empreinte).toBe("RaHLC3WhraZrjOu6U0x7282ron0TRDSbGEYnyzzXNAg=");
    expect(createHash("sha256").update(json, "utf8").digest("base64")).toBe(empreinte);
    expect(sha256Base64(json)).toBe(empreinte);
  });
});
