/**
 * Property test of `autoriser` against an oracle written independently from the role matrix of
 * docs/autorisation.md (plain tables, no shared helper with the implementation).
 */
import { Either } from "effect";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ACTIONS,
  autoriser,
  estAutorise,
  type Acteur,
  type ActeurAgent,
  type ActeurUtilisateur,
  type Action,
  type Cible,
  type CibleMemoire,
  type CibleStructure,
  type EspaceOuvrable,
  type Habilitation,
} from "./index.js";

// ------------------------------------------------------------------------------------------
// Oracle: the matrix, as tables of strings.
// ------------------------------------------------------------------------------------------

const GESTIONNAIRES_SEULEMENT: ReadonlyArray<string> = [
  "structure.modifier",
  "structure.gerer-services",
  "structure.ouvrir-espace",
  "coordonnees-bancaires.gerer",
  "mandat.gerer",
  "rattachement.traiter",
  "rattachement.modifier-role",
  "rattachement.detacher",
  "abonnement.traiter",
  "habilitation.gerer",
];
const PRINCIPAL_SEULEMENT: ReadonlyArray<string> = ["rattachement.transferer-principal"];
/** Reading actions a simple user gets through a habilitation, with the application that must be held. */
const LECTURES: Readonly<Record<string, string>> = {
  "structure.consulter": "*",
  "coordonnees-bancaires.consulter": "FRAIS_DE_JUSTICE",
  "mandat.consulter": "FRAIS_DE_JUSTICE",
  "memoire.consulter": "FRAIS_DE_JUSTICE",
};
const ECRITURES: Readonly<Record<string, string>> = { "memoire.modifier": "FRAIS_DE_JUSTICE" };
const TOUT_RATTACHE: ReadonlyArray<string> = ["abonnement.demander", "ticket.emettre"];
const DANS_L_ESPACE_FDJ: ReadonlyArray<string> = ["memoire.consulter", "memoire.modifier"];

/** Court-side actions: who, and on what. */
const COTE_JURIDICTION: Readonly<Record<string, { roles: ReadonlyArray<string>; cibles: ReadonlyArray<string> }>> = {
  "memoire.consulter-juridiction": { roles: ["GREFFIER", "MAGISTRAT_TAXATEUR", "ORDONNATEUR", "COMPTABLE"], cibles: ["Memoire", "Juridiction"] },
  "memoire.prendre-en-charge": { roles: ["GREFFIER"], cibles: ["Memoire", "Juridiction"] },
  "memoire.certifier": { roles: ["GREFFIER"], cibles: ["Memoire", "Juridiction"] },
  "memoire.envoyer-en-taxation": { roles: ["GREFFIER"], cibles: ["Memoire", "Juridiction"] },
  "memoire.refuser": { roles: ["GREFFIER", "MAGISTRAT_TAXATEUR"], cibles: ["Memoire", "Juridiction"] },
  "memoire.taxer": { roles: ["MAGISTRAT_TAXATEUR"], cibles: ["Memoire", "Juridiction"] },
  "memoire.constater-forclusion": { roles: ["MAGISTRAT_TAXATEUR"], cibles: ["Memoire", "Juridiction"] },
  "memoire.constater-notification-taxe": { roles: ["GREFFIER"], cibles: ["Memoire", "Juridiction"] },
  "memoire.constater-recours-taxe": { roles: ["GREFFIER"], cibles: ["Memoire", "Juridiction"] },
  "memoire.constater-decision-recours": { roles: ["GREFFIER"], cibles: ["Memoire", "Juridiction"] },
  "memoire.valider-paiement": { roles: ["ORDONNATEUR"], cibles: ["Memoire", "Juridiction"] },
  "memoire.mettre-en-paiement": { roles: ["COMPTABLE"], cibles: ["Memoire", "Juridiction"] },
  "juridiction.administrer": { roles: ["ADMINISTRATEUR"], cibles: ["Juridiction"] },
  "agent.administrer": { roles: ["ADMINISTRATEUR"], cibles: ["Juridiction"] },
  "ticket.traiter": { roles: ["SUPPORT"], cibles: ["Global", "Juridiction"] },
  "reponse-type.administrer": { roles: ["SUPPORT"], cibles: ["Global"] },
};
const SYSTEME_SEULEMENT: ReadonlyArray<string> = ["memoire.transmettre", "ticket.cloturer-automatiquement"];

