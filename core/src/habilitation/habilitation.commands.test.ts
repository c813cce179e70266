import { Either } from "effect";
import { describe, expect, it } from "vitest";
import { autoriser, type ActeurUtilisateur, type EspaceOuvrable } from "../autorisation/index.js";
import { contexteDeterministe } from "../shared/index.js";
import {
  abonnementsEnAttente,
  attribuerHabilitation,
  demanderAbonnement,
  espacesAccessibles,
  etatHabilitationsVide,
  habilitationsDe,
  mesHabilitations,
  ouvrirEspace,
  refuserAbonnement,
  revoquerHabilitation,
  surUtilisateurDetache,
  validerAbonnement,
  type EtatHabilitations,
} from "./index.js";

const ctx = () => contexteDeterministe(new Date("2026-04-01T10:00:00Z"), "h");
const ok = <A, E>(r: Either.Either<A, E>): A => {
  if (Either.isLeft(r)) throw new Error(`attendu un succès, obtenu ${String(r.left)}`);
  return r.right;
};
const erreur = <A, E>(r: Either.Either<A, E>): E => {
  if (Either.isRight(r)) throw new Error("attendu un refus");
  return r.left;
};

const FJ: ReadonlyArray<EspaceOuvrable> = ["MEMOIRES_DE_FRAIS_DE_JUSTICE"];
const manuela: ActeurUtilisateur = { _tag: "Utilisateur", id: "manuela", rattachements: [{ structureId: "S1", role: "GESTIONNAIRE_PRINCIPAL" }], habilitations: [] };
const paul: ActeurUtilisateur = { _tag: "Utilisateur", id: "paul", rattachements: [{ structureId: "S1", role: "UTILISATEUR" }], habilitations: [] };
const pourPaul = (etat: EtatHabilitations): ActeurUtilisateur => ({ ...paul, habilitations: habilitationsDe(etat, "paul") });

const attribuer = (etat: EtatHabilitations, mode: "CONSULTATION" | "MODIFICATION", serviceId?: string) =>
  attribuerHabilitation(
    etat,
    {
      acteur: manuela,
      espacesOuverts: FJ,
      rattachementsDuBeneficiaire: paul.rattachements,
      donnees: { utilisateurId: "paul", structureId: "S1", ...(serviceId === undefined ? {} : { serviceId }), application: "FRAIS_DE_JUSTICE", mode },
    },
    ctx(),
  );

