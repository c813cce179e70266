import { Either } from "effect";
import { describe, expect, it } from "vitest";
import { contexteDeterministe } from "../shared/index.js";
import {
  accepterRattachement,
  acteurUtilisateur,
  demanderRattachement,
  demandesEnAttente,
  detacher,
  etatRattachementsVide,
  fonderStructure,
  gestionnairePrincipal,
  membres,
  modifierRole,
  rattachementDe,
  rattachementsInitiaux,
  refuserRattachement,
  transfererGestionnairePrincipal,
  type EtatRattachements,
} from "./index.js";

const ctx = () => contexteDeterministe(new Date("2026-03-02T09:00:00Z"), "dem");

const ok = <A, E>(r: Either.Either<A, E>): A => {
  if (Either.isLeft(r)) throw new Error(`attendu un succès, obtenu ${String(r.left)}`);
  return r.right;
};
const erreur = <A, E>(r: Either.Either<A, E>): E => {
  if (Either.isRight(r)) throw new Error("attendu un refus");
  return r.left;
};

/** S1 founded by manuela; pierre (secondaire) and paul (utilisateur, service SV1) attached; lea has a pending request. */
const peuple = (): EtatRattachements => {
  const c = ctx();
  let e = ok(fonderStructure(etatRattachementsVide, { structureId: "S1", createurId: "manuela" }, c)).state;
  e = ok(demanderRattachement(e, { utilisateurId: "pierre", structureId: "S1" }, c)).state;
  e = ok(accepterRattachement(e, { par: "manuela", demandeId: "dem-000001", role: "GESTIONNAIRE_SECONDAIRE" }, c)).state;
  e = ok(demanderRattachement(e, { utilisateurId: "paul", structureId: "S1", serviceId: "SV1" }, c)).state;
  e = ok(accepterRattachement(e, { par: "pierre", demandeId: "dem-000002", role: "UTILISATEUR" }, c)).state;
  e = ok(demanderRattachement(e, { utilisateurId: "lea", structureId: "S1" }, c)).state;
  return e;
};

describe("fonderStructure", () => {
  it("makes the creator the gestionnaire principal", () => {
    const r = ok(fonderStructure(etatRattachementsVide, { structureId: "S1", createurId: "manuela" }, ctx()));
    expect(gestionnairePrincipal(r.state, "S1")).toBe("manuela");
    expect(r.events.map((e) => e._tag)).toEqual(["GestionnairePrincipalInitial"]);
    expect(r.state).toEqual(rattachementsInitiaux("S1", "manuela", new Date("2026-03-02T09:00:00Z")));
  });

  it("accepts the structure module's StructureCreee event as is", () => {
    const evenement = { _tag: "StructureCreee", structureId: "S9", createurId: "u9", raisonSociale: "X", date: new Date() };
    expect(gestionnairePrincipal(ok(fonderStructure(etatRattachementsVide, evenement, ctx())).state, "S9")).toBe("u9");
  });

  it("refuses a structure founded twice", () => {
    expect(erreur(fonderStructure(peuple(), { structureId: "S1", createurId: "lea" }, ctx()))._tag).toBe("StructureDejaFondee");
  });

  it("refuses empty identifiers, naming each field", () => {
    const e = erreur(fonderStructure(etatRattachementsVide, { structureId: " ", createurId: "" }, ctx()));
    expect(e._tag).toBe("SaisieInvalide");
    if (e._tag === "SaisieInvalide") expect(e.erreurs.map((x) => x.chemin)).toEqual(["structureId", "createurId"]);
  });
});

describe("demanderRattachement", () => {
  it("records a pending request, with its service", () => {
    const e = peuple();
    expect(demandesEnAttente(e, "S1").map((d) => d.utilisateurId)).toEqual(["lea"]);
    expect(rattachementDe(e, "S1", "paul")?.serviceId).toBe("SV1");
  });

  it("refuses an unknown structure, an attached user, a second pending request", () => {
    const e = peuple();
    expect(erreur(demanderRattachement(e, { utilisateurId: "lea", structureId: "S2" }, ctx()))._tag).toBe("StructureSansGestionnaire");
    expect(erreur(demanderRattachement(e, { utilisateurId: "pierre", structureId: "S1" }, ctx()))._tag).toBe("DejaRattache");
    expect(erreur(demanderRattachement(e, { utilisateurId: "lea", structureId: "S1" }, ctx()))).toMatchObject({
      _tag: "DemandeDejaEnCours",
      demandeId: "dem-000003",
    });
  });

  it("refuses an empty service code", () => {
    const e = erreur(demanderRattachement(peuple(), { utilisateurId: "zoe", structureId: "S1", serviceId: "" }, ctx()));
    expect(e._tag === "SaisieInvalide" && e.erreurs[0]?.chemin).toBe("serviceId");
  });
});

