import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validateXML } from "xmllint-wasm";
import { ESPACE_DE_NOMS_FLUX, genererXsd } from "./flux.format.js";
import { lireFlux, type EvenementLecture } from "./flux.lecteur.js";

const XSD = fileURLToPath(new URL("../../../docs/flux.xsd", import.meta.url));
const EXEMPLE = fileURLToPath(new URL("../../../examples/flux/lot-exemple.xml", import.meta.url));

const valideXsd = async (xml: string) => {
  const r = await validateXML({ xml: [{ fileName: "lot.xml", contents: xml }], schema: [{ fileName: "flux.xsd", contents: readFileSync(XSD, "utf8") }] });
  return r;
};

const lire = async (xml: string | Uint8Array, morceau = 7): Promise<ReadonlyArray<EvenementLecture>> => {
  const octets = typeof xml === "string" ? new TextEncoder().encode(xml) : xml;
  const source = (function* () {
    for (let i = 0; i < octets.length; i += morceau) yield octets.slice(i, i + morceau);
  })();
  const evenements: Array<EvenementLecture> = [];
  for await (const e of lireFlux(source)) evenements.push(e);
  return evenements;
};

/** No problem at all for the reader: no lot rejection, no item with structural errors. */
const valideLecteur = (evenements: ReadonlyArray<EvenementLecture>): boolean => evenements.every((e) => e.type === "entete" || (e.type === "memoire" && e.erreurs.length === 0));

// ---------------------------------------------------------------------------------------------------
// A document model to mutate

interface Noeud {
  nom: string;
  attributs: Array<[string, string]>;
  enfants: Array<Noeud>;
  texte?: string;
}
const n = (nom: string, attributs: Array<[string, string]> = [], enfants: Array<Noeud> = []): Noeud => ({ nom, attributs, enfants });
const t = (nom: string, texte: string): Noeud => ({ nom, attributs: [], enfants: [], texte });

const ligne = (): Noeud =>
  n("ligne", [], [
    t("numeroAffaire", "2026/1"),
    t("dateRequisition", "2026-10-02"),
    t("autoriteRequerante", "JUGE_INSTRUCTION"),
    t("typePrestation", "TRADUCTION_ORALE"),
    t("datePrestation", "2026-10-05"),
    t("debut", "2026-10-05T09:00"),
    t("fin", "2026-10-05T10:30"),
    t("quantite", "1"),
    t("tarifHt", "150.00"),
    t("tauxTva", "5.5"),
    t("fraisDivers", "0.00"),
    t("debours", "1.50"),
    t("remise", "0"),
    n("pieceJointe", [["type", "REQUISITION"], ["designation", "Réquisition"], ["nomFichier", "r.pdf"]], [n("reference", [["empreinte", "a".repeat(64)]])]),
  ]);

const base = (): Noeud =>
  n("lot", [["id", "LOT-1"], ["version", "1"]], [
    n("emetteur", [["identifiant", "73282932000074"], ["utilisateur", "a@b.fr"]]),
    n("memoire", [], [
      n("enTete", [], [
        t("juridiction", "750"),
        t("service", "PARIS"),
        t("categoriePrestataire", "INTERPRETE_TRADUCTEUR"),
        t("coordonneesBancaires", "cb-1"),
        t("texteReference", "Article R 92 CPP"),
        t("typeTva", "TVA_SUR_DEBIT"),
        t("numeroFacture", "F1"),
        t("numeroEngagementJuridique", "EJ1"),
      ]),
      ligne(),
      n("pieceJointe", [["type", "AUTRE"], ["designation", "Note"], ["nomFichier", "n.pdf"]], [t("contenu", "JVBERi0xLjQKJSVFT0YK")]),
      t("remiseGlobaleTtc", "0.00"),
      n("envoi", [["attestationSurLHonneur", "true"]]),
    ]),
    n("memoire", [], [n("enTete", [], [t("juridiction", "750")])]),
  ]);

const echapper = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const serialiser = (x: Noeud, racine = true): string => {
  const attributs = [...(racine ? [["xmlns", ESPACE_DE_NOMS_FLUX] as [string, string]] : []), ...x.attributs].map(([k, v]) => ` ${k}="${echapper(v)}"`).join("");
  const corps = x.texte !== undefined ? echapper(x.texte) : x.enfants.map((e) => serialiser(e, false)).join("\n");
  return `<${x.nom}${attributs}>${corps}</${x.nom}>`;
};
const document = (x: Noeud): string => `<?xml version="1.0" encoding="UTF-8"?>\n${serialiser(x)}\n`;

const tous = (x: Noeud): Array<{ noeud: Noeud; parent?: Noeud }> => [{ noeud: x }, ...x.enfants.flatMap((e) => tous(e).map((y) => ({ ...y, parent: y.parent ?? x })))];

