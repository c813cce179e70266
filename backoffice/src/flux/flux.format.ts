import { AutoriteRequerante, TypePieceJointe, TypeTvaMemoire } from "@frais-justice/core/memoire";

/**
 * The XML format of a flux lot (Dépôt flux, flux E3 of DOMAIN.md §4), declared once as data: the
 * streaming reader (`flux.lecteur.ts`) checks documents against this declaration, and docs/flux.xsd is
 * generated from it (`genererXsd`, kept equal to the committed file by a test), so the reader and the
 * XSD cannot drift apart. Documented in docs/flux.md.
 */

/** The namespace of version 1 of the format. */
export const ESPACE_DE_NOMS_FLUX = "urn:frais-justice:flux-memoires:1";

/** Largest attachment carried inline (bytes, decoded): the 4096 KB of DOMAIN.md §3. */
export const TAILLE_MAX_CONTENU_OCTETS = 4096 * 1024;

/** Element nesting beyond which a document is refused outright (the format needs 5 levels). */
export const PROFONDEUR_MAX = 32;

/** A simple (text) type: its XSD restriction and the same check in code. */
export interface TypeSimple {
  readonly nom: string;
  readonly documentation: string;
  /** XSD facets of the restriction (inside `<xs:restriction base="…">`). */
  readonly base: "xs:string" | "xs:boolean" | "xs:base64Binary";
  readonly facettes: ReadonlyArray<string>;
  /** The reader's check; returns the reason of a refusal. */
  readonly verifier: (valeur: string) => string | undefined;
  /** Longest text kept while reading (characters); longer input is cut and refused. */
  readonly longueurMax: number;
}

const longueur = (s: string): number => [...s].length;
const echapperXml = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const texte = (nom: string, max: number, documentation: string): TypeSimple => ({
  nom,
  documentation,
  base: "xs:string",
  facettes: ['<xs:minLength value="1"/>', `<xs:maxLength value="${max}"/>`],
  verifier: (v) => (longueur(v) < 1 ? "valeur vide" : longueur(v) > max ? `${max} caractères au plus` : undefined),
  // UTF-16 units: a character outside the BMP takes two.
  longueurMax: (max + 1) * 2,
});

const motif = (nom: string, expression: string, max: number, documentation: string, raison: string): TypeSimple => {
  const re = new RegExp(`^(?:${expression})$`, "u");
  return {
    nom,
    documentation,
    base: "xs:string",
    facettes: [`<xs:pattern value="${echapperXml(expression)}"/>`],
    verifier: (v) => (re.test(v) ? undefined : raison),
    longueurMax: (max + 1) * 2,
  };
};

const enumeration = (nom: string, valeurs: ReadonlyArray<string>, documentation: string): TypeSimple => ({
  nom,
  documentation,
  base: "xs:string",
  facettes: valeurs.map((v) => `<xs:enumeration value="${v}"/>`),
  verifier: (v) => (valeurs.includes(v) ? undefined : `valeur inconnue (${valeurs.join(", ")})`),
  longueurMax: Math.max(...valeurs.map((v) => v.length)) + 1,
});

// XSD base64Binary, after whitespace collapsing: groups of 4 characters, the last one padded with
// canonical bits (`[AQgw]==`, `[AEIMQUYcgkosw048]=`).
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/][AQgw]==|[A-Za-z0-9+/]{2}[AEIMQUYcgkosw048]=)?$/;
const ESPACES_XML = /[\t\n\r ]+/g;

/** The decoded size of a base64 text (XSD length facets of base64Binary count octets). */
export const tailleBase64 = (compact: string): number => (compact.length / 4) * 3 - (compact.endsWith("==") ? 2 : compact.endsWith("=") ? 1 : 0);