describe("accepterRattachement / refuserRattachement", () => {
  it("lets a gestionnaire secondaire accept, with the chosen role", () => {
    const r = ok(accepterRattachement(peuple(), { par: "pierre", demandeId: "dem-000003", role: "UTILISATEUR" }, ctx()));
    expect(rattachementDe(r.state, "S1", "lea")?.role).toBe("UTILISATEUR");
    expect(demandesEnAttente(r.state, "S1")).toEqual([]);
    expect(r.events[0]).toMatchObject({ _tag: "RattachementAccepte", parId: "pierre", role: "UTILISATEUR" });
  });

  it("refuses an utilisateur simple and a stranger", () => {
    expect(erreur(accepterRattachement(peuple(), { par: "paul", demandeId: "dem-000003", role: "UTILISATEUR" }, ctx()))).toMatchObject({
      _tag: "NonAutorise",
      raison: "ROLE_INSUFFISANT",
    });
    expect(erreur(refuserRattachement(peuple(), { par: "inconnu", demandeId: "dem-000003" }, ctx()))).toMatchObject({
      _tag: "NonAutorise",
      raison: "NON_RATTACHE",
    });
  });

  it("never gives the principal role on acceptance", () => {
    expect(erreur(accepterRattachement(peuple(), { par: "manuela", demandeId: "dem-000003", role: "GESTIONNAIRE_PRINCIPAL" }, ctx()))._tag).toBe(
      "RolePrincipalParTransfertSeulement",
    );
  });

  it("refuses an unknown request and an unknown role", () => {
    expect(erreur(accepterRattachement(peuple(), { par: "manuela", demandeId: "nope", role: "UTILISATEUR" }, ctx()))._tag).toBe(
      "DemandeRattachementIntrouvable",
    );
    const e = erreur(accepterRattachement(peuple(), { par: "manuela", demandeId: "dem-000003", role: "CHEF" as "UTILISATEUR" }, ctx()));
    expect(e._tag === "SaisieInvalide" && e.erreurs.map((x) => x.chemin)).toEqual(["role"]);
  });

  it("closes a refused request with its motif", () => {
    const r = ok(refuserRattachement(peuple(), { par: "manuela", demandeId: "dem-000003", motif: "inconnue de l'entreprise" }, ctx()));
    expect(demandesEnAttente(r.state, "S1")).toEqual([]);
    expect(rattachementDe(r.state, "S1", "lea")).toBeUndefined();
    expect(r.events[0]).toMatchObject({ _tag: "RattachementRefuse", motif: "inconnue de l'entreprise" });
  });
});

describe("modifierRole", () => {
  it("lets a gestionnaire promote a user to secondaire and back", () => {
    const e = ok(modifierRole(peuple(), { par: "pierre", structureId: "S1", utilisateurId: "paul", role: "GESTIONNAIRE_SECONDAIRE" }, ctx())).state;
    expect(rattachementDe(e, "S1", "paul")?.role).toBe("GESTIONNAIRE_SECONDAIRE");
    const e2 = ok(modifierRole(e, { par: "paul", structureId: "S1", utilisateurId: "pierre", role: "UTILISATEUR" }, ctx())).state;
    expect(rattachementDe(e2, "S1", "pierre")?.role).toBe("UTILISATEUR");
  });

  it("refuses touching the principal, giving the principal role, or a no-op", () => {
    const e = peuple();
    expect(erreur(modifierRole(e, { par: "pierre", structureId: "S1", utilisateurId: "manuela", role: "UTILISATEUR" }, ctx()))._tag).toBe(
      "GestionnairePrincipalInamovible",
    );
    expect(erreur(modifierRole(e, { par: "manuela", structureId: "S1", utilisateurId: "pierre", role: "GESTIONNAIRE_PRINCIPAL" }, ctx()))._tag).toBe(
      "RolePrincipalParTransfertSeulement",
    );
    expect(erreur(modifierRole(e, { par: "manuela", structureId: "S1", utilisateurId: "paul", role: "UTILISATEUR" }, ctx()))._tag).toBe("RoleInchange");
    expect(erreur(modifierRole(e, { par: "manuela", structureId: "S1", utilisateurId: "lea", role: "UTILISATEUR" }, ctx()))._tag).toBe(
      "UtilisateurNonRattache",
    );
    expect(erreur(modifierRole(e, { par: "paul", structureId: "S1", utilisateurId: "pierre", role: "UTILISATEUR" }, ctx()))).toMatchObject({
      raison: "ROLE_INSUFFISANT",
    });
  });
});