const VALEURS = ["", " ", "x", "1", "1.5", "-1", "12345678901234", "2026-13-45", "2026-10-05", "2026-10-05T25:00", "abc\u00e9", "a".repeat(201), "😀".repeat(200), "😀".repeat(201), "true", "0", "TVA_SUR_DEBIT", "AUTRE", "JVBERi0=", "JVBERi0", "a".repeat(64), "A".repeat(64)];

type Mutation = (doc: Noeud, i: number, j: number, v: string) => void;
const MUTATIONS: ReadonlyArray<[string, Mutation]> = [
  ["supprimer un élément", (d, i) => {
    const c = tous(d).filter((x) => x.parent !== undefined);
    const x = c[i % c.length];
    if (x?.parent !== undefined) x.parent.enfants.splice(x.parent.enfants.indexOf(x.noeud), 1);
  }],
  ["dupliquer un élément", (d, i) => {
    const c = tous(d).filter((x) => x.parent !== undefined);
    const x = c[i % c.length];
    if (x?.parent !== undefined) x.parent.enfants.splice(x.parent.enfants.indexOf(x.noeud), 0, structuredClone(x.noeud));
  }],
  ["échanger deux frères", (d, i, j) => {
    const c = tous(d).filter((x) => x.noeud.enfants.length > 1);
    const x = c[i % c.length]?.noeud;
    if (x === undefined) return;
    const [a, b] = [i % x.enfants.length, j % x.enfants.length];
    const tmp = x.enfants[a] as Noeud;
    x.enfants[a] = x.enfants[b] as Noeud;
    x.enfants[b] = tmp;
  }],
  ["changer un texte", (d, i, _j, v) => {
    const c = tous(d).filter((x) => x.noeud.texte !== undefined);
    const x = c[i % c.length];
    if (x !== undefined) x.noeud.texte = v;
  }],
  ["changer un attribut", (d, i, j, v) => {
    const c = tous(d).filter((x) => x.noeud.attributs.length > 0);
    const x = c[i % c.length]?.noeud;
    const a = x?.attributs[j % (x?.attributs.length ?? 1)];
    if (a !== undefined) a[1] = v;
  }],
  ["retirer un attribut", (d, i, j) => {
    const c = tous(d).filter((x) => x.noeud.attributs.length > 0);
    const x = c[i % c.length]?.noeud;
    x?.attributs.splice(j % x.attributs.length, 1);
  }],
  ["ajouter un attribut inconnu", (d, i) => {
    const c = tous(d);
    c[i % c.length]?.noeud.attributs.push(["inconnu", "1"]);
  }],
  ["ajouter un élément inconnu", (d, i) => {
    const c = tous(d).filter((x) => x.noeud.texte === undefined);
    c[i % c.length]?.noeud.enfants.push(t("inconnu", "x"));
  }],
  ["du texte dans un élément composé", (d, i) => {
    const c = tous(d).filter((x) => x.noeud.texte === undefined && x.noeud.enfants.length > 0);
    c[i % c.length]?.noeud.enfants.splice(0, 0, { nom: "#texte", attributs: [], enfants: [], texte: "parasite" });
  }],
];
// "#texte" nodes serialise as text.
const serialiserAvecTexte = (x: Noeud): string => document(x).replace(/<#texte>([^<]*)<\/#texte>/g, "$1");

describe("format du dépôt flux", () => {
  it("docs/flux.xsd is the XSD generated from the format's declaration", () => {
    expect(readFileSync(XSD, "utf8")).toBe(genererXsd());
  });

  it("the example lot is valid against the XSD and for the reader", async () => {
    const xml = readFileSync(EXEMPLE, "utf8");
    const r = await valideXsd(xml);
    expect(r.errors).toEqual([]);
    expect(r.valid).toBe(true);
    const evenements = await lire(xml);
    expect(valideLecteur(evenements)).toBe(true);
    expect(evenements.map((e) => e.type)).toEqual(["entete", "memoire", "memoire"]);
  });

  it("the generated base document is valid for both", async () => {
    const xml = document(base());
    expect((await valideXsd(xml)).valid).toBe(true);
    expect(valideLecteur(await lire(xml))).toBe(true);
  });

  it("the reader and the XSD agree on what is valid, over random mutations of a valid lot", async () => {
    const cas = fc.sample(fc.array(fc.tuple(fc.integer({ min: 0, max: MUTATIONS.length - 1 }), fc.nat(), fc.nat(), fc.constantFrom(...VALEURS)), { minLength: 1, maxLength: 3 }), {
      numRuns: 300,
      seed: 20261122,
    }).map((mutations, k) => {
      const d = base();
      for (const [m, i, j, v] of mutations) MUTATIONS[m]?.[1](d, i, j, v);
      return { nom: `lot-${k}.xml`, xml: serialiserAvecTexte(d), mutations: mutations.map(([m]) => MUTATIONS[m]?.[0]) };
    });
    // One xmllint run for every document: it prints "<file> validates" or "<file> fails to validate".
    const r = await validateXML({ xml: cas.map((c) => ({ fileName: c.nom, contents: c.xml })), schema: [{ fileName: "flux.xsd", contents: readFileSync(XSD, "utf8") }] });
    let invalides = 0;
    for (const c of cas) {
      const xsd = new RegExp(`^${c.nom.replace(".", "\\.")} validates$`, "m").test(r.rawOutput);
      if (!xsd) invalides += 1;
      const lecteur = valideLecteur(await lire(c.xml));
      expect({ ...c, lecteur }).toEqual({ ...c, lecteur: xsd });
    }
    expect(invalides).toBeGreaterThan(100); // the mutations do reach invalid documents
    expect(invalides).toBeLessThan(cas.length); // and valid ones
  }, 60_000);

  it("names every structural error of a mémoire with its path and keeps reading the next one", async () => {
    const d = base();
    const memoire = d.enfants[1] as Noeud;
    const l = memoire.enfants[1] as Noeud;
    (l.enfants[9] as Noeud).texte = "cinq"; // tauxTva
    l.enfants.push(t("inconnu", "x"));
    memoire.enfants.splice(0, 1); // no enTete
    const evenements = await lire(document(d));
    const m0 = evenements[1];
    expect(m0?.type === "memoire" && m0.erreurs).toEqual([
      { chemin: "lignes[0].tauxTva", raison: "nombre décimal attendu (chiffres, point décimal)" },
      { chemin: "lignes[0].inconnu", raison: "élément inattendu <inconnu>" },
      { chemin: "enTete", raison: "élément <enTete> obligatoire manquant" },
    ]);
    expect(evenements[2]).toMatchObject({ type: "memoire", indice: 1, erreurs: [] });
  });

  it("refuses a DOCTYPE and never expands an entity (billion laughs)", async () => {
    const bombe = `<?xml version="1.0"?><!DOCTYPE lot [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
<lot xmlns="${ESPACE_DE_NOMS_FLUX}" id="L" version="1"><emetteur identifiant="1" utilisateur="a@b.fr"/><memoire><enTete><juridiction>&c;</juridiction></enTete></memoire></lot>`;
    expect(await lire(bombe)).toEqual([{ type: "rejet", ligne: 1, colonne: expect.any(Number) as number, raison: "DOCTYPE refusé : le format n'admet ni DTD ni entités" }]);
    const sansDtd = document(base()).replace("<juridiction>750", "<juridiction>&xxe;");
    expect((await lire(sansDtd)).at(-1)).toMatchObject({ type: "rejet", raison: expect.stringContaining("XML mal formé") as string });
  });

  it("refuses other encodings, invalid UTF-8 and UTF-16", async () => {
    const latin1 = document(base()).replace('encoding="UTF-8"', 'encoding="ISO-8859-1"');
    expect(await lire(latin1)).toEqual([{ type: "rejet", ligne: 1, colonne: expect.any(Number) as number, raison: "encodage ISO-8859-1 refusé : UTF-8 seulement" }]);
    const octets = new TextEncoder().encode(document(base()));
    const i = octets.indexOf(0xc3); // the é of « Réquisition »
    const casse = octets.slice();
    casse[i + 1] = 0x28;
    expect((await lire(casse)).at(-1)).toMatchObject({ type: "rejet", raison: "octets invalides : le flux doit être encodé en UTF-8" });
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from(document(base())).flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    expect((await lire(utf16)).at(-1)).toMatchObject({ type: "rejet" });
  });

  it("refuses deep nesting without building it, and a truncated file after the mémoires already read", async () => {
    const profond = document(base()).replace("<remiseGlobaleTtc>", `${"<x>".repeat(100_000)}${"</x>".repeat(100_000)}<remiseGlobaleTtc>`);
    expect((await lire(profond, 4096)).at(-1)).toMatchObject({ type: "rejet", raison: "imbrication de plus de 32 éléments" });
    const xml = document(base());
    const tronque = xml.slice(0, xml.lastIndexOf("<memoire>") + 40);
    const evenements = await lire(tronque);
    expect(evenements.map((e) => e.type)).toEqual(["entete", "memoire", "rejet"]);
    expect(evenements.at(-1)).toMatchObject({ raison: expect.stringContaining("XML mal formé") as string });
  });

  it("caps an oversized field instead of holding it, and reports it", async () => {
    const d = base();
    ((d.enfants[1] as Noeud).enfants[0]?.enfants[4] as Noeud).texte = "x".repeat(5_000_000);
    const evenements = await lire(document(d), 65_536);
    expect(evenements[1]).toMatchObject({ type: "memoire", erreurs: [{ chemin: "enTete.texteReference", raison: "texte trop long" }] });
  });
});
