import { Either, Option } from "effect";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { contexteDeterministe, type Contexte } from "../shared/index.js";
import {
  activerCompte,
  changerMotDePasse,
  creerUtilisateur,
  emettreLienActivation,
  enregistrerConnexionReussie,
  enregistrerEchecConnexion,
  estVerrouille,
  joursAvantExpiration,
} from "./utilisateur.commands.js";
import { normaliserEmail, raisonEmailInvalide, REGLES_COMPTE, type Utilisateur } from "./utilisateur.model.js";
import { groupeDe, verifierMotDePasse } from "./utilisateur.mot-de-passe.js";

const t0 = new Date("2026-03-02T09:00:00Z");
const a = (heures: number): Contexte => contexteDeterministe(new Date(t0.getTime() + heures * 3_600_000), "u");
const gauche = <R, L>(e: Either.Either<R, L>): L => Either.getOrThrowWith(Either.flip(e), () => new Error("expected a Left"));
const MDP = { motDePasse: "Interprète-2026", hashMotDePasse: "argon2id$v=19$opaque" };

const nouveau = (): Utilisateur =>
  Either.getOrThrow(creerUtilisateur({ donnees: { email: " Alexandre.Chevalier@Exemple.FR ", nom: "Chevalier", prenom: "Alexandre" }, secretActivation: "secret-42" }, a(0))).state;
const actif = (): Utilisateur => Either.getOrThrow(activerCompte(nouveau(), { jeton: "secret-42", ...MDP }, a(1))).state;

describe("e-mail", () => {
  it("trims and lower-cases the whole address", () => {
    expect(normaliserEmail("  Manuela.Martin@Outlook.FR ")).toBe("manuela.martin@outlook.fr");
  });

  it.each(["manuela.martin@outlook.fr", "gest_four25915950@cpp2017.fr", "a+b@x.co", "o'neil@exemple.xn--p1ai"])("accepts %s", (e) => {
    expect(raisonEmailInvalide(e)).toBeUndefined();
  });

  it.each([
    ["", "obligatoire"],
    ["manuela", "nom@domaine"],
    ["@outlook.fr", "nom@domaine"],
    ["manuela@", "nom@domaine"],
    ["manuela..martin@outlook.fr", "point"],
    [".manuela@outlook.fr", "point"],
    ["manuela@outlook", "domaine"],
    ["manuela@-outlook.fr", "domaine"],
    ["manuela@outlook.f1", "extension"],
    ["manu ela@outlook.fr", "caractère"],
    [`${"a".repeat(65)}@x.fr`, "64"],
  ])("refuses %s (%s)", (e, motif) => {
    expect(raisonEmailInvalide(e)).toContain(motif);
  });
});

describe("password policy (seed 002)", () => {
  it("accepts 12 characters with 3 groups, accents counting as special", () => {
    expect(verifierMotDePasse("Interprete2026")).toEqual([]);
    expect(verifierMotDePasse("interprète2026")).toEqual([]);
    expect(groupeDe("é")).toBe("SPECIAUX");
  });

  it("reports every unmet rule at once", () => {
    const r = verifierMotDePasse("abc");
    expect(r.map((x) => x._tag)).toEqual(["TropCourt", "GroupesInsuffisants"]);
    expect(r[0]).toMatchObject({ longueur: 3, minimum: 12 });
    expect(r[1]).toMatchObject({ presents: ["MINUSCULES"], manquants: ["MAJUSCULES", "CHIFFRES", "SPECIAUX"], minimum: 3 });
    expect(verifierMotDePasse("abcdefghijkl2").map((x) => x._tag)).toEqual(["GroupesInsuffisants"]);
    expect(verifierMotDePasse("Ab1!").map((x) => x._tag)).toEqual(["TropCourt"]);
  });

  it("counts characters, not UTF-16 units", () => {
    expect(verifierMotDePasse("😀😀😀😀😀😀Aa1").map((x) => x._tag)).toEqual(["TropCourt"]);
  });

  it("reports exactly the rules the password breaks (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme-ascii", maxLength: 30 }), (mdp) => {
        const groupes = new Set(Array.from(mdp, groupeDe)).size;
        const attendu = [...(mdp.length < 12 ? ["TropCourt"] : []), ...(groupes < 3 ? ["GroupesInsuffisants"] : [])];
        expect(verifierMotDePasse(mdp).map((x) => x._tag)).toEqual(attendu);
      }),
      { numRuns: 300 },
    );
  });
});

