import { describe, expect, it } from "vitest";
import { formaterMontant } from "@frais-justice/core/montants";
import { main } from "./memoire-paiement.js";

describe("exemple : un mémoire d'interprète, de la réquisition au paiement", () => {
  it("prices the oral translation, sends, certifies, validates and pays the mémoire", () => {
    const lignes: Array<string> = [];
    const r = main((l) => lignes.push(l));
    // 3 started hours at 30 €/h (version of 2009-03-01): 21:30 first hour, Saturday (+40 % +25 %) 49.50;
    // 22:30 and 23:30 night and Saturday (+25 % +25 %) 45.00 each.
    expect(r.tarifHt).toBe("139.50");
    expect(r.memoire.etat).toBe("MIS_EN_PAIEMENT");
    expect(r.memoire.numero).toBe("MJ0000002117");
    expect(r.memoire.numeroProvisoire).toBe("TMP201900000004");
    expect(formaterMontant(r.memoire.montants.montantTtc)).toBe("139.50");
    expect(r.memoire.montantModifie).toBe(false);
    expect(r.memoire.agentEnCharge).toBe("a-greffier-paris");
    expect(r.memoire.piecesJointes.map((p) => p.type)).toEqual(["REQUISITION", "COORDONNEE_BANCAIRE"]);
    expect(r.certificat.empreinte).toHaveLength(44);
    expect(r.certificatVerifie).toBe(true);
    expect(r.actionsDuGreffier).toEqual(["memoire.prendre-en-charge", "memoire.certifier", "memoire.refuser", "memoire.envoyer-en-taxation"]);
    expect(r.historique.etats).toEqual(["BROUILLON", "ENVOYE", "MIS_A_DISPOSITION", "CERTIFIE", "VALIDE", "MIS_EN_PAIEMENT"]);
    expect(r.historique.entrees.map((e) => e.auteur.type)).toEqual([
      "UTILISATEUR",
      "UTILISATEUR",
      "UTILISATEUR",
      "UTILISATEUR",
      "SYSTEME",
      "AGENT",
      "AGENT",
      "AGENT",
      "AGENT",
    ]);
    expect(lignes.some((l) => l.includes("MJ0000002117"))).toBe(true);
  });
});
