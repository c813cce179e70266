import { BigDecimal, Either } from "effect";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CertificatInvalide,
  empreinte,
  produireCertificat,
  serialisationCanonique,
  verifierCertificat,
  type Certificat,
} from "./memoire.certificat.js";
import { contexteDeterministe } from "../shared/index.js";
import type { ActeurAgent, ActeurUtilisateur } from "../autorisation/index.js";
import { creerBrouillon, unsafeExecuter, type Commande, type ContexteMemoire } from "./memoire.commands.js";
import type { Memoire } from "./memoire.model.js";
import { numerotationEnMemoire } from "./memoire.numerotation.js";
import { fabriquerMemoire, type LigneSaisie, type ParametresMemoire } from "./test-support/vues.fixtures.js";

const PRESTATAIRE = { identifiant: "31486913200048", raisonSociale: "COMPAGNIE FINANCIERE PRIVEE" };
const DATE_DEPOT = new Date("2019-07-25T08:30:00.000Z");

const certifier = (memoire: Memoire): Certificat =>
  produireCertificat(memoire, { dateDepot: memoire.envoyeLe ?? DATE_DEPOT, prestataire: PRESTATAIRE });

/** The worked example of docs/certificat.md: the seed's two-line mémoire MJ0000002117. */
const SERIALISATION_EXEMPLE =
  '{"attestationSurLHonneur":true,"dateDepot":"2019-07-25T08:30:00.000Z","duplicataDe":null,' +
  '"enTete":{"categoriePrestataire":"EXPERT","devise":"EUR","juridiction":{"code":"75","courAppel":"CA-PARIS","libelle":"JURIDICTION_LFR"},' +
  '"modeDepot":"SAISIE_WEB","numeroEngagementJuridique":null,"numeroFacture":null,"referenceCoordonneesBancaires":"rib-1",' +
  '"serviceId":null,"structureId":"31486913200048","texteReference":"Article R 92 CPP (procédure pénale)","typeTva":"TVA_SUR_DEBIT"},' +
  '"id":"memoire-2117",' +
  '"lignes":[{"autoriteRequerante":"TRIBUNAL_POLICE","datePrestation":"2019-07-24","dateRequisition":"2019-07-24","debours":"0.00",' +
  '"debut":null,"fin":null,"fraisDivers":"0.00","id":"ligne-1","numeroAffaire":"1","quantite":"1","remise":"0.00","tarifHt":"504.4",' +
  '"tauxTva":"20","typePrestation":"EXPERTISE_PSYCHIATRIQUE_PENAL_INSTRUCTION"},' +
  '{"autoriteRequerante":"JUGE_ENFANTS","datePrestation":"2019-07-24","dateRequisition":"2019-07-24","debours":"0.00",' +
  '"debut":null,"fin":null,"fraisDivers":"0.00","id":"ligne-2","numeroAffaire":"1","quantite":"1","remise":"0.00","tarifHt":"316.5",' +
  '"tauxTva":"20","typePrestation":"EXPERTISE_MEDICALE"}],' +
  '"montants":{"lignes":[{"ligneId":"ligne-1","montantHt":"504.40","montantPrestationHt":"504.40","montantTtc":"605.28","montantTva":"100.88"},' +
  '{"ligneId":"ligne-2","montantHt":"316.50","montantPrestationHt":"316.50","montantTtc":"379.80","montantTva":"63.30"}],' +
  '"montantDebours":"0.00","montantHt":"820.90","montantRemiseGlobaleTtc":"0.00","montantTtc":"985.08","montantTtcAvantRemiseGlobale":"985.08",' +
  '"montantTva":"164.18","recapitulatifTva":[{"baseHt":"820.90","montantTva":"164.18","tauxTva":"20"}]},' +
  '"numero":"MJ0000002117","numeroProvisoire":"TMP201900000004",' +
  '"piecesJointes":[{"designation":"Réquisition du tribunal de police","empreinte":"726c7f8a859693a5a1aeb4bfb9ccd7d2e3e0f2eefb010c0619241f302d3f3b48","id":"pj-1","ligneId":"ligne-1","nomFichier":"requisition.pdf","origine":"MEMOIRE","taille":"120000","type":"REQUISITION","typeContenu":"application/pdf"},' +
  '{"designation":"RIB","empreinte":"7270708785859c9a9ab1afafc6c4c4dbd9d9f0eeee0503031a18182f2d2d4442","id":"pj-2","ligneId":null,"nomFichier":"rib.pdf","origine":"STRUCTURE","taille":"40000","type":"COORDONNEE_BANCAIRE","typeContenu":"application/pdf"}],' +
  '"remiseGlobaleTtc":"0.00","v":"v1"}';