describe("activation", () => {
  it("creates a pending account with a link valid 72 hours, without the token in the events", () => {
    const r = Either.getOrThrow(creerUtilisateur({ donnees: { email: "Manuela.Martin@Outlook.fr", nom: "Martin", prenom: "Manuela" } }, a(0)));
    expect(r.state).toMatchObject({ email: "manuela.martin@outlook.fr", statut: "EN_ATTENTE_ACTIVATION", echecsConnexion: 0 });
    expect(r.state.activation).toEqual({ jeton: "u-000002", expireLe: new Date("2026-03-05T09:00:00Z") });
    expect(r.events.map((e) => e._tag)).toEqual(["UtilisateurCree", "LienActivationEmis"]);
    expect(JSON.stringify(r.events)).not.toContain("u-000002\"");
  });

  it("names every invalid field", () => {
    const e = gauche(creerUtilisateur({ donnees: { email: "pas-une-adresse", nom: "", prenom: "x" } }, a(0)));
    expect(e.erreurs.map((x) => x.chemin)).toEqual(["email", "nom"]);
  });

  it("activates with the right token before expiry and stores the hash", () => {
    const u = actif();
    expect(u).toMatchObject({ statut: "ACTIF", hashMotDePasse: MDP.hashMotDePasse, motDePasseModifieLe: a(1).maintenant });
    expect(u).not.toHaveProperty("activation");
  });

  it("refuses a wrong token, an expired link (at the exact expiry), a weak password", () => {
    expect(gauche(activerCompte(nouveau(), { jeton: "secret-43", ...MDP }, a(1)))._tag).toBe("JetonActivationInvalide");
    expect(gauche(activerCompte(nouveau(), { jeton: "secret-42", ...MDP }, a(72)))._tag).toBe("LienActivationExpire");
    expect(Either.isRight(activerCompte(nouveau(), { jeton: "secret-42", ...MDP }, contexteDeterministe(new Date(t0.getTime() + 72 * 3_600_000 - 1))))).toBe(true);
    const faible = gauche(activerCompte(nouveau(), { jeton: "secret-42", motDePasse: "court", hashMotDePasse: "h" }, a(1)));
    expect(faible._tag).toBe("MotDePasseNonConforme");
    if (faible._tag === "MotDePasseNonConforme") expect(faible.reglesNonRespectees).toHaveLength(2);
    expect(gauche(activerCompte(actif(), { jeton: "secret-42", ...MDP }, a(2)))._tag).toBe("StatutCompteIncompatible");
  });

  it("refuses malformed input field by field, never echoing the password", () => {
    const e = gauche(activerCompte(nouveau(), { jeton: "", motDePasse: 42 as unknown as string, hashMotDePasse: "" }, a(1)));
    expect(e._tag).toBe("SaisieInvalide");
    if (e._tag === "SaisieInvalide") {
      expect(e.erreurs.map((x) => x.chemin)).toEqual(["jeton", "motDePasse", "hashMotDePasse"]);
      expect(e.message).not.toContain("42");
    }
    expect(gauche(creerUtilisateur({ donnees: { email: "a@b.fr", nom: "A", prenom: "B" }, secretActivation: "" }, a(0))).erreurs).toEqual([
      { chemin: "secretActivation", raison: "obligatoire" },
    ]);
    expect(gauche(changerMotDePasse(actif(), { motDePasse: "Nouveau-mot-2026", hashMotDePasse: "" }, a(2)))._tag).toBe("SaisieInvalide");
  });

  it("issues a new link that replaces the expired one", () => {
    const relance = Either.getOrThrow(emettreLienActivation(nouveau(), { secretActivation: "secret-99" }, a(100))).state;
    expect(gauche(activerCompte(relance, { jeton: "secret-42", ...MDP }, a(101)))._tag).toBe("JetonActivationInvalide");
    expect(Either.isRight(activerCompte(relance, { jeton: "secret-99", ...MDP }, a(101)))).toBe(true);
  });

  it("honours a configured validity", () => {
    const regles = { ...REGLES_COMPTE, dureeValiditeActivationHeures: 24 };
    const u = Either.getOrThrow(creerUtilisateur({ donnees: { email: "a@b.fr", nom: "A", prenom: "B" } }, a(0), regles)).state;
    expect(u.activation?.expireLe).toEqual(a(24).maintenant);
  });
});