describe("attribuerHabilitation", () => {
  it("gives a profile that autoriser then reads", () => {
    const r = ok(attribuer(etatHabilitationsVide, "CONSULTATION"));
    expect(r.events[0]).toMatchObject({ _tag: "HabilitationAttribuee", mode: "CONSULTATION", ancienMode: undefined, parId: "manuela" });
    const cible = { _tag: "Structure", structureId: "S1", espacesOuverts: FJ } as const;
    expect(Either.isRight(autoriser(pourPaul(r.state), "memoire.consulter", cible))).toBe(true);
    expect(Either.isRight(autoriser(pourPaul(r.state), "memoire.modifier", cible))).toBe(false);
  });

  it("replaces the mode rather than stacking profiles, and refuses the same mode twice", () => {
    const e = ok(attribuer(etatHabilitationsVide, "CONSULTATION")).state;
    const r = ok(attribuer(e, "MODIFICATION"));
    expect(r.state.habilitations).toHaveLength(1);
    expect(r.events[0]).toMatchObject({ mode: "MODIFICATION", ancienMode: "CONSULTATION" });
    expect(erreur(attribuer(r.state, "MODIFICATION"))).toMatchObject({ _tag: "HabilitationDejaAttribuee", profil: "Frais de justice modification" });
  });

  it("keeps a service habilitation apart from the whole-structure one", () => {
    const e = ok(attribuer(etatHabilitationsVide, "CONSULTATION")).state;
    expect(ok(attribuer(e, "MODIFICATION", "SV1")).state.habilitations).toHaveLength(2);
  });

  it("is refused to a simple user, for a non-attached beneficiary, when the espace is closed", () => {
    const donnees = { utilisateurId: "paul", structureId: "S1", application: "FRAIS_DE_JUSTICE", mode: "MODIFICATION" } as const;
    expect(
      erreur(attribuerHabilitation(etatHabilitationsVide, { acteur: paul, espacesOuverts: FJ, rattachementsDuBeneficiaire: paul.rattachements, donnees }, ctx())),
    ).toMatchObject({ _tag: "NonAutorise", raison: "ROLE_INSUFFISANT" });
    expect(erreur(attribuerHabilitation(etatHabilitationsVide, { acteur: manuela, espacesOuverts: FJ, rattachementsDuBeneficiaire: [], donnees }, ctx()))._tag).toBe(
      "BeneficiaireNonRattache",
    );
    expect(
      erreur(attribuerHabilitation(etatHabilitationsVide, { acteur: manuela, espacesOuverts: [], rattachementsDuBeneficiaire: paul.rattachements, donnees }, ctx())),
    ).toMatchObject({ _tag: "EspaceNonOuvert", espace: "MEMOIRES_DE_FRAIS_DE_JUSTICE" });
  });

  it("names every invalid field", () => {
    const e = erreur(
      attribuerHabilitation(
        etatHabilitationsVide,
        { acteur: manuela, espacesOuverts: FJ, rattachementsDuBeneficiaire: [], donnees: { utilisateurId: "", structureId: "S1", application: "X" as "FACTURES_EMISES", mode: "LECTURE" as "CONSULTATION" } },
        ctx(),
      ),
    );
    expect(e._tag === "SaisieInvalide" && e.erreurs.map((x) => x.chemin)).toEqual(["utilisateurId", "application", "mode"]);
  });
});

describe("revoquerHabilitation / surUtilisateurDetache", () => {
  it("removes a habilitation, by a gestionnaire only", () => {
    const e = ok(attribuer(etatHabilitationsVide, "MODIFICATION")).state;
    const id = e.habilitations[0]?.id ?? "";
    expect(erreur(revoquerHabilitation(e, { acteur: paul, espacesOuverts: FJ, donnees: { habilitationId: id } }, ctx()))).toMatchObject({ raison: "ROLE_INSUFFISANT" });
    expect(ok(revoquerHabilitation(e, { acteur: manuela, espacesOuverts: FJ, donnees: { habilitationId: id } }, ctx())).state.habilitations).toEqual([]);
    expect(erreur(revoquerHabilitation(e, { acteur: manuela, espacesOuverts: FJ, donnees: { habilitationId: "nope" } }, ctx()))._tag).toBe("HabilitationIntrouvable");
  });

  it("drops what a detached user held on that structure only", () => {
    let e = ok(attribuer(etatHabilitationsVide, "MODIFICATION")).state;
    e = { ...e, habilitations: [...e.habilitations, { ...e.habilitations[0]!, id: "autre", structureId: "S2" }] };
    const r = surUtilisateurDetache(e, { structureId: "S1", utilisateurId: "paul" }, ctx());
    expect(r.state.habilitations.map((h) => h.structureId)).toEqual(["S2"]);
    expect(r.events).toHaveLength(1);
  });
});