/** Pinned: recomputed independently with `printf '%s' "$json" | openssl dgst -sha256 -binary | base64`. */
const EMPREINTE_EXEMPLE = "RaHLC3WhraZrjOu6U0x7282ron0TRDSbGEYnyzzXNAg=";

describe("certificat de dépôt of the seed's mémoire", () => {
  const memoire = fabriquerMemoire();
  const certificat = certifier(memoire);

  it("serialises the worked example of docs/certificat.md exactly", () => {
    expect(serialisationCanonique(memoire)).toBe(SERIALISATION_EXEMPLE);
  });

  it("has the pinned empreinte, 44 base64 characters", () => {
    expect(certificat.empreinte).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(certificat.empreinte).toBe(EMPREINTE_EXEMPLE);
    expect(empreinte(memoire)).toBe(EMPREINTE_EXEMPLE);
  });

  it("agrees with an independent SHA-256 (WebCrypto) on the worked example", async () => {
    const octets = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(SERIALISATION_EXEMPLE)));
    expect(btoa(String.fromCharCode(...octets))).toBe(EMPREINTE_EXEMPLE);
  });

  it("carries the Récapitulatif's totals (HT après remise globale = TTC total − TVA)", () => {
    const m = certificat.montants;
    expect(
      [m.montantHtApresRemiseGlobale, m.montantTva, m.montantRemiseGlobaleTtc, m.montantTtcAvantRemiseGlobale, m.montantTtc].map(BigDecimal.format),
    ).toEqual(["820.9", "164.18", "0", "985.08", "985.08"]);
    expect(certificat).toMatchObject({
      version: "v1",
      numero: "MJ0000002117",
      dateDepot: DATE_DEPOT,
      prestataire: { structureId: "31486913200048", identifiant: "31486913200048", raisonSociale: "COMPAGNIE FINANCIERE PRIVEE" },
      juridiction: { code: "75", libelle: "JURIDICTION_LFR" },
    });
  });

  it("takes the remise globale off the HT après remise globale", () => {
    const m = certifier(fabriquerMemoire({ remiseGlobaleTtc: "85.08" })).montants;
    expect([m.montantHtApresRemiseGlobale, m.montantTva, m.montantRemiseGlobaleTtc, m.montantTtc].map(BigDecimal.format)).toEqual([
      "735.82",
      "164.18",
      "85.08",
      "900",
    ]);
  });

  it("verifies against the mémoire it was produced from", () => {
    const verification = verifierCertificat(memoire, certificat);
    expect(Either.isRight(verification) && verification.right).toMatchObject({ _tag: "CertificatValide", numero: "MJ0000002117" });
  });

  it("computes the empreinte with the date de dépôt it is given", () => {
    const { envoyeLe: _envoyeLe, ...numeroteNonDate } = memoire;
    const c = produireCertificat(numeroteNonDate, { dateDepot: DATE_DEPOT, prestataire: PRESTATAIRE });
    expect(c.empreinte).toBe(EMPREINTE_EXEMPLE);
  });

  it("refuses to certify a draft that has no MJ number yet", () => {
    expect(() => certifier(fabriquerMemoire({ numero: "TMP201900000004", envoyeLe: null }))).toThrow(/TMP201900000004/);
  });

  it("still verifies later in the mémoire's life: état, court-side records, redressement", () => {
    const plusTard: Memoire = {
      ...memoire,
      etat: "MIS_EN_PAIEMENT",
      etatLe: new Date("2019-09-30T10:00:00.000Z"),
      version: 9,
      empreinteDepot: certificat.empreinte,
      misADispositionLe: new Date("2019-07-25T09:00:00.000Z"),
      agentEnCharge: "greffier-1",
      certifieLe: new Date("2019-08-01T10:00:00.000Z"),
      valideLe: new Date("2019-08-15T10:00:00.000Z"),
      paiement: { date: "2019-09-30", reference: "PAI-1" } as Memoire["paiement"] & object,
      // a redressement rewrites the line and the current amounts; the requested ones are kept
      lignes: memoire.lignes.map((l, i) => (i === 0 ? { ...l, quantite: BigDecimal.unsafeFromString("0.5") } : l)),
      redressements: [
        {
          ligneId: "ligne-1",
          quantite: BigDecimal.unsafeFromString("0.5"),
          motif: "demi-expertise",
          quantiteAvant: memoire.lignes[0]?.quantite ?? BigDecimal.unsafeFromString("1"),
          tarifHtAvant: memoire.lignes[0]?.tarifHt ?? BigDecimal.unsafeFromString("0"),
        },
      ],
      montantsDemandes: memoire.montants,
      montants: { ...memoire.montants, montantTtc: BigDecimal.unsafeFromString("682.44") },
      montantModifie: true,
    };
    expect(Either.isRight(verifierCertificat(plusTard, certificat))).toBe(true);
  });
});

