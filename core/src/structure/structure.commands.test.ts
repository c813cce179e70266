import { Either } from "effect";
import { describe, expect, it } from "vitest";
import type { ActeurUtilisateur } from "../autorisation/index.js";
import { contexteDeterministe } from "../shared/index.js";
import {
  activerService,
  ajouterService,
  creerStructure,
  desactiverService,
  modifierAdresse,
  modifierIdentite,
  modifierInformationsMemoire,
  modifierService,
  type CreerStructure,
} from "./structure.commands.js";
import type { Structure } from "./structure.model.js";

const maintenant = new Date("2026-03-02T09:00:00Z");
const ctx = () => contexteDeterministe(maintenant, "s");

const adresse = { ligne: "12 rue de la Paix", codePostal: "35000", ville: "Rennes", pays: "FR" };
const donneesInterprete: CreerStructure = {
  identifiant: { type: "PARTICULIER", valeur: "1931035248" },
  raisonSociale: "Alexandre Chevalier",
  adresse,
};

const creer = (donnees: CreerStructure = donneesInterprete): Structure =>
  Either.getOrThrow(creerStructure({ createurId: "u-1", donnees }, ctx())).state;

const gestionnaire = (structureId: string): ActeurUtilisateur => ({
  _tag: "Utilisateur",
  id: "u-1",
  rattachements: [{ structureId, role: "GESTIONNAIRE_PRINCIPAL" }],
  habilitations: [],
});
const simpleUtilisateur = (structureId: string): ActeurUtilisateur => ({
  _tag: "Utilisateur",
  id: "u-2",
  rattachements: [{ structureId, role: "UTILISATEUR" }],
  habilitations: [{ structureId, application: "FRAIS_DE_JUSTICE", mode: "MODIFICATION" }],
});

const gauche = <R, L>(e: Either.Either<R, L>): L => Either.getOrThrowWith(Either.flip(e), () => new Error("expected a Left"));

describe("creerStructure", () => {
  it("creates an active structure and emits StructureCreee with its creator", () => {
    const r = Either.getOrThrow(creerStructure({ createurId: "u-1", donnees: donneesInterprete }, ctx()));
    expect(r.state).toMatchObject({
      id: "s-000001",
      identifiant: { type: "PARTICULIER", valeur: "1931035248" },
      statut: "ACTIF",
      services: [],
      espacesOuverts: [],
      informationsMemoire: { droitOption: false },
      dateCreation: maintenant,
    });
    expect(r.events).toHaveLength(1);
    expect(r.events[0]).toMatchObject({ _tag: "StructureCreee", structureId: "s-000001", createurId: "u-1", date: maintenant });
  });

  it("names every offending field", () => {
    const e = gauche(
      creerStructure(
        {
          createurId: "u-1",
          donnees: {
            identifiant: { type: "SIRET", valeur: "12345678912345" },
            raisonSociale: "  ",
            adresse: { ...adresse, codePostal: "3500" },
            informationsMemoire: { categoriePrestataire: "EXPERT", droitOption: true },
          },
        },
        ctx(),
      ),
    );
    expect(e._tag).toBe("SaisieInvalide");
    if (e._tag === "SaisieInvalide") {
      expect(e.erreurs.map((x) => x.chemin).sort()).toEqual(
        ["adresse.codePostal", "identifiant.valeur", "informationsMemoire.droitOption", "informationsMemoire.regime", "raisonSociale"].sort(),
      );
      expect(e.erreurs.find((x) => x.chemin === "identifiant.valeur")?.raison).toContain("Luhn");
    }
  });

  it("refuses an unknown identifier type", () => {
    const e = gauche(creerStructure({ createurId: "u-1", donnees: { ...donneesInterprete, identifiant: { type: "NIR" as "SIRET", valeur: "1" } } }, ctx()));
    expect(e.erreurs.map((x) => x.chemin)).toEqual(["identifiant.type"]);
  });
});

