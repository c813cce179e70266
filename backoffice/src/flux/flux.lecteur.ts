import type { ErreurDeChamp } from "@frais-justice/core";
import { SaxesParser, type SaxesAttributeNS, type SaxesTagNS } from "saxes";
import {
  EMETTEUR,
  ESPACE_DE_NOMS_FLUX,
  estComplexe,
  LOT,
  MEMOIRE,
  PROFONDEUR_MAX,
  type Complexe,
  type Element,
  type TypeSimple,
} from "./flux.format.js";

/**
 * The streaming reader of a flux lot (saxes): bytes go in chunk by chunk and come out as the lot
 * header, then one item per mémoire, as soon as its closing tag is read. Only the mémoire being read
 * is held in memory (with every text capped at its type's length), so a 100 MB lot is read in flat
 * memory. Every check of docs/flux.xsd is made here too, from the same declaration (`flux.format.ts`).
 *
 * What is refused for the whole lot (a `rejet`, reading stops): bytes that are not UTF-8, an encoding
 * other than UTF-8 declared, a DOCTYPE (no DTD, so no entity expansion), a document that is not
 * well-formed or truncated, a wrong root, header or lot structure, nesting deeper than 32 elements.
 * What is refused for one mémoire only (its `erreurs`, reading goes on): anything wrong inside it.
 */

/** The lot header as read. */
export interface EnTeteLot {
  readonly id: string;
  readonly version: string;
  readonly emetteur: { readonly identifiant: string; readonly utilisateur: string };
}

/** An attachment as read: a reference to a stored file, or its bytes. */
export interface PieceLue {
  readonly type: string;
  readonly designation: string;
  readonly nomFichier: string;
  readonly source: { readonly empreinte: string } | { readonly octets: Uint8Array };
}

/** A line as read: its fields by name (text as written) and its attachments. */
export interface LigneLue {
  readonly champs: Readonly<Record<string, string>>;
  readonly pieces: ReadonlyArray<PieceLue>;
}

/** A mémoire as read, before core validates it. */
export interface MemoireLue {
  readonly enTete: Readonly<Record<string, string>>;
  readonly lignes: ReadonlyArray<LigneLue>;
  readonly pieces: ReadonlyArray<PieceLue>;
  readonly remiseGlobaleTtc?: string;
  /** Present: validate and send, with this attestation; absent: a draft. */
  readonly envoi?: { readonly attestationSurLHonneur: boolean };
}

/** What the reader yields, in document order. */
export type EvenementLecture =
  | { readonly type: "entete"; readonly lot: EnTeteLot }
  | {
      readonly type: "memoire";
      /** 0-based position of the mémoire in the lot (with the lot id: the idempotency key). */
      readonly indice: number;
      /** Line of its opening tag in the file. */
      readonly ligne: number;
      readonly memoire?: MemoireLue;
      /** Structural errors, each with its path inside the mémoire (`lignes[0].quantite`). */
      readonly erreurs: ReadonlyArray<ErreurDeChamp>;
    }
  | { readonly type: "rejet"; readonly ligne: number; readonly colonne: number; readonly raison: string };

// ---------------------------------------------------------------------------------------------------
// A small element tree for one mémoire, with bounded memory

interface Noeud {
  readonly nom: string;
  readonly espace: string;
  readonly attributs: ReadonlyArray<SaxesAttributeNS>;
  readonly enfants: Array<Noeud>;
  /** Per child name: how many were seen (children beyond their maximum are counted, not kept). */
  readonly vus: Map<string, number>;
  texte: string;
  /** Non-blank text seen (element-only content must not have any). */
  texteNonBlanc: boolean;
  tropLong: boolean;
  /** Declaration of this element when known (drives the text cap and what children are kept). */
  readonly decl: Element | undefined;
}

const BLANC = /^[\t\n\r ]*$/;

const declEnfant = (parent: Noeud | undefined, nom: string): Element | undefined => {
  const c = parent?.decl?.contenu;
  return c !== undefined && estComplexe(c) ? c.enfants.find((e) => e.nom === nom) : undefined;
};

const segment = (nom: string, decl: Element | undefined, indice: number): string => {
  const pluriel = nom === "ligne" ? "lignes" : nom === "pieceJointe" ? "piecesJointes" : nom;
  return decl !== undefined && decl.max > 1 ? `${pluriel}[${indice}]` : pluriel;
};

const joindre = (chemin: string, s: string): string => (chemin === "" ? s : `${chemin}.${s}`);