type Verdict = { ok: true; motif: string } | { ok: false; raison: string };

const oracleUtilisateur = (u: ActeurUtilisateur, action: string, cible: Cible): Verdict => {
  const prestataire =
    GESTIONNAIRES_SEULEMENT.includes(action) ||
    PRINCIPAL_SEULEMENT.includes(action) ||
    action in LECTURES ||
    action in ECRITURES ||
    TOUT_RATTACHE.includes(action);
  if (!prestataire) return { ok: false, raison: "ACTEUR_INCOMPATIBLE" };
  if (cible._tag !== "Structure" && cible._tag !== "Memoire") return { ok: false, raison: "CIBLE_INCOMPATIBLE" };
  const roles = u.rattachements.filter((r) => r.structureId === cible.structureId).map((r) => r.role);
  if (roles.length === 0) return { ok: false, raison: "NON_RATTACHE" };
  if (DANS_L_ESPACE_FDJ.includes(action)) {
    let ouvert = false;
    for (const e of cible.espacesOuverts ?? []) if (e === "MEMOIRES_DE_FRAIS_DE_JUSTICE") ouvert = true;
    if (!ouvert) return { ok: false, raison: "ESPACE_NON_OUVERT" };
  }
  if (roles.includes("GESTIONNAIRE_PRINCIPAL")) return { ok: true, motif: "GESTIONNAIRE_PRINCIPAL" };
  if (roles.includes("GESTIONNAIRE_SECONDAIRE")) {
    return PRINCIPAL_SEULEMENT.includes(action) ? { ok: false, raison: "ROLE_INSUFFISANT" } : { ok: true, motif: "GESTIONNAIRE_SECONDAIRE" };
  }
  if (GESTIONNAIRES_SEULEMENT.includes(action) || PRINCIPAL_SEULEMENT.includes(action)) return { ok: false, raison: "ROLE_INSUFFISANT" };
  if (TOUT_RATTACHE.includes(action)) return { ok: true, motif: "RATTACHEMENT" };
  const application = LECTURES[action] ?? ECRITURES[action];
  let consultation = false;
  let modification = false;
  for (const h of u.habilitations) {
    if (h.structureId !== cible.structureId) continue;
    if (h.serviceId !== undefined && h.serviceId !== cible.serviceId) continue;
    if (application !== "*" && h.application !== application) continue;
    if (h.mode === "MODIFICATION") modification = true;
    else consultation = true;
  }
  if (modification) return { ok: true, motif: "HABILITATION_MODIFICATION" };
  if (!consultation) return { ok: false, raison: "HABILITATION_ABSENTE" };
  return action in LECTURES ? { ok: true, motif: "HABILITATION_CONSULTATION" } : { ok: false, raison: "HABILITATION_CONSULTATION_SEULEMENT" };
};

const oracleAgent = (a: ActeurAgent, action: string, cible: Cible): Verdict => {
  const regle = COTE_JURIDICTION[action];
  if (regle === undefined) return { ok: false, raison: "ACTEUR_INCOMPATIBLE" };
  if (!regle.cibles.includes(cible._tag)) return { ok: false, raison: "CIBLE_INCOMPATIBLE" };
  if (!a.roles.some((r) => regle.roles.includes(r))) return { ok: false, raison: "ROLE_INSUFFISANT" };
  if (cible._tag === "Global") return a.perimetre.supportNational === true ? { ok: true, motif: "ROLE_AGENT" } : { ok: false, raison: "HORS_PERIMETRE" };
  const code = cible._tag === "Memoire" ? cible.juridiction.code : cible._tag === "Juridiction" ? cible.code : "";
  const cour = cible._tag === "Memoire" ? cible.juridiction.courAppel : cible._tag === "Juridiction" ? cible.courAppel : "";
  if (a.perimetre.juridictions.includes(code) || a.perimetre.coursAppel.includes(cour)) return { ok: true, motif: "ROLE_AGENT" };
  return { ok: false, raison: "HORS_PERIMETRE" };
};