describe("password expiry (180 days)", () => {
  it("counts whole days left, as the portal shows them", () => {
    const u = actif();
    expect(joursAvantExpiration(u, a(1).maintenant)).toEqual(Option.some(180));
    expect(joursAvantExpiration(u, a(1 + 13 * 24 - 1).maintenant)).toEqual(Option.some(167));
    expect(joursAvantExpiration(u, a(1 + 180 * 24).maintenant)).toEqual(Option.some(0));
    expect(joursAvantExpiration(u, a(1 + 400 * 24).maintenant)).toEqual(Option.some(0));
    expect(joursAvantExpiration(nouveau(), a(1).maintenant)).toEqual(Option.none());
  });

  it("refuses a login with an expired password until it is changed", () => {
    const u = actif();
    expect(gauche(enregistrerConnexionReussie(u, a(1 + 180 * 24)))._tag).toBe("MotDePasseExpire");
    const change = Either.getOrThrow(changerMotDePasse(u, { motDePasse: "Nouveau-mot-2026", hashMotDePasse: "h2" }, a(1 + 180 * 24))).state;
    expect(Either.isRight(enregistrerConnexionReussie(change, a(1 + 180 * 24)))).toBe(true);
    expect(joursAvantExpiration(change, a(1 + 180 * 24).maintenant)).toEqual(Option.some(180));
  });
});

describe("lockout: 5 failures lock the account for 1 hour", () => {
  const echouer = (u: Utilisateur, fois: number, heure: number): Utilisateur => {
    let etat = u;
    for (let i = 0; i < fois; i += 1) etat = Either.getOrThrow(enregistrerEchecConnexion(etat, a(heure))).state;
    return etat;
  };

  it("locks at the fifth consecutive failure, for one hour exactly", () => {
    const quatre = echouer(actif(), 4, 2);
    expect(quatre.echecsConnexion).toBe(4);
    expect(estVerrouille(quatre, a(2).maintenant)).toBe(false);
    const r = Either.getOrThrow(enregistrerEchecConnexion(quatre, a(2)));
    expect(r.events.map((e) => e._tag)).toEqual(["ConnexionEchouee", "CompteVerrouille"]);
    expect(r.state.verrouilleJusquA).toEqual(a(3).maintenant);
    expect(estVerrouille(r.state, a(2.99).maintenant)).toBe(true);
    expect(estVerrouille(r.state, a(3).maintenant)).toBe(false);
    expect(gauche(enregistrerConnexionReussie(r.state, a(2.5)))._tag).toBe("CompteVerrouille");
    expect(gauche(enregistrerEchecConnexion(r.state, a(2.5)))._tag).toBe("CompteVerrouille");
    const apres = Either.getOrThrow(enregistrerConnexionReussie(r.state, a(3))).state;
    expect(apres.echecsConnexion).toBe(0);
    expect(apres).not.toHaveProperty("verrouilleJusquA");
  });

  it("a success resets the counter", () => {
    const quatre = echouer(actif(), 4, 2);
    const ok = Either.getOrThrow(enregistrerConnexionReussie(quatre, a(2))).state;
    expect(ok.echecsConnexion).toBe(0);
    expect(estVerrouille(echouer(ok, 4, 2), a(2).maintenant)).toBe(false);
  });

  it("never locks before 5 consecutive failures, always locks at the 5th (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 30 }), (tentatives) => {
        let u = actif();
        let consecutifs = 0;
        for (const reussie of tentatives) {
          const r = reussie ? enregistrerConnexionReussie(u, a(2)) : enregistrerEchecConnexion(u, a(2));
          if (estVerrouille(u, a(2).maintenant)) {
            expect(Either.isLeft(r)).toBe(true);
            continue;
          }
          u = Either.getOrThrow(r).state;
          consecutifs = reussie ? 0 : consecutifs + 1;
          expect(estVerrouille(u, a(2).maintenant)).toBe(consecutifs === 5);
          if (consecutifs === 5) consecutifs = 0;
        }
      }),
      { numRuns: 200 },
    );
  });
});