const attributPermis = (a: SaxesAttributeNS): boolean =>
  a.prefix === "xmlns" || a.name === "xmlns" || a.uri === "http://www.w3.org/2001/XMLSchema-instance";

/** Checks a node against its declaration; pushes every problem with its path. */
const verifier = (n: Noeud, contenu: TypeSimple | Complexe, chemin: string, erreurs: Array<ErreurDeChamp>): void => {
  const ici = chemin === "" ? "(mémoire)" : chemin;
  if (n.espace !== ESPACE_DE_NOMS_FLUX) {
    erreurs.push({ chemin: ici, raison: `élément hors de l'espace de noms ${ESPACE_DE_NOMS_FLUX}` });
    return;
  }
  const attributs = n.attributs.filter((a) => !attributPermis(a));
  if (!estComplexe(contenu)) {
    for (const a of attributs) erreurs.push({ chemin: joindre(chemin, a.name), raison: "attribut inattendu" });
    if (n.enfants.length > 0 || n.vus.size > 0) erreurs.push({ chemin: ici, raison: "texte attendu, pas d'élément" });
    else if (n.tropLong) erreurs.push({ chemin: ici, raison: "texte trop long" });
    else {
      const raison = contenu.verifier(n.texte);
      if (raison !== undefined) erreurs.push({ chemin: ici, raison });
    }
    return;
  }
  for (const a of attributs) {
    const decl = contenu.attributs.find((d) => d.nom === a.name && a.prefix === "");
    if (decl === undefined) erreurs.push({ chemin: joindre(chemin, a.name), raison: "attribut inattendu" });
    else {
      const raison = decl.type.verifier(a.value);
      if (raison !== undefined) erreurs.push({ chemin: joindre(chemin, a.name), raison });
    }
  }
  for (const d of contenu.attributs) {
    if (d.obligatoire && !attributs.some((a) => a.name === d.nom)) erreurs.push({ chemin: joindre(chemin, d.nom), raison: "attribut obligatoire manquant" });
  }
  if (n.texteNonBlanc) erreurs.push({ chemin: ici, raison: "texte inattendu (éléments seulement)" });
  const noms = contenu.enfants.map((e) => e.nom);
  if (contenu.choix) {
    const total = [...n.vus.values()].reduce((a, b) => a + b, 0);
    if (total !== 1) erreurs.push({ chemin: ici, raison: `exactement un élément parmi ${noms.join(", ")}` });
  }
  let rang = 0;
  const indices = new Map<string, number>();
  for (const enfant of n.enfants) {
    const i = noms.indexOf(enfant.nom);
    const decl = contenu.enfants[i];
    const k = indices.get(enfant.nom) ?? 0;
    indices.set(enfant.nom, k + 1);
    const c = joindre(chemin, segment(enfant.nom, decl, k));
    if (decl === undefined || enfant.espace !== ESPACE_DE_NOMS_FLUX) {
      erreurs.push({ chemin: c, raison: `élément inattendu <${enfant.nom}>` });
      continue;
    }
    if (!contenu.choix && i < rang) erreurs.push({ chemin: c, raison: `élément <${enfant.nom}> hors d'ordre (ordre : ${noms.join(", ")})` });
    rang = Math.max(rang, i);
    if (k < decl.max) verifier(enfant, decl.contenu, c, erreurs);
  }
  for (const d of contenu.enfants) {
    const vus = n.vus.get(d.nom) ?? 0;
    if (vus > d.max) erreurs.push({ chemin: joindre(chemin, segment(d.nom, d, d.max)), raison: `au plus ${d.max} élément(s) <${d.nom}>` });
    if (!contenu.choix && vus < d.min) erreurs.push({ chemin: joindre(chemin, d.nom), raison: `élément <${d.nom}> obligatoire manquant` });
  }
};

const enfants = (n: Noeud, nom: string): ReadonlyArray<Noeud> => n.enfants.filter((e) => e.nom === nom);
const texteDe = (n: Noeud, nom: string): string | undefined => enfants(n, nom)[0]?.texte;
const attributDe = (n: Noeud, nom: string): string => n.attributs.find((a) => a.name === nom)?.value ?? "";

const piece = (n: Noeud): PieceLue => {
  const reference = enfants(n, "reference")[0];
  return {
    type: attributDe(n, "type"),
    designation: attributDe(n, "designation"),
    nomFichier: attributDe(n, "nomFichier"),
    source: reference !== undefined ? { empreinte: attributDe(reference, "empreinte") } : { octets: new Uint8Array(Buffer.from((texteDe(n, "contenu") ?? "").replace(/[\t\n\r ]+/g, ""), "base64")) },
  };
};