/** Simple types of the format. */
export const TYPES = {
  idLot: motif("IdLot", "[A-Za-z0-9_-]{1,40}", 40, "Identifiant du lot, choisi par l'émetteur, unique : lettres, chiffres, _ et -, 40 au plus.", "identifiant de lot : 1 à 40 lettres, chiffres, _ ou -"),
  version: enumeration("Version", ["1"], "Version du format."),
  identifiantStructure: texte("IdentifiantStructure", 20, "Identifiant de la structure émettrice (SIRET, PARTICULIER, RIDET…), tel qu'enregistré."),
  email: motif("Email", "[^@ \\t\\n\\r]{1,64}@[^@ \\t\\n\\r]{1,190}", 255, "Adresse électronique de l'utilisateur déposant.", "adresse électronique invalide"),
  code: texte("Code", 20, "Code (juridiction, service)."),
  identifiant: texte("Identifiant", 100, "Identifiant d'un objet déjà connu (coordonnées bancaires)."),
  texte200: texte("Texte200", 200, "Texte de 1 à 200 caractères."),
  texte255: texte("Texte255", 255, "Texte de 1 à 255 caractères."),
  numeroAffaire: texte("NumeroAffaire", 50, "N° d'affaire : 1 à 50 caractères."),
  typeTva: enumeration("TypeTva", TypeTvaMemoire.literals, "Type de TVA du mémoire."),
  autorite: enumeration("AutoriteRequerante", AutoriteRequerante.literals, "Autorité requérante (DOMAIN.md §1)."),
  typePiece: enumeration("TypePieceJointe", TypePieceJointe.literals, "Type de pièce jointe."),
  date: motif("Date", "[0-9]{4}-[0-9]{2}-[0-9]{2}", 10, "Date AAAA-MM-JJ (sa validité calendaire est vérifiée par le cœur).", "date attendue au format AAAA-MM-JJ"),
  dateHeure: motif("DateHeure", "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}", 16, "Heure légale française AAAA-MM-JJTHH:MM.", "date et heure attendues au format AAAA-MM-JJTHH:MM"),
  decimal: motif("Decimal", "[0-9]{1,12}(\\.[0-9]{1,4})?", 17, "Nombre décimal positif, point décimal (les règles de précision sont celles du cœur).", "nombre décimal attendu (chiffres, point décimal)"),
  empreinte: motif("Empreinte", "[0-9a-f]{64}", 64, "SHA-256 en hexadécimal minuscule d'un fichier déjà déposé.", "empreinte SHA-256 attendue (64 caractères hexadécimaux minuscules)"),
  booleen: {
    nom: "Booleen",
    documentation: "true, false, 1 ou 0.",
    base: "xs:boolean",
    facettes: [],
    verifier: (v) => (["true", "false", "1", "0"].includes(v.replace(ESPACES_XML, " ").trim()) ? undefined : "booléen attendu (true, false, 1, 0)"),
    longueurMax: 16,
  },
  contenu: {
    nom: "Contenu",
    documentation: "Octets du fichier en base64 (4096 Ko au plus une fois décodés).",
    base: "xs:base64Binary",
    facettes: [`<xs:maxLength value="${TAILLE_MAX_CONTENU_OCTETS}"/>`],
    verifier: (v) => {
      const compact = v.replace(ESPACES_XML, "");
      if (!BASE64.test(compact)) return "base64 invalide";
      const taille = tailleBase64(compact);
      return taille > TAILLE_MAX_CONTENU_OCTETS ? `fichier de ${taille} octets : 4096 Ko au plus` : undefined;
    },
    // base64 of 4096 KB plus line breaks (one per 76-character line, CRLF) and some indentation.
    longueurMax: Math.ceil(TAILLE_MAX_CONTENU_OCTETS / 3) * 4 + Math.ceil(TAILLE_MAX_CONTENU_OCTETS / 57) * 8,
  },
} as const satisfies Record<string, TypeSimple>;

/** An attribute: its name, type and whether it is required. */
export interface Attribut {
  readonly nom: string;
  readonly type: TypeSimple;
  readonly obligatoire: boolean;
}

