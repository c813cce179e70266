import { describe, expect, it } from "vitest";
import { formaterMontant } from "@frais-justice/core/montants";
import { main } from "./memoire-refus.js";

describe("exemple : un mémoire refusé pour pièce manquante, dupliqué, corrigé et payé", () => {
  it("refuses, duplicates with a new number and links, then pays the corrected duplicate", () => {
    const lignes: Array<string> = [];
    const { refuse, duplicata, refusRencontres } = main((l) => lignes.push(l));
    expect(refuse.etat).toBe("DUPLIQUE_POST_REFUS");
    expect(refuse.numero).toBe("MJ0000003051");
    expect(refuse.refus).toMatchObject({ motif: "PIECE_JOINTE_MANQUANTE", par: { type: "AGENT", id: "a-greffier-bobigny" } });
    expect(refuse.piecesJointes).toEqual([]);
    expect(refuse.dupliqueEn).toBe(duplicata.id);
    expect(duplicata.duplicataDe).toBe(refuse.id);
    expect(duplicata.numeroProvisoire).toBe("TMP201900000018");
    expect(duplicata.numero).toBe("MJ0000003052");
    expect(duplicata.etat).toBe("MIS_EN_PAIEMENT");
    expect(duplicata.piecesJointes.map((p) => [p.type, p.ligneId])).toEqual([["REQUISITION", duplicata.lignes[0]?.id]]);
    // 2 started hours on a Tuesday afternoon at 30 €/h: 42.00 (first hour +40 %) + 30.00.
    expect(formaterMontant(duplicata.montants.montantTtc)).toBe("72.00");
    expect(refusRencontres).toEqual([
      { evenement: "memoire.joindre-piece", etat: "REFUSE", garde: "etatIncompatible" },
      { evenement: "memoire.valider-et-envoyer", etat: "BROUILLON", garde: "attestationSurLHonneurAbsente" },
    ]);
    expect(lignes.some((l) => l.includes("TMP201900000018"))).toBe(true);
  });
});
