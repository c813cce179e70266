import { Either } from "effect";
import { describe, expect, it } from "vitest";
import type { ActeurUtilisateur } from "../autorisation/index.js";
import { contexteDeterministe } from "../shared/index.js";
import {
  ajouterCoordonneeBancaire,
  aucuneCoordonneeBancaire,
  coordonneesBancairesActives,
  desactiverCoordonneeBancaire,
  isCoordonneeBancaireValide,
  reactiverCoordonneeBancaire,
} from "./coordonnees-bancaires.commands.js";
import type { AjouterCoordonneeBancaire } from "./coordonnees-bancaires.model.js";

const maintenant = new Date("2026-03-02T09:00:00Z");
const ctx = () => contexteDeterministe(maintenant, "cb");
const gestionnaire: ActeurUtilisateur = {
  _tag: "Utilisateur",
  id: "u-1",
  rattachements: [{ structureId: "s-1", role: "GESTIONNAIRE_SECONDAIRE" }],
  habilitations: [],
};
const lecteur: ActeurUtilisateur = {
  _tag: "Utilisateur",
  id: "u-2",
  rattachements: [{ structureId: "s-1", role: "UTILISATEUR" }],
  habilitations: [{ structureId: "s-1", application: "FRAIS_DE_JUSTICE", mode: "MODIFICATION" }],
};
const fichier = { reference: "fichiers/rib-chevalier.pdf", typeContenu: "application/pdf", taille: 120_000 } as const;
const parIban: AjouterCoordonneeBancaire = {
  libelle: "Compte courant",
  compte: { type: "IBAN", iban: "FR14 2004 1010 0505 0001 3M02 606" },
  bic: "psstfrppren",
  affactureur: false,
  fichier,
};
const parRib: AjouterCoordonneeBancaire = {
  libelle: "Même compte, saisi en RIB",
  compte: { type: "RIB", banque: "20041", guichet: "01005", compte: "0500013m026", cle: "06" },
  affactureur: false,
  fichier,
};
const vide = aucuneCoordonneeBancaire("s-1");
const gauche = <R, L>(e: Either.Either<R, L>): L => Either.getOrThrowWith(Either.flip(e), () => new Error("expected a Left"));

describe("ajouterCoordonneeBancaire", () => {
  it("adds an active coordonnée with the normalised IBAN and BIC", () => {
    const r = Either.getOrThrow(ajouterCoordonneeBancaire(vide, { acteur: gestionnaire, donnees: parIban }, ctx()));
    expect(r.state.coordonnees).toEqual([
      {
        id: "cb-000001",
        structureId: "s-1",
        libelle: "Compte courant",
        compte: { type: "IBAN", iban: "FR1420041010050500013M02606" },
        bic: "PSSTFRPPREN",
        affactureur: false,
        fichier,
        active: true,
        dateCreation: maintenant,
      },
    ]);
    expect(r.events[0]).toMatchObject({ _tag: "CoordonneeBancaireAjoutee", structureId: "s-1", parId: "u-1" });
    expect(isCoordonneeBancaireValide(r.state.coordonnees[0]!)).toBe(true);
  });

  it("accepts a RIB without BIC, and refuses the same account twice (RIB compared through its IBAN)", () => {
    const avecRib = Either.getOrThrow(ajouterCoordonneeBancaire(vide, { acteur: gestionnaire, donnees: parRib }, ctx())).state;
    expect(avecRib.coordonnees[0]?.compte).toEqual({ type: "RIB", banque: "20041", guichet: "01005", compte: "0500013M026", cle: "06" });
    const e = gauche(ajouterCoordonneeBancaire(avecRib, { acteur: gestionnaire, donnees: parIban }, ctx()));
    expect(e._tag).toBe("CompteDejaEnregistre");
  });

  it("names every offending field: key, BIC, file type and size", () => {
    const e = gauche(
      ajouterCoordonneeBancaire(
        vide,
        {
          acteur: gestionnaire,
          donnees: {
            libelle: "",
            compte: { type: "RIB", banque: "20041", guichet: "01005", compte: "0500013M026", cle: "07" },
            bic: "BNPAFRP",
            affactureur: true,
            fichier: { reference: "x", typeContenu: "application/zip" as "application/pdf", taille: 4_194_305 },
          },
        },
        ctx(),
      ),
    );
    expect(e._tag).toBe("SaisieInvalide");
    if (e._tag === "SaisieInvalide") {
      expect(e.erreurs.map((x) => x.chemin).sort()).toEqual(["bic", "compte.cle", "fichier.taille", "fichier.typeContenu", "libelle"]);
    }
  });

  it("accepts a file of exactly 4096 KB and requires the BIC with an IBAN", () => {
    const maxi = { ...parIban, fichier: { ...fichier, taille: 4_194_304 } };
    expect(Either.isRight(ajouterCoordonneeBancaire(vide, { acteur: gestionnaire, donnees: maxi }, ctx()))).toBe(true);
    const { bic: _bic, ...sansBic } = parIban;
    const e = gauche(ajouterCoordonneeBancaire(vide, { acteur: gestionnaire, donnees: sansBic }, ctx()));
    expect(e._tag === "SaisieInvalide" ? e.erreurs : []).toEqual([{ chemin: "bic", raison: "le BIC est obligatoire avec un IBAN" }]);
  });

  it("reports the missing BIC together with an invalid IBAN", () => {
    const { bic: _bic, ...sansBic } = parIban;
    const e = gauche(ajouterCoordonneeBancaire(vide, { acteur: gestionnaire, donnees: { ...sansBic, compte: { type: "IBAN", iban: "FR1520041010050500013M02606" } } }, ctx()));
    expect(e._tag === "SaisieInvalide" ? e.erreurs.map((x) => x.chemin) : []).toEqual(["compte.iban", "bic"]);
  });

  it("refuses a simple user, even with a habilitation in modification mode (gestionnaires only)", () => {
    const e = gauche(ajouterCoordonneeBancaire(vide, { acteur: lecteur, donnees: parIban }, ctx()));
    expect(e._tag).toBe("NonAutorise");
  });
});