/** An element child: its name, occurrences and content. */
export interface Element {
  readonly nom: string;
  readonly min: number;
  readonly max: number;
  readonly contenu: TypeSimple | Complexe;
}

/** Element content: attributes, then a sequence of children (or one choice between them). */
export interface Complexe {
  readonly nom: string;
  readonly documentation: string;
  readonly attributs: ReadonlyArray<Attribut>;
  readonly enfants: ReadonlyArray<Element>;
  /** True: exactly one of `enfants` (an `xs:choice`); false: all of them in order (`xs:sequence`). */
  readonly choix: boolean;
}

export const estComplexe = (c: TypeSimple | Complexe): c is Complexe => "enfants" in c;

const element = (nom: string, contenu: TypeSimple | Complexe, min = 1, max = 1): Element => ({ nom, min, max, contenu });
const attribut = (nom: string, type: TypeSimple, obligatoire = true): Attribut => ({ nom, type, obligatoire });

/** Most lines in one mémoire, attachments on one line, attachments on the whole mémoire. */
export const MAX_LIGNES = 500;
export const MAX_PIECES_LIGNE = 10;
export const MAX_PIECES_MEMOIRE = 20;

const pieceJointe: Complexe = {
  nom: "PieceJointe",
  documentation: "Une pièce jointe : un fichier déjà déposé (référence par empreinte) ou ses octets en base64.",
  attributs: [attribut("type", TYPES.typePiece), attribut("designation", TYPES.texte200), attribut("nomFichier", TYPES.texte255)],
  enfants: [
    element("reference", { nom: "Reference", documentation: "Fichier déjà déposé, désigné par son SHA-256.", attributs: [attribut("empreinte", TYPES.empreinte)], enfants: [], choix: false }),
    element("contenu", TYPES.contenu),
  ],
  choix: true,
};

const ligne: Complexe = {
  nom: "Ligne",
  documentation: "Une ligne de prestation ; frais divers, débours et remise valent 0.00 par défaut.",
  attributs: [],
  enfants: [
    element("numeroAffaire", TYPES.numeroAffaire),
    element("dateRequisition", TYPES.date),
    element("autoriteRequerante", TYPES.autorite),
    element("typePrestation", TYPES.texte200),
    element("datePrestation", TYPES.date),
    element("debut", TYPES.dateHeure, 0),
    element("fin", TYPES.dateHeure, 0),
    element("quantite", TYPES.decimal),
    element("tarifHt", TYPES.decimal),
    element("tauxTva", TYPES.decimal),
    element("fraisDivers", TYPES.decimal, 0),
    element("debours", TYPES.decimal, 0),
    element("remise", TYPES.decimal, 0),
    element("pieceJointe", pieceJointe, 0, MAX_PIECES_LIGNE),
  ],
  choix: false,
};

const enTete: Complexe = {
  nom: "EnTete",
  documentation: "L'en-tête ; catégorie et coordonnées bancaires valent par défaut celles de la structure.",
  attributs: [],
  enfants: [
    element("juridiction", TYPES.code),
    element("service", TYPES.identifiant, 0),
    element("categoriePrestataire", TYPES.texte200, 0),
    element("coordonneesBancaires", TYPES.identifiant, 0),
    element("texteReference", TYPES.texte200, 0),
    element("typeTva", TYPES.typeTva, 0),
    element("numeroFacture", TYPES.texte200, 0),
    element("numeroEngagementJuridique", TYPES.texte200, 0),
  ],
  choix: false,
};

/** One mémoire of the lot (an item: integrated or rejected as a whole). */
export const MEMOIRE: Complexe = {
  nom: "Memoire",
  documentation: "Un mémoire : sans élément envoi, il est déposé en brouillon (numéro TMP) ; avec, il est validé et envoyé (numéro MJ).",
  attributs: [],
  enfants: [
    element("enTete", enTete),
    element("ligne", ligne, 0, MAX_LIGNES),
    element("pieceJointe", pieceJointe, 0, MAX_PIECES_MEMOIRE),
    element("remiseGlobaleTtc", TYPES.decimal, 0),
    element("envoi", { nom: "Envoi", documentation: "Valider et envoyer, avec l'attestation sur l'honneur (seed 001).", attributs: [attribut("attestationSurLHonneur", TYPES.booleen)], enfants: [], choix: false }, 0),
  ],
  choix: false,
};