/** A checked mémoire node as data (called only when `verifier` found nothing). */
const memoireLue = (n: Noeud): MemoireLue => {
  const simples = (p: Noeud): Record<string, string> => Object.fromEntries(p.enfants.filter((e) => e.decl !== undefined && !estComplexe(e.decl.contenu)).map((e) => [e.nom, e.texte]));
  const enTete = enfants(n, "enTete")[0];
  const envoi = enfants(n, "envoi")[0];
  const remise = texteDe(n, "remiseGlobaleTtc");
  return {
    enTete: enTete === undefined ? {} : simples(enTete),
    lignes: enfants(n, "ligne").map((l) => ({ champs: simples(l), pieces: enfants(l, "pieceJointe").map(piece) })),
    pieces: enfants(n, "pieceJointe").map(piece),
    ...(remise === undefined ? {} : { remiseGlobaleTtc: remise }),
    ...(envoi === undefined ? {} : { envoi: { attestationSurLHonneur: ["true", "1"].includes(attributDe(envoi, "attestationSurLHonneur").trim()) } }),
  };
};

/** Stops the parser from inside a handler: the first problem rejects the lot. */
class Arret extends Error {
  constructor(readonly raison: string) {
    super(raison);
  }
}

const nouveauNoeud = (tag: SaxesTagNS, decl: Element | undefined): Noeud => ({
  nom: tag.local,
  espace: tag.uri,
  attributs: Object.values(tag.attributes),
  enfants: [],
  vus: new Map(),
  texte: "",
  texteNonBlanc: false,
  tropLong: false,
  decl,
});

/**
 * Reads a lot from a stream of bytes (or already decoded text) and yields its header, its mémoires and,
 * when the lot itself is refused, one final `rejet` with the line and column of the problem.
 */