describe("through the real commands: the certificate of valider-et-envoyer verifies at every later step", () => {
  const numerotation = numerotationEnMemoire({ mj: 2117 });
  let heure = 0;
  const ctx = (acteur: ContexteMemoire["acteur"]): ContexteMemoire => {
    heure += 1;
    const instant = new Date(Date.UTC(2019, 6, 25, 6 + heure));
    return { ...contexteDeterministe(instant, `c${heure}`), acteur, numerotation, espacesOuverts: ["MEMOIRES_DE_FRAIS_DE_JUSTICE"] };
  };
  const prestataire: ActeurUtilisateur = {
    _tag: "Utilisateur",
    id: "u",
    rattachements: [{ structureId: "31486913200048", role: "UTILISATEUR" }],
    habilitations: [{ structureId: "31486913200048", application: "FRAIS_DE_JUSTICE", mode: "MODIFICATION" }],
  };
  const agent = (role: ActeurAgent["roles"][number]): ActeurAgent => ({ _tag: "Agent", id: role, roles: [role], perimetre: { juridictions: ["75"], coursAppel: [] } });
  const faire = (m: Memoire, c: Commande, acteur: ContexteMemoire["acteur"]): Memoire => unsafeExecuter(m, c, ctx(acteur)).memoire;

  const envoyer = () => {
    const brouillon = creerBrouillon(
      {
        enTete: {
          juridiction: { code: "75", libelle: "JURIDICTION_LFR", courAppel: "CA-PARIS" },
          structureId: "31486913200048",
          categoriePrestataire: "EXPERT",
          referenceCoordonneesBancaires: "CB-1",
          texteReference: "Article R 92 CPP (procédure pénale)",
          typeTva: "TVA_SUR_DEBIT",
        },
        lignes: fabriquerMemoire().lignes.map((l) => ({
          numeroAffaire: l.numeroAffaire,
          dateRequisition: l.dateRequisition,
          autoriteRequerante: l.autoriteRequerante,
          typePrestation: l.typePrestation,
          datePrestation: l.datePrestation,
          quantite: BigDecimal.format(l.quantite),
          tarifHt: BigDecimal.format(l.tarifHt),
          tauxTva: BigDecimal.format(l.tauxTva),
        })),
      },
      ctx(prestataire),
    );
    if (Either.isLeft(brouillon)) throw brouillon.left;
    const envoi = unsafeExecuter(
      brouillon.right.memoire,
      { type: "memoire.valider-et-envoyer", attestationSurLHonneur: true, prerequisManquants: [], prestataire: PRESTATAIRE },
      ctx(prestataire),
    );
    if (envoi.certificat === undefined) throw new Error("pas de certificat");
    return { memoire: faire(envoi.memoire, { type: "memoire.transmettre" }, { _tag: "Systeme" }), certificat: envoi.certificat };
  };

  it("records the certificate's empreinte on the mémoire", () => {
    const { memoire, certificat } = envoyer();
    expect(memoire.empreinteDepot).toBe(certificat.empreinte);
    expect(empreinte(memoire)).toBe(certificat.empreinte);
    expect(certificat.montants.montantTtc).toEqual(memoire.montants.montantTtc);
  });

  it("after a redressement, a validation and a mise en paiement", () => {
    const { memoire, certificat } = envoyer();
    const redresse = faire(
      memoire,
      { type: "memoire.certifier", redressements: [{ ligneId: memoire.lignes[0]?.id ?? "", tarifHt: "400.00", motif: "barème" }] },
      agent("GREFFIER"),
    );
    expect(BigDecimal.format(redresse.lignes[0]?.tarifHt ?? BigDecimal.unsafeFromString("0"))).toBe("400");
    const paye = faire(faire(redresse, { type: "memoire.valider-paiement" }, agent("ORDONNATEUR")), { type: "memoire.mettre-en-paiement", paiement: { date: "2019-09-30", reference: "P" } }, agent("COMPTABLE"));
    expect(Either.isRight(verifierCertificat(paye, certificat))).toBe(true);
  });

  it("after a taxation", () => {
    const { memoire, certificat } = envoyer();
    const aTaxer = faire(memoire, { type: "memoire.envoyer-en-taxation" }, agent("GREFFIER"));
    const taxe = faire(
      aTaxer,
      { type: "memoire.taxer", taxation: { lignes: [{ ligneId: memoire.lignes[1]?.id ?? "", montantHtTaxe: "300.00" }], motif: "ordonnance de taxe" } },
      agent("MAGISTRAT_TAXATEUR"),
    );
    expect(taxe.montantModifie).toBe(true);
    expect(Either.isRight(verifierCertificat(taxe, certificat))).toBe(true);
  });
});