const oracle = (acteur: Acteur, action: string, cible: Cible): Verdict => {
  if (acteur._tag === "Systeme") return SYSTEME_SEULEMENT.includes(action) ? { ok: true, motif: "SYSTEME" } : { ok: false, raison: "ACTEUR_INCOMPATIBLE" };
  if (acteur.actif === false) return { ok: false, raison: "COMPTE_INACTIF" };
  return acteur._tag === "Utilisateur" ? oracleUtilisateur(acteur, action, cible) : oracleAgent(acteur, action, cible);
};

// ------------------------------------------------------------------------------------------
// Generators
// ------------------------------------------------------------------------------------------

const STRUCTURES = ["S1", "S2", "S3"] as const;
const SERVICES = ["A", "B"] as const;
/** Juridictions and their cour d'appel (a cour d'appel is its own ressort's head). */
const JURIDICTIONS = [
  { code: "TJ-LYON", courAppel: "CA-LYON" },
  { code: "TJ-BOURG", courAppel: "CA-LYON" },
  { code: "CA-LYON", courAppel: "CA-LYON" },
  { code: "TJ-PARIS", courAppel: "CA-PARIS" },
  { code: "CPH-PARIS", courAppel: "CA-PARIS" },
  { code: "TJ-CAYENNE", courAppel: "CA-CAYENNE" },
] as const;
const COURS = ["CA-LYON", "CA-PARIS", "CA-CAYENNE"] as const;

const optionnel = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined });
const sansIndefini = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

const habilitation: fc.Arbitrary<Habilitation> = fc
  .record({
    structureId: fc.constantFrom(...STRUCTURES),
    serviceId: optionnel(fc.constantFrom(...SERVICES)),
    application: fc.constantFrom("FRAIS_DE_JUSTICE", "FACTURES_EMISES", "ENGAGEMENTS" as const),
    mode: fc.constantFrom("CONSULTATION", "MODIFICATION" as const),
  })
  .map((h) => sansIndefini(h) as Habilitation);

const actif = fc.constantFrom<boolean | undefined>(undefined, true, true, true, false);

const utilisateur: fc.Arbitrary<ActeurUtilisateur> = fc
  .record({
    rattachements: fc.array(
      fc
        .record({
          structureId: fc.constantFrom(...STRUCTURES),
          serviceId: optionnel(fc.constantFrom(...SERVICES)),
          role: fc.constantFrom("GESTIONNAIRE_PRINCIPAL", "GESTIONNAIRE_SECONDAIRE", "UTILISATEUR", "UTILISATEUR" as const),
        })
        .map((r) => sansIndefini(r) as ActeurUtilisateur["rattachements"][number]),
      { maxLength: 3 },
    ),
    habilitations: fc.array(habilitation, { maxLength: 4 }),
    actif,
  })
  .map(({ actif: a, ...u }) => ({ _tag: "Utilisateur" as const, id: "u", ...u, ...(a === undefined ? {} : { actif: a }) }));

const agent: fc.Arbitrary<ActeurAgent> = fc
  .record({
    roles: fc.subarray(["GREFFIER", "MAGISTRAT_TAXATEUR", "ORDONNATEUR", "COMPTABLE", "SUPPORT", "ADMINISTRATEUR"] as const),
    juridictions: fc.subarray(JURIDICTIONS.map((j) => j.code)),
    coursAppel: fc.subarray([...COURS], { maxLength: 1 }),
    supportNational: fc.option(fc.boolean(), { nil: undefined }),
    actif,
  })
  .map(({ roles, juridictions, coursAppel, supportNational, actif: a }) => ({
    _tag: "Agent" as const,
    id: "a",
    roles,
    perimetre: { juridictions, coursAppel, ...(supportNational === undefined ? {} : { supportNational }) },
    ...(a === undefined ? {} : { actif: a }),
  }));