export async function* lireFlux(source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>): AsyncGenerator<EvenementLecture, void, undefined> {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const sortie: Array<EvenementLecture> = [];
  const decodeur = new TextDecoder("utf-8", { fatal: true });
  // Lot level: root seen, header read, number of mémoires; mémoire level: the stack of open nodes.
  let racine: Noeud | undefined;
  let entete = false;
  let indice = 0;
  let profondeur = 0;
  const pile: Array<Noeud> = [];
  let ligneMemoire = 0;
  let emetteur: Noeud | undefined;

  const rejeter = (raison: string): never => {
    throw new Arret(raison);
  };

  parser.on("xmldecl", (d) => {
    if (d.encoding !== undefined && d.encoding.toUpperCase() !== "UTF-8") rejeter(`encodage ${d.encoding} refusé : UTF-8 seulement`);
  });
  parser.on("doctype", () => rejeter("DOCTYPE refusé : le format n'admet ni DTD ni entités"));
  parser.on("error", (e) => rejeter(`XML mal formé : ${e.message.replace(/^[^:]*:\d+:\d+: /, "")}`));
  parser.on("opentag", (tag) => {
    profondeur += 1;
    if (profondeur > PROFONDEUR_MAX) rejeter(`imbrication de plus de ${PROFONDEUR_MAX} éléments`);
    if (racine === undefined) {
      if (tag.local !== "lot" || tag.uri !== ESPACE_DE_NOMS_FLUX) rejeter(`élément racine <lot xmlns="${ESPACE_DE_NOMS_FLUX}"> attendu`);
      racine = nouveauNoeud(tag, { nom: "lot", min: 1, max: 1, contenu: LOT });
      const erreurs: Array<ErreurDeChamp> = [];
      verifier({ ...racine, enfants: [], vus: new Map([["emetteur", 1], ["memoire", 1]]) }, LOT, "lot", erreurs);
      if (erreurs[0] !== undefined) rejeter(`${erreurs[0].chemin} : ${erreurs[0].raison}`);
      return;
    }
    const parent = pile[pile.length - 1];
    if (parent === undefined) {
      // A child of the root: the header, then mémoires.
      if (tag.uri !== ESPACE_DE_NOMS_FLUX || (tag.local !== "emetteur" && tag.local !== "memoire")) rejeter(`élément inattendu <${tag.local}> dans le lot (emetteur, puis memoire)`);
      if (tag.local === "emetteur") {
        if (entete || emetteur !== undefined) rejeter("un seul en-tête <emetteur> par lot");
        emetteur = nouveauNoeud(tag, { nom: "emetteur", min: 1, max: 1, contenu: EMETTEUR });
        pile.push(emetteur);
        return;
      }
      if (!entete) rejeter("<emetteur> doit précéder le premier <memoire>");
      ligneMemoire = parser.line;
      pile.push(nouveauNoeud(tag, { nom: "memoire", min: 1, max: Number.POSITIVE_INFINITY, contenu: MEMOIRE }));
      return;
    }
    const decl = tag.uri === ESPACE_DE_NOMS_FLUX ? declEnfant(parent, tag.local) : undefined;
    const vus = (parent.vus.get(tag.local) ?? 0) + 1;
    parent.vus.set(tag.local, vus);
    const noeud = nouveauNoeud(tag, decl);
    // Kept: declared children up to one past their maximum, and the first unexpected one (for its error).
    if ((decl !== undefined && vus <= decl.max + 1) || (decl === undefined && vus === 1)) parent.enfants.push(noeud);
    pile.push(noeud);
  });
  const texte = (t: string): void => {
    const n = pile[pile.length - 1];
    if (n === undefined) {
      if (!BLANC.test(t) && racine !== undefined) rejeter("texte inattendu dans le lot");
      return;
    }
    if (!BLANC.test(t)) n.texteNonBlanc = true;
    const c = n.decl?.contenu;
    const max = c !== undefined && !estComplexe(c) ? c.longueurMax : 0;
    if (n.tropLong) return;
    if (n.texte.length + t.length > max) {
      n.tropLong = max > 0 || !BLANC.test(t);
      n.texte = max > 0 ? n.texte : "";
      return;
    }
    n.texte += t;
  };
  parser.on("text", texte);
  parser.on("cdata", texte);
  parser.on("closetag", () => {
    profondeur -= 1;
    const n = pile.pop();
    if (n === undefined) {
      if (!entete || indice === 0) rejeter("un lot contient un en-tête <emetteur> puis au moins un <memoire>");
      return;
    }
    if (pile.length > 0) return;
    if (n === emetteur) {
      const erreurs: Array<ErreurDeChamp> = [];
      verifier(n, EMETTEUR, "emetteur", erreurs);
      if (erreurs[0] !== undefined) rejeter(erreurs.map((e) => `${e.chemin} : ${e.raison}`).join(" ; "));
      entete = true;
      const r = racine as Noeud;
      sortie.push({
        type: "entete",
        lot: { id: attributDe(r, "id"), version: attributDe(r, "version"), emetteur: { identifiant: attributDe(n, "identifiant"), utilisateur: attributDe(n, "utilisateur") } },
      });
      return;
    }
    const erreurs: Array<ErreurDeChamp> = [];
    verifier(n, MEMOIRE, "", erreurs);
    sortie.push(
      erreurs.length === 0
        ? { type: "memoire", indice, ligne: ligneMemoire, memoire: memoireLue(n), erreurs }
        : { type: "memoire", indice, ligne: ligneMemoire, erreurs },
    );
    indice += 1;
  });

  const position = () => ({ ligne: parser.line, colonne: parser.column });
  const ecrire = (morceau: string | null): EvenementLecture | undefined => {
    try {
      if (morceau === null) parser.close();
      else parser.write(morceau);
      return undefined;
    } catch (e) {
      if (e instanceof Arret) return { type: "rejet", ...position(), raison: e.raison };
      throw e;
    }
  };

  for await (const morceau of source) {
    let texteMorceau: string;
    try {
      texteMorceau = typeof morceau === "string" ? morceau : decodeur.decode(morceau, { stream: true });
    } catch {
      yield* sortie.splice(0);
      yield { type: "rejet", ...position(), raison: "octets invalides : le flux doit être encodé en UTF-8" };
      return;
    }
    const rejet = ecrire(texteMorceau);
    yield* sortie.splice(0);
    if (rejet !== undefined) {
      yield rejet;
      return;
    }
  }
  let fin: string;
  try {
    fin = decodeur.decode();
  } catch {
    yield { type: "rejet", ...position(), raison: "octets invalides : le flux doit être encodé en UTF-8 (fin de fichier tronquée)" };
    return;
  }
  const rejet = ecrire(fin) ?? (racine === undefined ? { type: "rejet" as const, ...position(), raison: "document vide : élément racine <lot> attendu" } : ecrire(null));
  yield* sortie.splice(0);
  if (rejet !== undefined) yield rejet;
}
