/**
 * Invariants of the rattachement module under random command sequences by random actors.
 */
import { Either } from "effect";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { contexteDeterministe, type Contexte } from "../shared/index.js";
import {
  accepterRattachement,
  demanderRattachement,
  detacher,
  etatRattachementsVide,
  fonderStructure,
  gestionnairePrincipal,
  modifierRole,
  rattachementDe,
  refuserRattachement,
  transfererGestionnairePrincipal,
  type EtatRattachements,
  type ResultatRattachement,
} from "./index.js";

const UTILISATEURS = ["u0", "u1", "u2", "u3", "u4"] as const;
const STRUCTURES = ["S0", "S1"] as const;
const ROLES = ["GESTIONNAIRE_PRINCIPAL", "GESTIONNAIRE_SECONDAIRE", "UTILISATEUR"] as const;

type Commande =
  | { type: "fonder"; structureId: string; createurId: string }
  | { type: "demander"; utilisateurId: string; structureId: string; serviceId: string | undefined }
  | { type: "accepter"; par: string; demande: number; role: (typeof ROLES)[number] }
  | { type: "refuser"; par: string; demande: number }
  | { type: "modifierRole"; par: string; structureId: string; utilisateurId: string; role: (typeof ROLES)[number] }
  | { type: "transferer"; par: string; structureId: string; nouveauPrincipalId: string }
  | { type: "detacher"; par: string; structureId: string; utilisateurId: string };

const u = fc.constantFrom(...UTILISATEURS);
/** Who: a named user (often a stranger), or the n-th member of the structure acted upon (resolved at run time). */
type Qui = string | number;
const qui: fc.Arbitrary<Qui> = fc.oneof(u, fc.nat(4));
const s = fc.constantFrom(...STRUCTURES);
const role = fc.constantFrom(...ROLES);

const fonder = fc.record({ type: fc.constant("fonder" as const), structureId: s, createurId: u });
type CommandeAbstraite =
  | Extract<Commande, { type: "fonder" | "demander" }>
  | { type: "accepter"; par: Qui; demande: number; role: (typeof ROLES)[number] }
  | { type: "refuser"; par: Qui; demande: number }
  | { type: "modifierRole"; par: Qui; structureId: string; utilisateurId: Qui; role: (typeof ROLES)[number] }
  | { type: "transferer"; par: Qui; structureId: string; nouveauPrincipalId: Qui }
  | { type: "detacher"; par: Qui; structureId: string; utilisateurId: Qui };

const commande: fc.Arbitrary<CommandeAbstraite> = fc.oneof(
  { weight: 1, arbitrary: fonder },
  { weight: 4, arbitrary: fc.record({ type: fc.constant("demander" as const), utilisateurId: u, structureId: s, serviceId: fc.constantFrom(undefined, "A") }) },
  { weight: 4, arbitrary: fc.record({ type: fc.constant("accepter" as const), par: qui, demande: fc.nat(5), role }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant("refuser" as const), par: qui, demande: fc.nat(5) }) },
  { weight: 5, arbitrary: fc.record({ type: fc.constant("modifierRole" as const), par: qui, structureId: s, utilisateurId: qui, role }) },
  { weight: 4, arbitrary: fc.record({ type: fc.constant("transferer" as const), par: qui, structureId: s, nouveauPrincipalId: qui }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant("detacher" as const), par: qui, structureId: s, utilisateurId: qui }) },
);
/** A sequence starts with a structure being created, then anything. */
const sequence = fc.tuple(fonder, fc.array(commande, { minLength: 20, maxLength: 60 })).map(([premiere, suite]) => [premiere, ...suite]);

const resoudre = (etat: EtatRattachements, structureId: string | undefined, q: Qui): string => {
  if (typeof q === "string") return q;
  const m = etat.rattachements.filter((r) => r.structureId === structureId);
  return m[q % Math.max(1, m.length)]?.utilisateurId ?? "u0";
};

const concretiser = (etat: EtatRattachements, c: CommandeAbstraite): Commande => {
  switch (c.type) {
    case "fonder":
    case "demander":
      return c;
    case "accepter":
    case "refuser": {
      const structureId = etat.demandes.find((d) => d.id === demandeId(etat, c.demande))?.structureId;
      return { ...c, par: resoudre(etat, structureId, c.par) };
    }
    case "modifierRole":
    case "detacher":
      return { ...c, par: resoudre(etat, c.structureId, c.par), utilisateurId: resoudre(etat, c.structureId, c.utilisateurId) };
    case "transferer":
      return { ...c, par: resoudre(etat, c.structureId, c.par), nouveauPrincipalId: resoudre(etat, c.structureId, c.nouveauPrincipalId) };
  }
};

const demandeId = (etat: EtatRattachements, i: number): string => etat.demandes[i % Math.max(1, etat.demandes.length)]?.id ?? "aucune";

const executer = (etat: EtatRattachements, c: Commande, ctx: Contexte): Either.Either<ResultatRattachement, { readonly _tag: string }> => {
  switch (c.type) {
    case "fonder":
      return fonderStructure(etat, c, ctx);
    case "demander":
      return demanderRattachement(etat, c.serviceId === undefined ? { utilisateurId: c.utilisateurId, structureId: c.structureId } : { ...c }, ctx);
    case "accepter":
      return accepterRattachement(etat, { par: c.par, demandeId: demandeId(etat, c.demande), role: c.role }, ctx);
    case "refuser":
      return refuserRattachement(etat, { par: c.par, demandeId: demandeId(etat, c.demande) }, ctx);
    case "modifierRole":
      return modifierRole(etat, c, ctx);
    case "transferer":
      return transfererGestionnairePrincipal(etat, c, ctx);
    case "detacher":
      return detacher(etat, c, ctx);
  }
};