describe("what a failed verification says", () => {
  const memoire = fabriquerMemoire();
  const certificat = certifier(memoire);
  const ecarts = (m: Memoire, c: Certificat): ReadonlyArray<string> =>
    Either.match(verifierCertificat(m, c), { onLeft: (e) => e.ecarts.map((x) => x.champ), onRight: () => [] });

  it("names the number, the amounts and the empreinte that differ", () => {
    expect(ecarts(memoire, { ...certificat, numero: "MJ0000002118" })).toEqual(["numero"]);
    expect(ecarts(memoire, { ...certificat, empreinte: empreinte(fabriquerMemoire({ id: "autre" })) })).toEqual(["empreinte"]);
    expect(
      ecarts(memoire, { ...certificat, montants: { ...certificat.montants, montantTtc: BigDecimal.unsafeFromString("985.09") } }),
    ).toEqual(["montants.montantTtc"]);
    expect(ecarts(memoire, { ...certificat, dateDepot: new Date("2019-07-26T08:30:00.000Z") })).toEqual(["dateDepot"]);
  });

  it("says both values in its message", () => {
    const resultat = verifierCertificat(fabriquerMemoire({ remiseGlobaleTtc: "10.00" }), certificat);
    expect(Either.isLeft(resultat)).toBe(true);
    if (Either.isLeft(resultat)) {
      expect(resultat.left).toBeInstanceOf(CertificatInvalide);
      expect(resultat.left.ecarts.map((e) => e.champ)).toEqual([
        "empreinte",
        "montants.montantHtApresRemiseGlobale",
        "montants.montantRemiseGlobaleTtc",
        "montants.montantTtc",
      ]);
      expect(resultat.left.message).toContain("montants.montantTtc (mémoire : 975.08 ; certificat : 985.08)");
    }
  });
});

// ---------------------------------------------------------------------------------------------------
// Every field: a generic walk over the mémoire's leaves

type Chemin = ReadonlyArray<string | number>;

const estFeuille = (v: unknown): boolean =>
  v === null || typeof v !== "object" || v instanceof Date || BigDecimal.isBigDecimal(v);

const feuilles = (v: unknown, chemin: Chemin = []): ReadonlyArray<Chemin> => {
  if (estFeuille(v)) return [chemin];
  if (Array.isArray(v)) return v.flatMap((x: unknown, i) => feuilles(x, [...chemin, i]));
  return Object.entries(v as Record<string, unknown>).flatMap(([k, x]) => feuilles(x, [...chemin, k]));
};

const muterFeuille = (v: unknown): unknown => {
  if (typeof v === "string") return `${v}x`;
  if (typeof v === "boolean") return !v;
  if (typeof v === "number") return v + 1;
  if (v instanceof Date) return new Date(v.getTime() + 1);
  if (BigDecimal.isBigDecimal(v)) return BigDecimal.sum(v, BigDecimal.unsafeFromString("0.01"));
  throw new Error(`feuille inattendue : ${String(v)}`);
};