const acteur: fc.Arbitrary<Acteur> = fc.oneof(
  { weight: 5, arbitrary: utilisateur },
  { weight: 4, arbitrary: agent },
  { weight: 1, arbitrary: fc.constant({ _tag: "Systeme" as const }) },
);

const espaces = fc.constantFrom<ReadonlyArray<EspaceOuvrable> | undefined>(
  undefined,
  [],
  ["MEMOIRES_DE_FRAIS_DE_JUSTICE"],
  ["FACTURES_EMISES", "MEMOIRES_DE_FRAIS_DE_JUSTICE"],
  ["ENGAGEMENTS"],
);

const cibleStructureOuMemoire: fc.Arbitrary<CibleStructure | CibleMemoire> = fc.oneof(
  fc
    .record({ structureId: fc.constantFrom(...STRUCTURES), serviceId: optionnel(fc.constantFrom(...SERVICES)), espacesOuverts: espaces })
    .map((c) => sansIndefini({ _tag: "Structure" as const, ...c }) as CibleStructure),
  fc
    .record({
      structureId: fc.constantFrom(...STRUCTURES),
      serviceId: optionnel(fc.constantFrom(...SERVICES)),
      espacesOuverts: espaces,
      juridiction: fc.constantFrom(...JURIDICTIONS),
    })
    .map((c) => sansIndefini({ _tag: "Memoire" as const, ...c }) as CibleMemoire),
);

const cible: fc.Arbitrary<Cible> = fc.oneof(
  { weight: 3, arbitrary: cibleStructureOuMemoire },
  { weight: 2, arbitrary: fc.constantFrom(...JURIDICTIONS).map((j): Cible => ({ _tag: "Juridiction", ...j })) },
  { weight: 1, arbitrary: fc.constant<Cible>({ _tag: "Global" }) },
);

// ------------------------------------------------------------------------------------------
// Properties
// ------------------------------------------------------------------------------------------

const ECRITURES_TOUTES: ReadonlyArray<Action> = ACTIONS.filter(
  (a) => !a.endsWith(".consulter") && a !== "memoire.consulter-juridiction",
);

let casGeneres = 0;