/** The lot header's émetteur. */
export const EMETTEUR: Complexe = {
  nom: "Emetteur",
  documentation: "La structure émettrice (par son identifiant) et l'utilisateur qui dépose, au nom duquel chaque mémoire est créé et envoyé.",
  attributs: [attribut("identifiant", TYPES.identifiantStructure), attribut("utilisateur", TYPES.email)],
  enfants: [],
  choix: false,
};

/** The root element. */
export const LOT: Complexe = {
  nom: "Lot",
  documentation: "Un lot de mémoires (flux E3) : en-tête puis mémoires, au moins un.",
  attributs: [attribut("id", TYPES.idLot), attribut("version", TYPES.version)],
  enfants: [element("emetteur", EMETTEUR), element("memoire", MEMOIRE, 1, Number.POSITIVE_INFINITY)],
  choix: false,
};

// ---------------------------------------------------------------------------------------------------
// XSD generation

const occurrences = (e: Element): string =>
  `${e.min === 1 ? "" : ` minOccurs="${e.min}"`}${e.max === 1 ? "" : ` maxOccurs="${Number.isFinite(e.max) ? e.max : "unbounded"}"`}`;

/** docs/flux.xsd: the XSD 1.0 of the format, generated from the declaration above. */
export const genererXsd = (): string => {
  const simples = new Map<string, TypeSimple>();
  const complexes = new Map<string, Complexe>();
  const parcourir = (c: Complexe): void => {
    if (complexes.has(c.nom)) return;
    complexes.set(c.nom, c);
    for (const a of c.attributs) simples.set(a.type.nom, a.type);
    for (const e of c.enfants) {
      if (estComplexe(e.contenu)) parcourir(e.contenu);
      else simples.set(e.contenu.nom, e.contenu);
    }
  };
  parcourir(LOT);
  const doc = (t: string, retrait: string) => `${retrait}<xs:annotation><xs:documentation>${echapperXml(t)}</xs:documentation></xs:annotation>\n`;
  let xsd = `<?xml version="1.0" encoding="UTF-8"?>
<!-- Generated from backoffice/src/flux/flux.format.ts (genererXsd): do not edit by hand. Format: docs/flux.md. -->
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns="${ESPACE_DE_NOMS_FLUX}" targetNamespace="${ESPACE_DE_NOMS_FLUX}" elementFormDefault="qualified" attributeFormDefault="unqualified">
  <xs:element name="lot" type="Lot"/>
`;
  for (const c of complexes.values()) {
    xsd += `\n  <xs:complexType name="${c.nom}">\n${doc(c.documentation, "    ")}`;
    if (c.enfants.length > 0) {
      const groupe = c.choix ? "xs:choice" : "xs:sequence";
      xsd += `    <${groupe}>\n`;
      for (const e of c.enfants) xsd += `      <xs:element name="${e.nom}" type="${e.contenu.nom}"${occurrences(e)}/>\n`;
      xsd += `    </${groupe}>\n`;
    }
    for (const a of c.attributs) xsd += `    <xs:attribute name="${a.nom}" type="${a.type.nom}"${a.obligatoire ? ' use="required"' : ""}/>\n`;
    xsd += "  </xs:complexType>\n";
  }
  for (const t of simples.values()) {
    xsd += `\n  <xs:simpleType name="${t.nom}">\n${doc(t.documentation, "    ")}    <xs:restriction base="${t.base}">\n`;
    for (const f of t.facettes) xsd += `      ${f}\n`;
    xsd += "    </xs:restriction>\n  </xs:simpleType>\n";
  }
  return `${xsd}</xs:schema>\n`;
};