describe("modifier* commands", () => {
  const s = creer();

  it("sets the informations mémoire, régime mandatory for a PARTICULIER", () => {
    const ok = Either.getOrThrow(
      modifierInformationsMemoire(
        s,
        { acteur: gestionnaire(s.id), donnees: { informationsMemoire: { categoriePrestataire: "INTERPRETE_TRADUCTEUR", regime: "INDEPENDANT", droitOption: true } } },
        ctx(),
      ),
    );
    expect(ok.state.informationsMemoire).toEqual({ categoriePrestataire: "INTERPRETE_TRADUCTEUR", regime: "INDEPENDANT", droitOption: true });
    expect(ok.events[0]).toMatchObject({ _tag: "InformationsMemoireModifiees", parId: "u-1" });

    const sansRegime = gauche(
      modifierInformationsMemoire(s, { acteur: gestionnaire(s.id), donnees: { informationsMemoire: { categoriePrestataire: "INTERPRETE_TRADUCTEUR", droitOption: false } } }, ctx()),
    );
    expect(sansRegime._tag).toBe("SaisieInvalide");
    if (sansRegime._tag === "SaisieInvalide") expect(sansRegime.erreurs.map((x) => x.chemin)).toEqual(["informationsMemoire.regime"]);
  });

  it("does not require a régime from a SIRET structure", () => {
    const societe = creer({ ...donneesInterprete, identifiant: { type: "SIRET", valeur: "73282932000074" }, raisonSociale: "Traductions SA" });
    const r = modifierInformationsMemoire(societe, { acteur: gestionnaire(societe.id), donnees: { informationsMemoire: { categoriePrestataire: "LABORATOIRE", droitOption: false } } }, ctx());
    expect(Either.isRight(r)).toBe(true);
  });

  it("refuses a user who is not a gestionnaire, through autoriser", () => {
    const e = gauche(modifierAdresse(s, { acteur: simpleUtilisateur(s.id), donnees: { adresse } }, ctx()));
    expect(e._tag).toBe("NonAutorise");
    if (e._tag === "NonAutorise") expect(e.action).toBe("structure.modifier");
  });

  it("refuses a gestionnaire of another structure", () => {
    const e = gauche(modifierAdresse(s, { acteur: gestionnaire("autre"), donnees: { adresse } }, ctx()));
    expect(e._tag).toBe("NonAutorise");
  });

  it("changes the raison sociale and the identifier, and refuses to switch to PARTICULIER without a régime", () => {
    const r = Either.getOrThrow(modifierIdentite(s, { acteur: gestionnaire(s.id), donnees: { raisonSociale: "A. Chevalier", identifiant: { type: "PARTICULIER", valeur: "1931035248" } } }, ctx()));
    expect(r.state.raisonSociale).toBe("A. Chevalier");
    expect(r.events[0]).toMatchObject({ _tag: "IdentiteStructureModifiee", raisonSociale: "A. Chevalier" });
    const societe = creer({ ...donneesInterprete, identifiant: { type: "SIRET", valeur: "73282932000074" } });
    const e = gauche(
      modifierIdentite(societe, { acteur: gestionnaire(societe.id), donnees: { raisonSociale: "A. Chevalier", identifiant: { type: "PARTICULIER", valeur: "1931035248" } } }, ctx()),
    );
    expect(e._tag).toBe("SaisieInvalide");
    if (e._tag === "SaisieInvalide") expect(e.erreurs.map((x) => x.chemin)).toEqual(["identifiant.type"]);
  });

  it("refuses any change to a structure whose stored identifier is not conforming (seed 002)", () => {
    const ancienne: Structure = { ...s, identifiant: { type: "PARTICULIER", valeur: "193103524" } };
    const e = gauche(modifierAdresse(ancienne, { acteur: gestionnaire(s.id), donnees: { adresse } }, ctx()));
    expect(e._tag).toBe("IdentifiantStructureNonConforme");
    expect(e.message).toContain("créez une nouvelle structure");
  });

  it("replaces the address", () => {
    const nouvelle = { ligne: "1 place du Parlement", codePostal: "35000", ville: "Rennes", pays: "FR" };
    const r = Either.getOrThrow(modifierAdresse(s, { acteur: gestionnaire(s.id), donnees: { adresse: nouvelle } }, ctx()));
    expect(r.state.adresse).toEqual(nouvelle);
    expect(s.adresse).toEqual(adresse);
  });
});

describe("services", () => {
  const s = creer();
  const acteur = gestionnaire(s.id);
  const avecService = Either.getOrThrow(ajouterService(s, { acteur, donnees: { code: "TRAD", libelle: "Traductions écrites" } }, ctx())).state;

  it("adds an active service with a unique code", () => {
    expect(avecService.services).toEqual([{ code: "TRAD", libelle: "Traductions écrites", actif: true }]);
    const e = gauche(ajouterService(avecService, { acteur, donnees: { code: "trad", libelle: "Doublon" } }, ctx()));
    expect(e._tag).toBe("ServiceDejaExistant");
  });

  it("changes a libellé, and refuses an unknown code", () => {
    const r = Either.getOrThrow(modifierService(avecService, { acteur, donnees: { code: "TRAD", libelle: "Traductions" } }, ctx()));
    expect(r.state.services[0]?.libelle).toBe("Traductions");
    expect(gauche(modifierService(avecService, { acteur, donnees: { code: "ORAL", libelle: "x" } }, ctx()))._tag).toBe("ServiceIntrouvable");
  });

  it("deactivates then reactivates, refusing the no-op", () => {
    const inactif = Either.getOrThrow(desactiverService(avecService, { acteur, donnees: { code: "TRAD" } }, ctx()));
    expect(inactif.state.services[0]?.actif).toBe(false);
    expect(inactif.events[0]?._tag).toBe("ServiceDesactive");
    expect(gauche(desactiverService(inactif.state, { acteur, donnees: { code: "TRAD" } }, ctx()))._tag).toBe("ServiceDejaDansCetEtat");
    const actif = Either.getOrThrow(activerService(inactif.state, { acteur, donnees: { code: "TRAD" } }, ctx()));
    expect(actif.state.services[0]?.actif).toBe(true);
    expect(actif.events[0]?._tag).toBe("ServiceActive");
  });

  it("names the empty fields of a service", () => {
    const e = gauche(ajouterService(s, { acteur, donnees: { code: "", libelle: " " } }, ctx()));
    expect(e._tag).toBe("SaisieInvalide");
    if (e._tag === "SaisieInvalide") expect(e.erreurs.map((x) => x.chemin)).toEqual(["code", "libelle"]);
  });
});