describe("autoriser against the oracle of the role matrix", () => {
  it("agrees with the oracle on every action, for the stated reason", () => {
    fc.assert(
      fc.property(acteur, cible, (qui, quoi) => {
        for (const action of ACTIONS) {
          casGeneres += 1;
          const attendu = oracle(qui, action, quoi);
          const obtenu = autoriser(qui, action, quoi);
          const verdict: Verdict = Either.isRight(obtenu)
            ? { ok: true, motif: obtenu.right.motif }
            : { ok: false, raison: obtenu.left.raison };
          const memeCible = Either.isRight(obtenu) ? obtenu.right.action === action : obtenu.left.action === action && obtenu.left.cible === quoi;
          // the boolean shortcut decides exactly like the function it abbreviates
          const memeBooleen = estAutorise(qui, action, quoi) === Either.isRight(obtenu);
          // plain comparison first: `expect` on 100,000+ cases is what would make this test slow
          if (!memeCible || !memeBooleen || JSON.stringify(verdict) !== JSON.stringify(attendu)) {
            expect({ action, verdict }).toEqual({ action, verdict: attendu });
            expect(memeCible).toBe(true);
            expect(memeBooleen).toBe(true);
          }
        }
      }),
      { numRuns: 6_000 },
    );
  });

  it("grants every allowed action through something the actor really holds", () => {
    fc.assert(
      fc.property(acteur, cible, fc.constantFrom(...ACTIONS), (qui, quoi, action) => {
        casGeneres += 1;
        const r = autoriser(qui, action, quoi);
        if (Either.isLeft(r)) return;
        const g = r.right;
        switch (g.motif) {
          case "GESTIONNAIRE_PRINCIPAL":
          case "GESTIONNAIRE_SECONDAIRE":
          case "RATTACHEMENT":
            expect(qui._tag).toBe("Utilisateur");
            if (qui._tag === "Utilisateur" && quoi._tag !== "Global" && quoi._tag !== "Juridiction") {
              expect(qui.rattachements.some((x) => x.structureId === quoi.structureId && x.role === g.role)).toBe(true);
            }
            break;
          case "HABILITATION_MODIFICATION":
          case "HABILITATION_CONSULTATION":
            expect(qui._tag === "Utilisateur" && g.habilitation !== undefined && qui.habilitations.includes(g.habilitation)).toBe(true);
            expect(g.habilitation?.mode).toBe(g.motif === "HABILITATION_MODIFICATION" ? "MODIFICATION" : "CONSULTATION");
            if (quoi._tag === "Structure" || quoi._tag === "Memoire") {
              expect(g.habilitation?.structureId).toBe(quoi.structureId);
              if (g.habilitation?.serviceId !== undefined) expect(g.habilitation.serviceId).toBe(quoi.serviceId);
            }
            break;
          case "ROLE_AGENT":
            expect(qui._tag === "Agent" && g.role !== undefined && (qui.roles as ReadonlyArray<string>).includes(g.role)).toBe(true);
            expect(COTE_JURIDICTION[action]?.roles).toContain(g.role);
            break;
          case "SYSTEME":
            expect(qui._tag).toBe("Systeme");
            break;
        }
      }),
      { numRuns: 20_000 },
    );
  });

  it("never lets a consultation habilitation write", () => {
    const lecteurEtCible = fc
      .tuple(cibleStructureOuMemoire, fc.array(habilitation, { maxLength: 4 }), fc.constantFrom(...SERVICES, undefined))
      .map(([quoi, habilitations, service]) => {
        const lecteur: ActeurUtilisateur = {
          _tag: "Utilisateur",
          id: "lecteur",
          rattachements: [{ structureId: quoi.structureId, ...(service === undefined ? {} : { serviceId: service }), role: "UTILISATEUR" }],
          // half of them on the target's own structure, all in consultation mode
          habilitations: habilitations.map((h, i) => ({ ...h, ...(i % 2 === 0 ? { structureId: quoi.structureId } : {}), mode: "CONSULTATION" })),
        };
        return [lecteur, quoi] as const;
      });
    fc.assert(
      fc.property(lecteurEtCible, fc.constantFrom(...ECRITURES_TOUTES), ([lecteur, quoi], action) => {
        casGeneres += 1;
        const r = autoriser(lecteur, action, quoi);
        if (TOUT_RATTACHE.includes(action)) expect(Either.isRight(r) && r.right.motif).toBe("RATTACHEMENT");
        else expect(Either.isRight(r)).toBe(false);
        const lecture = autoriser(lecteur, "memoire.consulter", quoi);
        if (Either.isRight(lecture)) expect(lecture.right.motif).toBe("HABILITATION_CONSULTATION");
      }),
      { numRuns: 10_000 },
    );
  });

  it("never lets an agent reach a juridiction outside their perimeter, nor a user the court side", () => {
    fc.assert(
      fc.property(acteur, cible, fc.constantFrom(...ACTIONS), (qui, quoi, action) => {
        casGeneres += 1;
        const r = autoriser(qui, action, quoi);
        if (Either.isLeft(r)) return;
        if (qui._tag === "Agent") {
          expect(action in COTE_JURIDICTION).toBe(true);
          if (quoi._tag === "Memoire" || quoi._tag === "Juridiction") {
            const j = quoi._tag === "Memoire" ? quoi.juridiction : quoi;
            expect(qui.perimetre.juridictions.includes(j.code) || qui.perimetre.coursAppel.includes(j.courAppel)).toBe(true);
          } else {
            expect(quoi._tag === "Global" && (action === "ticket.traiter" || action === "reponse-type.administrer") && qui.perimetre.supportNational === true).toBe(true);
          }
        }
        if (qui._tag === "Utilisateur") expect(action in COTE_JURIDICTION || SYSTEME_SEULEMENT.includes(action)).toBe(false);
      }),
      { numRuns: 10_000 },
    );
  });

  it("ran at least 100,000 generated cases", () => {
    expect(casGeneres).toBeGreaterThanOrEqual(100_000);
  });
});
