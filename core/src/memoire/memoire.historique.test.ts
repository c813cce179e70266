import { describe, expect, it } from "vitest";
import { formaterMontant } from "../montants/index.js";
import { unsafeExecuter } from "./memoire.commands.js";
import { historique } from "./memoire.historique.js";
import type { EvenementMemoire } from "./memoire.model.js";
import * as F from "./test-support/fixtures.js";
import { ligne2021, scenario } from "./test-support/parcours.js";

describe("historique: the audit trail as a timeline", () => {
  it("folds the events of a mémoire: who, when, from → to, motif, amounts before / after", () => {
    const s = scenario();
    const evenements: Array<EvenementMemoire> = [];
    const faire = (m: Parameters<typeof unsafeExecuter>[0], c: Parameters<typeof unsafeExecuter>[1], acteur: Parameters<typeof s.ctx>[0]) => {
      const r = unsafeExecuter(m, c, s.ctx(acteur));
      evenements.push(...r.evenements);
      return r.memoire;
    };
    let m = s.brouillon([]);
    m = faire(m, { type: "memoire.ajouter-ligne", ligne: { ...ligne2021, quantite: "3", tarifHt: "30" } }, F.prestataire);
    m = faire(m, { type: "memoire.valider-et-envoyer", attestationSurLHonneur: true, prerequisManquants: [], prestataire: F.prestataireCertificat }, F.prestataire);
    m = faire(m, { type: "memoire.transmettre" }, F.systeme);
    m = faire(m, { type: "memoire.prendre-en-charge" }, F.greffier);
    m = faire(m, { type: "memoire.certifier", redressements: [{ ligneId: m.lignes[0]?.id ?? "", quantite: "2", motif: "2 h attestées" }] }, F.greffier);
    // Given out of order, the fold sorts by instant.
    const h = historique([...evenements].reverse());
    expect(h.entrees.map((e) => e.libelle)).toEqual([
      "Ajout d'une ligne de prestation",
      "Validation et envoi",
      "Mise à disposition de la juridiction",
      "Prise en charge",
      "Certification",
    ]);
    expect(h.etats).toEqual(["BROUILLON", "ENVOYE", "MIS_A_DISPOSITION", "CERTIFIE"]);
    expect(h.etat).toBe("CERTIFIE");
    const certification = h.entrees[4];
    expect(certification).toMatchObject({ de: "MIS_A_DISPOSITION", vers: "CERTIFIE", changementEtat: true, montantsModifies: true, motif: expect.stringContaining("2 h attestées") as unknown, auteur: { type: "AGENT", id: "a-greffier" } });
    expect([formaterMontant(certification?.montantTtcAvant ?? m.montants.montantHt), formaterMontant(certification?.montantTtcApres ?? m.montants.montantHt)]).toEqual(["94.95", "63.30"]);
    expect(h.entrees[3]).toMatchObject({ changementEtat: false, montantsModifies: false, details: { agentEnCharge: "a-greffier" } });
    expect(historique([])).toEqual({ entrees: [], etat: undefined, montants: undefined, etats: [] });
  });
});