describe("abonnements", () => {
  const demander = (etat: EtatHabilitations, espacesOuverts: ReadonlyArray<EspaceOuvrable> = FJ, mode: "CONSULTATION" | "MODIFICATION" = "MODIFICATION") =>
    demanderAbonnement(etat, { acteur: pourPaul(etat), espacesOuverts, donnees: { structureId: "S1", espace: "MEMOIRES_DE_FRAIS_DE_JUSTICE", mode } }, ctx());

  it("a simple user asks, a gestionnaire validates: the habilitation is given", () => {
    const e = ok(demander(etatHabilitationsVide)).state;
    const demande = abonnementsEnAttente(e, "S1")[0];
    expect(demande).toMatchObject({ utilisateurId: "paul", espace: "MEMOIRES_DE_FRAIS_DE_JUSTICE", mode: "MODIFICATION" });
    const r = ok(validerAbonnement(e, { acteur: manuela, espacesOuverts: FJ, donnees: { demandeId: demande?.id ?? "" } }, ctx()));
    expect(r.events.map((x) => x._tag)).toEqual(["AbonnementValide", "HabilitationAttribuee"]);
    expect(habilitationsDe(r.state, "paul")).toEqual([{ structureId: "S1", application: "FRAIS_DE_JUSTICE", mode: "MODIFICATION" }]);
    expect(abonnementsEnAttente(r.state, "S1")).toEqual([]);
  });

  it("refuses a request on a closed espace, a duplicate request, a request already granted", () => {
    expect(erreur(demander(etatHabilitationsVide, []))._tag).toBe("EspaceNonOuvert");
    const e = ok(demander(etatHabilitationsVide)).state;
    expect(erreur(demander(e))._tag).toBe("AbonnementDejaDemande");
    const accorde = ok(attribuer(etatHabilitationsVide, "MODIFICATION")).state;
    expect(erreur(demander(accorde, FJ, "CONSULTATION"))._tag).toBe("HabilitationDejaAttribuee");
  });

  it("refuses a request from a user not attached to the structure", () => {
    const etranger: ActeurUtilisateur = { ...paul, id: "zoe", rattachements: [] };
    expect(
      erreur(demanderAbonnement(etatHabilitationsVide, { acteur: etranger, espacesOuverts: FJ, donnees: { structureId: "S1", espace: "ENGAGEMENTS", mode: "CONSULTATION" } }, ctx())),
    ).toMatchObject({ raison: "NON_RATTACHE" });
  });

  it("lets only a gestionnaire treat a request; a refusal gives nothing", () => {
    const e = ok(demander(etatHabilitationsVide)).state;
    const demandeId = e.abonnements[0]?.id ?? "";
    expect(erreur(validerAbonnement(e, { acteur: paul, espacesOuverts: FJ, donnees: { demandeId } }, ctx()))).toMatchObject({ raison: "ROLE_INSUFFISANT" });
    const r = ok(refuserAbonnement(e, { acteur: manuela, espacesOuverts: FJ, donnees: { demandeId, motif: "pas besoin" } }, ctx()));
    expect(r.state).toEqual(etatHabilitationsVide);
    expect(r.events[0]).toMatchObject({ _tag: "AbonnementRefuse", motif: "pas besoin" });
    expect(erreur(refuserAbonnement(r.state, { acteur: manuela, espacesOuverts: FJ, donnees: { demandeId } }, ctx()))._tag).toBe("DemandeAbonnementIntrouvable");
  });
});

describe("ouvrirEspace", () => {
  const structure = { id: "S1", raisonSociale: "Les Délices de Savoie", espacesOuverts: [] as ReadonlyArray<EspaceOuvrable> };

  it("opens an espace on the structure record, keeping its other fields", () => {
    const r = ok(ouvrirEspace(structure, { acteur: manuela, donnees: { espace: "ENGAGEMENTS" } }, ctx()));
    expect(r.state).toEqual({ ...structure, espacesOuverts: ["ENGAGEMENTS"] });
    expect(erreur(ouvrirEspace(r.state, { acteur: manuela, donnees: { espace: "ENGAGEMENTS" } }, ctx()))._tag).toBe("EspaceDejaOuvert");
  });

  it("refuses a simple user and a default espace", () => {
    expect(erreur(ouvrirEspace(structure, { acteur: paul, donnees: { espace: "ENGAGEMENTS" } }, ctx()))).toMatchObject({ raison: "ROLE_INSUFFISANT" });
    const e = erreur(ouvrirEspace(structure, { acteur: manuela, donnees: { espace: "MON_COMPTE" as "ENGAGEMENTS" } }, ctx()));
    expect(e._tag === "SaisieInvalide" && e.erreurs.map((x) => x.chemin)).toEqual(["espace"]);
  });
});