describe("desactiver / reactiver", () => {
  const etat = Either.getOrThrow(ajouterCoordonneeBancaire(vide, { acteur: gestionnaire, donnees: parIban }, ctx())).state;
  const designation = { coordonneeBancaireId: "cb-000001" };

  it("deactivates with a date, keeps the coordonnée, and lists only active ones", () => {
    const r = Either.getOrThrow(desactiverCoordonneeBancaire(etat, { acteur: gestionnaire, donnees: designation }, ctx()));
    expect(r.state.coordonnees[0]).toMatchObject({ active: false, dateDesactivation: maintenant });
    expect(coordonneesBancairesActives(r.state)).toEqual([]);
    expect(r.events[0]?._tag).toBe("CoordonneeBancaireDesactivee");
    expect(gauche(desactiverCoordonneeBancaire(r.state, { acteur: gestionnaire, donnees: designation }, ctx()))._tag).toBe(
      "CoordonneeBancaireDejaDansCetEtat",
    );

    const re = Either.getOrThrow(reactiverCoordonneeBancaire(r.state, { acteur: gestionnaire, donnees: designation }, ctx()));
    expect(re.state.coordonnees[0]?.active).toBe(true);
    expect(re.state.coordonnees[0]).not.toHaveProperty("dateDesactivation");
    expect(coordonneesBancairesActives(re.state)).toHaveLength(1);
  });

  it("refuses to reactivate when the same account was added again meanwhile", () => {
    const inactif = Either.getOrThrow(desactiverCoordonneeBancaire(etat, { acteur: gestionnaire, donnees: designation }, ctx())).state;
    const rajoute = Either.getOrThrow(ajouterCoordonneeBancaire(inactif, { acteur: gestionnaire, donnees: parRib }, contexteDeterministe(maintenant, "cb2"))).state;
    expect(gauche(reactiverCoordonneeBancaire(rajoute, { acteur: gestionnaire, donnees: designation }, ctx()))._tag).toBe("CompteDejaEnregistre");
  });

  it("refuses an empty designation as a field error", () => {
    const e = gauche(desactiverCoordonneeBancaire(etat, { acteur: gestionnaire, donnees: { coordonneeBancaireId: "" } }, ctx()));
    expect(e._tag === "SaisieInvalide" ? e.erreurs : []).toEqual([{ chemin: "coordonneeBancaireId", raison: "obligatoire" }]);
  });

  it("refuses an unknown id", () => {
    expect(gauche(desactiverCoordonneeBancaire(etat, { acteur: gestionnaire, donnees: { coordonneeBancaireId: "x" } }, ctx()))._tag).toBe(
      "CoordonneeBancaireIntrouvable",
    );
  });

  it("re-checks stored data: a legacy IBAN with a wrong key is not valid", () => {
    const c = etat.coordonnees[0]!;
    expect(isCoordonneeBancaireValide({ ...c, compte: { type: "IBAN", iban: "FR1520041010050500013M02606" } })).toBe(false);
    const { bic: _bic, ...sansBic } = c;
    expect(isCoordonneeBancaireValide(sansBic)).toBe(false);
  });
});