/** The structure a command acts on (through the request for accept/refuse). */
const structureDe = (etat: EtatRattachements, c: Commande): string | undefined => {
  switch (c.type) {
    case "accepter":
    case "refuser":
      return etat.demandes.find((d) => d.id === demandeId(etat, c.demande))?.structureId;
    case "fonder":
    case "demander":
    case "modifierRole":
    case "transferer":
    case "detacher":
      return c.structureId;
  }
};

/** The acting user of an administration command (`undefined`: a user acting for themself). */
const administrateur = (c: Commande): string | undefined => {
  switch (c.type) {
    case "fonder":
    case "demander":
      return undefined;
    case "detacher":
      return c.par === c.utilisateurId ? undefined : c.par;
    case "accepter":
    case "refuser":
    case "modifierRole":
    case "transferer":
      return c.par;
  }
};

const avecPar = (c: Commande, par: string): Commande => ("par" in c ? { ...c, par } : c);

const gele = <T>(o: T): T => {
  if (typeof o === "object" && o !== null && !(o instanceof Date)) {
    for (const v of Object.values(o)) gele(v);
    Object.freeze(o);
  }
  return o;
};

const verifierInvariants = (etat: EtatRattachements): void => {
  for (const structureId of new Set(etat.rattachements.map((r) => r.structureId))) {
    const principaux = etat.rattachements.filter((r) => r.structureId === structureId && r.role === "GESTIONNAIRE_PRINCIPAL");
    expect(principaux, `exactement un gestionnaire principal pour ${structureId}`).toHaveLength(1);
  }
  const paires = etat.rattachements.map((r) => `${r.structureId}/${r.utilisateurId}`);
  expect(new Set(paires).size, "au plus un rattachement par utilisateur et structure").toBe(paires.length);
  for (const d of etat.demandes) {
    expect(rattachementDe(etat, d.structureId, d.utilisateurId), "pas de demande d'un membre").toBeUndefined();
  }
};

describe("rattachement invariants under random command sequences", () => {
  it("keep one principal per structure, the creator first; only the principal transfers; refusals change nothing", () => {
    const acceptees: Record<Commande["type"], number> = { fonder: 0, demander: 0, accepter: 0, refuser: 0, modifierRole: 0, transferer: 0, detacher: 0 };
    fc.assert(
      fc.property(sequence, (commandes) => {
        const ctx = contexteDeterministe(new Date("2026-01-05T08:00:00Z"), "d");
        let etat: EtatRattachements = gele(etatRattachementsVide);
        for (const abstraite of commandes) {
          const c = concretiser(etat, abstraite);
          const avant = structuredClone(etat);
          const structureId = structureDe(etat, c);
          const principalAvant = structureId === undefined ? undefined : gestionnairePrincipal(etat, structureId);
          const admin = administrateur(c);
          const roleAdmin = admin === undefined || structureId === undefined ? undefined : rattachementDe(etat, structureId, admin)?.role;
          const r = executer(etat, c, ctx);

          // commands never mutate the state they are given; a refused command leaves it as it was
          expect(etat).toEqual(avant);
          if (Either.isLeft(r)) {
            // a user cannot act on a structure they are not attached to
            if (admin !== undefined && structureId !== undefined && roleAdmin === undefined) {
              expect(r.left).toMatchObject({ _tag: "NonAutorise", raison: "NON_RATTACHE" });
            }
            continue;
          }
          acceptees[c.type] += 1;
          const apres = gele(r.right.state);
          verifierInvariants(apres);

          if (c.type === "fonder") expect(gestionnairePrincipal(apres, c.structureId)).toBe(c.createurId);
          // administration needs a gestionnaire; changing the principal needs the principal
          if (admin !== undefined) expect(roleAdmin === "GESTIONNAIRE_PRINCIPAL" || roleAdmin === "GESTIONNAIRE_SECONDAIRE").toBe(true);
          if (structureId !== undefined && c.type !== "fonder") {
            const principalApres = gestionnairePrincipal(apres, structureId);
            if (principalApres !== principalAvant) {
              expect(c.type).toBe("transferer");
              expect(roleAdmin).toBe("GESTIONNAIRE_PRINCIPAL");
              if (c.type === "transferer") expect(rattachementDe(apres, structureId, c.par)?.role).toBe("GESTIONNAIRE_SECONDAIRE");
            }
          }
          // a secondaire can do whatever the principal did, except changing the principal
          if (admin !== undefined && structureId !== undefined && roleAdmin === "GESTIONNAIRE_PRINCIPAL") {
            const secondaire = etat.rattachements.find((x) => x.structureId === structureId && x.role === "GESTIONNAIRE_SECONDAIRE");
            if (secondaire !== undefined) {
              const parSecondaire = executer(etat, avecPar(c, secondaire.utilisateurId), ctx);
              if (c.type === "transferer") {
                expect(Either.isLeft(parSecondaire) && parSecondaire.left._tag).toBe("NonAutorise");
              } else if (!(c.type === "detacher" && c.utilisateurId === secondaire.utilisateurId)) {
                expect(Either.isRight(parSecondaire) && parSecondaire.right.state).toEqual(apres);
              }
            }
          }
          etat = apres;
        }
      }),
      { numRuns: 600 },
    );
    // the generator must exercise every command when accepted, not only refusals
    for (const n of Object.values(acceptees)) expect(n).toBeGreaterThan(20);
  });
});