describe("views", () => {
  it("renders « Mes habilitations » like the portal (seed 001)", () => {
    const heloise: ActeurUtilisateur = {
      _tag: "Utilisateur",
      id: "gest",
      rattachements: [
        { structureId: "82860152600019", role: "GESTIONNAIRE_PRINCIPAL" },
        { structureId: "1980193161FERDINANDHELOISE1", role: "GESTIONNAIRE_PRINCIPAL" },
      ],
      habilitations: [],
    };
    const beneficiaire = [
      { structureId: "82860152600019", role: "UTILISATEUR" as const },
      { structureId: "1980193161FERDINANDHELOISE1", role: "UTILISATEUR" as const },
    ];
    let e = etatHabilitationsVide;
    for (const [structureId, serviceId, mode] of [
      ["82860152600019", undefined, "MODIFICATION"],
      ["1980193161FERDINANDHELOISE1", undefined, "CONSULTATION"],
      ["1980193161FERDINANDHELOISE1", "SV1", "MODIFICATION"],
    ] as const) {
      e = ok(
        attribuerHabilitation(
          e,
          {
            acteur: heloise,
            espacesOuverts: FJ,
            rattachementsDuBeneficiaire: beneficiaire,
            donnees: { utilisateurId: "heloise", structureId, ...(serviceId === undefined ? {} : { serviceId }), application: "FRAIS_DE_JUSTICE", mode },
          },
          ctx(),
        ),
      ).state;
    }
    const raisons: Record<string, string> = { "82860152600019": "RIDET", "1980193161FERDINANDHELOISE1": "Dupliquat de Bonjean" };
    const lignes = mesHabilitations(e, "heloise", { raisonSociale: (id) => raisons[id], libelleService: () => "Expertises" });
    expect(lignes.map((l) => [l.structureId, l.raisonSociale, l.codeService, l.libelleService, l.profil])).toEqual([
      ["1980193161FERDINANDHELOISE1", "Dupliquat de Bonjean", undefined, undefined, "Frais de justice consultation"],
      ["1980193161FERDINANDHELOISE1", "Dupliquat de Bonjean", "SV1", "Expertises", "Frais de justice modification"],
      ["82860152600019", "RIDET", undefined, undefined, "Frais de justice modification"],
    ]);
    expect(lignes[0]?.depuis).toEqual(new Date("2026-04-01T10:00:00Z"));
    expect(mesHabilitations(e, "personne")).toEqual([]);
  });

  it("shows each user the espaces of their role and habilitations (seed 004)", () => {
    const ouverts: ReadonlyArray<EspaceOuvrable> = ["MEMOIRES_DE_FRAIS_DE_JUSTICE", "ENGAGEMENTS"];
    expect(espacesAccessibles(manuela, "S1", ouverts)).toEqual([
      "ACTIVITES_DU_GESTIONNAIRE",
      "MON_COMPTE",
      "SOLLICITATIONS_EMISES",
      "MEMOIRES_DE_FRAIS_DE_JUSTICE",
      "ENGAGEMENTS",
    ]);
    expect(espacesAccessibles(paul, "S1", ouverts)).toEqual(["MON_COMPTE", "SOLLICITATIONS_EMISES"]);
    const habilite = { ...paul, habilitations: [{ structureId: "S1", application: "FRAIS_DE_JUSTICE", mode: "CONSULTATION" }] } as const;
    expect(espacesAccessibles(habilite, "S1", ouverts)).toEqual(["MON_COMPTE", "SOLLICITATIONS_EMISES", "MEMOIRES_DE_FRAIS_DE_JUSTICE"]);
    expect(espacesAccessibles(paul, "S2", ouverts)).toEqual([]);
  });
});