describe("transfererGestionnairePrincipal", () => {
  it("hands the role over; the former principal becomes secondaire", () => {
    const r = ok(transfererGestionnairePrincipal(peuple(), { par: "manuela", structureId: "S1", nouveauPrincipalId: "pierre" }, ctx()));
    expect(gestionnairePrincipal(r.state, "S1")).toBe("pierre");
    expect(rattachementDe(r.state, "S1", "manuela")?.role).toBe("GESTIONNAIRE_SECONDAIRE");
    expect(membres(r.state, "S1").filter((m) => m.role === "GESTIONNAIRE_PRINCIPAL")).toHaveLength(1);
  });

  it("is refused to a gestionnaire secondaire", () => {
    expect(erreur(transfererGestionnairePrincipal(peuple(), { par: "pierre", structureId: "S1", nouveauPrincipalId: "pierre" }, ctx()))).toMatchObject({
      _tag: "NonAutorise",
      raison: "ROLE_INSUFFISANT",
    });
  });

  it("refuses a non-member or the principal themself as the new principal", () => {
    expect(erreur(transfererGestionnairePrincipal(peuple(), { par: "manuela", structureId: "S1", nouveauPrincipalId: "lea" }, ctx()))._tag).toBe(
      "UtilisateurNonRattache",
    );
    expect(erreur(transfererGestionnairePrincipal(peuple(), { par: "manuela", structureId: "S1", nouveauPrincipalId: "manuela" }, ctx()))._tag).toBe(
      "RoleInchange",
    );
  });
});

describe("detacher", () => {
  it("lets a user leave and a gestionnaire detach a user", () => {
    expect(rattachementDe(ok(detacher(peuple(), { par: "paul", structureId: "S1", utilisateurId: "paul" }, ctx())).state, "S1", "paul")).toBeUndefined();
    const r = ok(detacher(peuple(), { par: "pierre", structureId: "S1", utilisateurId: "paul" }, ctx()));
    expect(r.events[0]).toMatchObject({ _tag: "UtilisateurDetache", ancienRole: "UTILISATEUR", parId: "pierre" });
  });

  it("refuses detaching the principal, even by themself, and detaching by a simple user", () => {
    expect(erreur(detacher(peuple(), { par: "manuela", structureId: "S1", utilisateurId: "manuela" }, ctx()))._tag).toBe("GestionnairePrincipalInamovible");
    expect(erreur(detacher(peuple(), { par: "pierre", structureId: "S1", utilisateurId: "manuela" }, ctx()))._tag).toBe("GestionnairePrincipalInamovible");
    expect(erreur(detacher(peuple(), { par: "paul", structureId: "S1", utilisateurId: "pierre" }, ctx()))).toMatchObject({ raison: "ROLE_INSUFFISANT" });
    expect(erreur(detacher(peuple(), { par: "lea", structureId: "S1", utilisateurId: "lea" }, ctx()))._tag).toBe("UtilisateurNonRattache");
  });
});

describe("acteurUtilisateur", () => {
  it("reads the user's rattachements from the state", () => {
    expect(acteurUtilisateur(peuple(), "paul")).toEqual({
      _tag: "Utilisateur",
      id: "paul",
      rattachements: [{ structureId: "S1", serviceId: "SV1", role: "UTILISATEUR" }],
      habilitations: [],
    });
  });
});