const remplacer = (v: unknown, chemin: Chemin, f: (x: unknown) => unknown): unknown => {
  const [tete, ...reste] = chemin;
  if (tete === undefined) return f(v);
  if (Array.isArray(v)) return v.map((x: unknown, i) => (i === tete ? remplacer(x, reste, f) : x));
  const objet = v as Record<string, unknown>;
  return { ...objet, [tete]: remplacer(objet[tete], reste, f) };
};

const muter = (memoire: Memoire, chemin: Chemin): Memoire => remplacer(memoire, chemin, muterFeuille) as Memoire;

/** Fields outside the canonical form: the lifecycle after sending and technical bookkeeping (docs/certificat.md). */
const HORS_FORME_CANONIQUE = ["etat", "etatLe", "version", "creeLe", "creePar", "montantModifie"];
const estHorsForme = (chemin: Chemin): boolean => HORS_FORME_CANONIQUE.includes(String(chemin[0]));

describe("every field of the sent mémoire is covered by the empreinte", () => {
  const memoire = fabriquerMemoire({ serviceId: "service-1", numeroEngagementJuridique: "EJ-42" });
  const certificat = certifier(memoire);
  const chemins = feuilles(memoire);

  it("walks a mémoire with every kind of field", () => {
    expect(chemins.length).toBeGreaterThan(70);
    expect(chemins.map((c) => c.join("."))).toEqual(expect.arrayContaining(["enTete.juridiction.courAppel", "piecesJointes.1.empreinte", "lignes.1.tauxTva", "montants.montantTtc"]));
  });

  it.each(chemins.filter((c) => !estHorsForme(c)).map((c) => [c.join("."), c] as const))("a change of %s breaks verification", (_nom, chemin) => {
    expect(Either.isLeft(verifierCertificat(muter(memoire, chemin), certificat))).toBe(true);
  });

  it.each(chemins.filter(estHorsForme).map((c) => [c.join("."), c] as const))("a change of %s (lifecycle) keeps it valid", (_nom, chemin) => {
    expect(Either.isRight(verifierCertificat(muter(memoire, chemin), certificat))).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------------
// Properties over generated mémoires

const TAUX = ["0", "0.9", "1.05", "1.75", "2.1", "5.5", "8.5", "10", "13", "20"];
const texte = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim().length > 0);
const centimes = (max: number) => fc.integer({ min: 0, max }).map((c) => (c / 100).toFixed(2));

const ligneArb = (i: number): fc.Arbitrary<LigneSaisie> =>
  fc.record({
    id: fc.constant(`ligne-${i + 1}`),
    numeroAffaire: texte,
    dateRequisition: fc.constantFrom("2024-01-02", "2024-02-29", "2025-12-31"),
    autoriteRequerante: fc.constantFrom<LigneSaisie["autoriteRequerante"]>("OFFICIER_POLICE_JUDICIAIRE", "JUGE_INSTRUCTION", "JUGE_ENFANTS"),
    typePrestation: fc.constantFrom("TRADUCTION_ORALE", "EXPERTISE_MEDICALE", "AUTRE"),
    datePrestation: fc.constantFrom("2024-01-03", "2024-03-01"),
    quantite: fc.integer({ min: 1, max: 20_000 }).map((m) => (m / 1000).toString()),
    tarifHt: fc.integer({ min: 0, max: 1_000_000 }).map((c) => (c / 100).toFixed(2)),
    tauxTva: fc.constantFrom(...TAUX),
    fraisDivers: centimes(10_000),
    debours: centimes(10_000),
  });

const pieceArb = (i: number) =>
  fc.record({
    id: fc.constant(`pj-${i + 1}`),
    designation: texte,
    type: fc.constantFrom<"REQUISITION" | "RAPPORT" | "AUTRE">("REQUISITION", "RAPPORT", "AUTRE"),
    nomFichier: texte,
    typeContenu: fc.constant("application/pdf" as const),
    taille: fc.integer({ min: 1, max: 4096 * 1024 }),
    empreinte: fc.stringMatching(/^[0-9a-f]{64}$/),
    origine: fc.constantFrom<"MEMOIRE" | "STRUCTURE">("MEMOIRE", "STRUCTURE"),
  });

const parametresArb: fc.Arbitrary<ParametresMemoire> = fc
  .record({
    nombreLignes: fc.integer({ min: 1, max: 4 }),
    nombrePieces: fc.integer({ min: 0, max: 3 }),
    structureId: texte,
    numero: fc.integer({ min: 1, max: 9_999_999_999 }).map((n) => `MJ${String(n).padStart(10, "0")}`),
    texteReference: texte,
  })
  .chain((p) =>
    fc.record({
      structureId: fc.constant(p.structureId),
      numero: fc.constant(p.numero),
      texteReference: fc.constant(p.texteReference),
      lignes: fc.tuple(...Array.from({ length: p.nombreLignes }, (_, i) => ligneArb(i))),
      piecesJointes: p.nombrePieces === 0 ? fc.constant([]) : fc.tuple(...Array.from({ length: p.nombrePieces }, (_, i) => pieceArb(i))),
    }),
  );

describe("properties of the empreinte", () => {
  it("an unmutated mémoire always verifies", () => {
    fc.assert(
      fc.property(parametresArb, (p) => {
        const memoire = fabriquerMemoire(p);
        expect(Either.isRight(verifierCertificat(memoire, certifier(memoire)))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it("any change of any covered field, any added or removed line or attachment, breaks verification", () => {
    const mutationArb = fc.oneof(
      fc.record({ _tag: fc.constant("feuille" as const), index: fc.nat() }),
      fc.record({ _tag: fc.constant("retirerLigne" as const), index: fc.nat() }),
      fc.record({ _tag: fc.constant("dupliquerLigne" as const), index: fc.nat() }),
      fc.record({ _tag: fc.constant("retirerPiece" as const), index: fc.nat() }),
      fc.record({ _tag: fc.constant("ajouterPiece" as const), piece: pieceArb(9) }),
    );
    fc.assert(
      fc.property(parametresArb, mutationArb, (p, mutation) => {
        const memoire = fabriquerMemoire(p);
        const certificat = certifier(memoire);
        let mute: Memoire;
        switch (mutation._tag) {
          case "feuille": {
            const couverts = feuilles(memoire).filter((c) => !estHorsForme(c));
            mute = muter(memoire, couverts[mutation.index % couverts.length] ?? []);
            break;
          }
          case "retirerLigne":
            mute = { ...memoire, lignes: memoire.lignes.filter((_, i) => i !== mutation.index % memoire.lignes.length) };
            break;
          case "dupliquerLigne": {
            const ligne = memoire.lignes[mutation.index % memoire.lignes.length];
            mute = ligne === undefined ? memoire : { ...memoire, lignes: [...memoire.lignes, ligne] };
            break;
          }
          case "retirerPiece":
            fc.pre(memoire.piecesJointes.length > 0);
            mute = { ...memoire, piecesJointes: memoire.piecesJointes.filter((_, i) => i !== mutation.index % memoire.piecesJointes.length) };
            break;
          case "ajouterPiece":
            mute = { ...memoire, piecesJointes: [...memoire.piecesJointes, mutation.piece] };
            break;
        }
        expect(Either.isLeft(verifierCertificat(mute, certificat))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("does not depend on key insertion order nor on array identity", () => {
    const reconstruire = (v: unknown): unknown => {
      if (estFeuille(v)) return v;
      if (Array.isArray(v)) return v.map(reconstruire);
      return Object.fromEntries(
        Object.entries(v as Record<string, unknown>)
          .reverse()
          .map(([k, x]) => [k, reconstruire(x)]),
      );
    };
    fc.assert(
      fc.property(parametresArb, (p) => {
        const memoire = fabriquerMemoire(p);
        const copie = reconstruire(memoire) as Memoire;
        expect(copie.lignes).not.toBe(memoire.lignes);
        expect(serialisationCanonique(copie)).toBe(serialisationCanonique(memoire));
        const piecesInversees: Memoire = { ...memoire, piecesJointes: [...memoire.piecesJointes].reverse() };
        expect(empreinte(piecesInversees)).toBe(empreinte(memoire));
      }),
      { numRuns: 100 },
    );
  });
});
