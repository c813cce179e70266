import { EnTeteSaisie, EvenementMemoire, LigneSaisie, Memoire, MontantsMemoire } from "@frais-justice/core/memoire";
import { JSONSchema, Schema } from "effect";

/**
 * The OpenAPI 3.1 document of the API (`GET /api/v1/openapi.json`). The mémoire, its lines, en-tête,
 * amounts and audit events are described by JSON Schemas generated from core's own Effect Schemas
 * (their JSON side), so the document follows the domain; `openapi.test.ts` validates real responses
 * of every endpoint against it.
 */

type Json = Readonly<Record<string, unknown>>;

const ref = (nom: string): Json => ({ $ref: `#/components/schemas/${nom}` });

/** JSON Schema of a Schema's JSON side, its `$defs` moved to the components under `prefixe`. */
const depuisEffect = (schema: Schema.Schema.Any, prefixe: string, defs: Record<string, unknown>): Record<string, unknown> => {
  const brut = JSON.parse(JSON.stringify(JSONSchema.make(Schema.encodedSchema(schema)))) as Record<string, unknown>;
  delete brut["$schema"];
  const locales = (brut["$defs"] ?? {}) as Record<string, unknown>;
  delete brut["$defs"];
  const renommer = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(renommer);
    if (typeof v !== "object" || v === null) return v;
    return Object.fromEntries(
      Object.entries(v).map(([k, x]) => [k, k === "$ref" && typeof x === "string" ? x.replace("#/$defs/", `#/components/schemas/${prefixe}`) : renommer(x)]),
    );
  };
  for (const [k, v] of Object.entries(locales)) defs[`${prefixe}${k}`] = renommer(v);
  return renommer(brut) as Record<string, unknown>;
};

const texte: Json = { type: "string" };
const texteOuNull: Json = { type: ["string", "null"] };
const decimal: Json = { type: "string", pattern: "^-?\\d+\\.\\d{2}$", description: "Montant en euros, deux décimales" };
const instant: Json = { type: "string", format: "date-time" };
const objet = (proprietes: Record<string, unknown>, requis: ReadonlyArray<string> = Object.keys(proprietes), additionnels = false): Json => ({
  type: "object",
  properties: proprietes,
  required: requis,
  additionalProperties: additionnels,
});
const liste = (items: Json): Json => objet({ elements: { type: "array", items } });
/** The envelope of every paged answer (`page()` of http/requete.ts), with `items` as elements and any extra members. */
const pageDe = (items: Json, autres: Record<string, unknown> = {}): Json =>
  objet({
    elements: { type: "array", items },
    total: { type: "integer", minimum: 0 },
    totalExact: { type: "boolean", description: "false when the count stopped at `total` (more than `total` results)" },
    page: { type: "integer", minimum: 1 },
    limit: { type: "integer", minimum: 1, maximum: 100 },
    nombrePages: { type: "integer", minimum: 1 },
    liens: objet({ self: texte, first: texte, last: texte, prev: texte, next: texte }, ["self", "first", "last"]),
    ...autres,
  });

const PROPRIETES_JETON = {
  id: texte,
  libelle: texte,
  prefixe: texte,
  creeLe: instant,
  expireLe: instant,
  revoqueLe: { type: ["string", "null"], format: "date-time" },
  dernierUsageLe: { type: ["string", "null"], format: "date-time" },
  actif: { type: "boolean" },
};

const construireSchemas = (): Record<string, unknown> => {
  const defs: Record<string, unknown> = {};
  const memoire = depuisEffect(Memoire, "Memoire_", defs);
  const proprietes = memoire["properties"] as Record<string, unknown>;
  const requis = memoire["required"] as Array<string>;
  const memoireApi = {
    ...memoire,
    properties: {
      ...proprietes,
      statutVisible: { enum: ["BROUILLON", "ENVOYE", "MIS_A_DISPOSITION", "REFUSE", "DUPLIQUE_POST_REFUS", "ABANDONNE", "MIS_EN_PAIEMENT", null] },
      actionsPossibles: { type: "array", items: texte },
    },
    required: [...requis, "statutVisible", "actionsPossibles"],
  };
  const evenement = depuisEffect(EvenementMemoire, "Evenement_", defs);
  const montants = objet({
    montantHtApresRemiseGlobale: decimal,
    montantTva: decimal,
    montantRemiseGlobaleTtc: decimal,
    montantTtcAvantRemiseGlobale: decimal,
    montantTtc: decimal,
  });
  return {
    ...defs,
    Probleme: objet(
      {
        type: texte,
        title: texte,
        status: { type: "integer", minimum: 400, maximum: 599 },
        tag: texte,
        detail: texte,
        instance: texte,
        garde: texte,
        erreurs: { type: "array", items: objet({ chemin: texte, raison: texte }) },
      },
      ["type", "title", "status", "tag"],
      true,
    ),
    Jeton: objet(PROPRIETES_JETON),
    JetonCree: objet({ jeton: { type: "string", pattern: "^fjt_[A-Za-z0-9_-]{43}$", description: "Le jeton, montré une seule fois" }, ...PROPRIETES_JETON }),
    DemandeJeton: objet({ email: texte, motDePasse: texte, libelle: texte, dureeJours: { type: "integer", minimum: 1, maximum: 365 } }, ["email", "motDePasse"]),
    PrerequisManquant: objet({ tag: texte, numero: texte, libelle: texte, mandatEnAttenteId: texte, raison: texte }, ["tag", "numero", "libelle"]),
    Structure: objet({
      id: texte,
      identifiant: objet({ type: texte, valeur: texte }),
      raisonSociale: texte,
      statut: texte,
      services: { type: "array", items: objet({ code: texte, libelle: texte, actif: { type: "boolean" } }) },
      categoriePrestataire: texteOuNull,
      espacesOuverts: { type: "array", items: texte },
      roles: { type: "array", items: { enum: ["GESTIONNAIRE_PRINCIPAL", "GESTIONNAIRE_SECONDAIRE", "UTILISATEUR"] } },
      memoires: objet({ consultation: { type: "boolean" }, modification: { type: "boolean" } }),
      prerequis: objet({ remplis: { type: "boolean" }, manquants: { type: "array", items: ref("PrerequisManquant") } }),
    }),
    Juridiction: objet({ code: texte, libelle: texte, courAppel: texte }),
    EnTeteSaisie: depuisEffect(EnTeteSaisie, "EnTeteSaisie_", defs),
    LigneSaisie: depuisEffect(LigneSaisie, "LigneSaisie_", defs),
    NouveauMemoire: objet({ enTete: { description: "L'en-tête ; `juridiction` peut être donnée par son seul code.", type: "object" }, lignes: { type: "array", items: ref("LigneSaisie") }, remiseGlobaleTtc: { type: ["string", "number"] } }, ["enTete"]),
    Memoire: memoireApi,
    Evenement: evenement,
    MemoireDetail: {
      ...memoireApi,
      properties: { ...memoireApi.properties, historique: { type: "array", items: ref("Evenement") } },
      required: [...memoireApi.required, "historique"],
    },
    Certificat: objet({
      version: texte,
      numero: texte,
      dateDepot: instant,
      prestataire: objet({ structureId: texte, identifiant: texte, raisonSociale: texte }),
      juridiction: objet({ code: texte, libelle: texte }),
      montants,
      empreinte: { type: "string", minLength: 44, maxLength: 44 },
    }),
    Envoi: objet({ memoire: ref("Memoire"), certificat: ref("Certificat") }),
    Duplication: objet({ duplicata: ref("Memoire"), original: ref("Memoire") }),
    Verification: objet({ valide: { type: "boolean" }, numero: texte, empreinte: texte, ecarts: { type: "array", items: objet({ champ: texte, attendu: texte, trouve: texte }) } }, ["valide", "numero", "ecarts"]),
    Montants: depuisEffect(MontantsMemoire, "Montants_", defs),
    LigneMemoire: objet({
      id: texte,
      numero: texte,
      etat: texte,
      statutVisible: texteOuNull,
      version: { type: "integer" },
      structureId: texte,
      serviceId: texteOuNull,
      juridiction: objet({ code: texte, libelle: texte }),
      numeroFacture: texteOuNull,
      numeroEngagementJuridique: texteOuNull,
      texteReference: texteOuNull,
      envoyeLe: { type: ["string", "null"], format: "date-time" },
      etatLe: instant,
      montantTtc: decimal,
      montantTva: decimal,
      montantModifie: { type: "boolean" },
    }),
    PageMemoires: pageDe(ref("LigneMemoire")),
    TableauDeBord: liste(
      objet({
        structureId: texte,
        compteurs: objet(Object.fromEntries(["BROUILLON", "ENVOYE", "MIS_A_DISPOSITION", "REFUSE", "DUPLIQUE_POST_REFUS", "ABANDONNE", "MIS_EN_PAIEMENT"].map((s) => [s, { type: "integer", minimum: 0 }]))),
        total: { type: "integer", minimum: 0 },
      }),
    ),
    TicketVu: objet(
      {
        ticket: objet({ id: texte, numero: { type: "string", pattern: "^CPROCS\\d{7}$" }, etat: texte, version: { type: "integer", minimum: 1 }, titre: texte, journal: { type: "array" } }, ["id", "numero", "etat", "version", "journal"], true),
        activites: { type: "array" },
        statutMemoire: texte,
        actionsPermises: { type: "array", items: texte },
      },
      ["ticket", "activites", "actionsPermises"],
    ),
    PageTickets: pageDe(objet({ id: texte, numero: texte, descriptionBreve: texte, etat: texte, statut: texte }, ["id", "numero", "etat", "statut"], true), {
      compteurs: objet({ ACTIONS_REQUISES: { type: "integer" }, TOUS: { type: "integer" }, CLOTURES: { type: "integer" } }),
    }),
    StatutLot: objet(
      {
        lot: objet(
          {
            id: texte,
            statut: { enum: ["IN_RECU", "IN_EN_COURS_TRAITEMENT", "IN_INTEGRE", "IN_INTEGRE_PARTIEL", "IN_REJETE", "IN_INCIDENTE"] },
            libelleStatut: texte,
            emetteur: objet({ identifiant: texte, utilisateur: texte }, ["utilisateur"], true),
            canal: texte,
            recuLe: instant,
            termineLe: instant,
          },
          ["id", "statut", "libelleStatut", "emetteur", "canal", "recuLe"],
          true,
        ),
        totaux: objet({ memoires: { type: "integer", minimum: 0 }, integres: { type: "integer", minimum: 0 }, rejetes: { type: "integer", minimum: 0 } }),
        erreurLot: texte,
        liens: objet({ statut: texte, compteRendu: texte }),
      },
      ["lot", "totaux"],
      true,
    ),
    CompteRendu: objet(
      {
        lot: { type: "object" },
        totaux: { type: "object" },
        erreurLot: texte,
        elements: {
          type: "array",
          items: {
            oneOf: [
              objet({ indice: { type: "integer" }, ligne: { type: "integer" }, resultat: { const: "INTEGRE" }, numero: texte, memoireId: texte }),
              objet({ indice: { type: "integer" }, ligne: { type: "integer" }, resultat: { const: "REJETE" }, erreurs: { type: "array", items: objet({ chemin: texte, raison: texte }) } }),
            ],
          },
        },
      },
      ["lot", "totaux", "elements"],
    ),
    ListeFiscale: objet({
      du: { type: "string", format: "date" },
      au: { type: "string", format: "date" },
      lignes: {
        type: "array",
        items: objet({
          numero: texte,
          datePaiement: { type: "string", format: "date" },
          referencePaiement: texteOuNull,
          structureId: texte,
          juridiction: objet({ code: texte, libelle: texte }),
          montantHtApresRemiseGlobale: decimal,
          montantTva: decimal,
          montantTtc: decimal,
        }),
      },
      totaux: objet({ montantHtApresRemiseGlobale: decimal, montantTva: decimal, montantTtc: decimal }),
    }),
  };
};

const json = (schema: Json) => ({ "application/json": { schema } });
const probleme = (description: string) => ({ description, content: { "application/problem+json": { schema: ref("Probleme") } } });
const PROBLEMES_LECTURE = { "401": probleme("Jeton absent, inconnu, expiré ou révoqué"), "404": probleme("Introuvable (ou hors des structures du jeton)"), "422": probleme("Saisie invalide"), "429": probleme("Trop de requêtes") };
const PROBLEMES_ECRITURE = {
  ...PROBLEMES_LECTURE,
  "400": probleme("Corps illisible (JSON malformé, trop imbriqué, If-Match illisible)"),
  "403": probleme("Action non autorisée"),
  "409": probleme("Action impossible dans l'état actuel (du mémoire, du ticket…)"),
  "412": probleme("If-Match ne correspond plus à la version de la ressource"),
  "413": probleme("Corps ou fichier trop volumineux"),
  "415": probleme("Type de fichier ou encodage non accepté"),
  "428": probleme("If-Match manquant"),
};
const ETAG = { ETag: { description: "La version du mémoire, à renvoyer dans If-Match", schema: texte } };
const idMemoire = { name: "id", in: "path", required: true, schema: texte };
const IF_MATCH = { name: "If-Match", in: "header", required: true, description: "L'ETag reçu (version du mémoire)", schema: texte };
const requete = (q: ReadonlyArray<string>) => q.map((name) => ({ name, in: "query", required: false, schema: texte }));
const memoireOk = (status: string, description: string) => ({ [status]: { description, headers: ETAG, content: json(ref("Memoire")) } });

const operation = (operationId: string, summary: string, tags: ReadonlyArray<string>, extra: Json) => ({ operationId, summary, tags, ...extra });

/** The OpenAPI 3.1 document. */
export const documentOpenApi = (): Json => ({
  openapi: "3.1.0",
  jsonSchemaDialect: "https://spec.openapis.org/oas/3.1/dialect/base",
  info: {
    title: "frais-justice — API des prestataires",
    version: "1.0.0",
    description: "Mémoires de frais de justice en « mode service » : jetons, structures et prérequis, mémoires, pièces jointes, vues, certificats de dépôt, tickets de support, dépôt flux. Guide : docs/api.md.",
  },
  servers: [{ url: "/api/v1" }],
  security: [{ jeton: [] }],
  tags: [{ name: "Jetons" }, { name: "Structures" }, { name: "Mémoires" }, { name: "Pièces jointes" }, { name: "Vues" }, { name: "Certificats" }, { name: "Tickets" }, { name: "Dépôt flux" }],
  paths: {
    "/jetons": {
      post: operation("creerJeton", "Créer un jeton (adresse électronique et mot de passe du compte)", ["Jetons"], {
        security: [],
        requestBody: { required: true, content: json(ref("DemandeJeton")) },
        responses: { "201": { description: "Le jeton, montré une seule fois", content: json(ref("JetonCree")) }, "401": probleme("Identifiants invalides"), "422": probleme("Saisie invalide"), "429": probleme("Trop de requêtes") },
      }),
      get: operation("listerJetons", "Mes jetons", ["Jetons"], { responses: { "200": { description: "Les jetons (jamais leur valeur)", content: json(liste(ref("Jeton"))) }, ...PROBLEMES_LECTURE } }),
    },
    "/jetons/{id}": {
      delete: operation("revoquerJeton", "Révoquer un de mes jetons", ["Jetons"], {
        parameters: [{ name: "id", in: "path", required: true, schema: texte }],
        responses: { "200": { description: "Le jeton révoqué", content: json(ref("Jeton")) }, ...PROBLEMES_LECTURE },
      }),
    },
    "/structures": { get: operation("listerStructures", "Mes structures et leurs prérequis", ["Structures"], { responses: { "200": { description: "Structures", content: json(liste(ref("Structure"))) }, ...PROBLEMES_LECTURE } }) },
    "/structures/{id}": {
      get: operation("lireStructure", "Une de mes structures et ses prérequis", ["Structures"], {
        parameters: [{ name: "id", in: "path", required: true, schema: texte }],
        responses: { "200": { description: "Structure", content: json(ref("Structure")) }, ...PROBLEMES_LECTURE },
      }),
    },
    "/juridictions": { get: operation("listerJuridictions", "Le référentiel des juridictions destinataires", ["Structures"], { responses: { "200": { description: "Juridictions", content: json(liste(ref("Juridiction"))) }, ...PROBLEMES_LECTURE } }) },
    "/montants": {
      post: operation("calculerMontants", "Calculer les montants d'une saisie (rien n'est enregistré)", ["Mémoires"], {
        requestBody: { required: true, content: json(objet({ typeTva: texte, lignes: { type: "array", items: ref("LigneSaisie") }, remiseGlobaleTtc: { type: ["string", "number"] } }, ["lignes"])) },
        responses: { "200": { description: "Montants par ligne, récapitulatif TVA, totaux", content: json(ref("Montants")) }, ...PROBLEMES_ECRITURE },
      }),
    },
    "/memoires": {
      post: operation("creerMemoire", "Créer un brouillon", ["Mémoires"], { requestBody: { required: true, content: json(ref("NouveauMemoire")) }, responses: { ...memoireOk("201", "Le brouillon (numéro TMP)"), ...PROBLEMES_ECRITURE } }),
      get: operation("rechercherMemoires", "Rechercher (critères de l'onglet Rechercher), paginé", ["Vues"], {
        parameters: requete(["numero", "numeroMode", "juridiction", "numeroEngagementJuridique", "dateDepotDu", "dateDepotAu", "statut", "numeroLot", "categoriePrestataire", "structureId", "serviceId", "texteReference", "tri", "sens", "page", "limit"]),
        responses: { "200": { description: "Une page", headers: { Link: { schema: texte } }, content: json(ref("PageMemoires")) }, ...PROBLEMES_LECTURE },
      }),
    },
    "/memoires/{id}": {
      get: operation("lireMemoire", "Un mémoire et son historique", ["Mémoires"], { parameters: [idMemoire], responses: { "200": { description: "Le mémoire", headers: ETAG, content: json(ref("MemoireDetail")) }, ...PROBLEMES_LECTURE } }),
      delete: operation("supprimerMemoire", "Supprimer un brouillon", ["Mémoires"], { parameters: [idMemoire, IF_MATCH], responses: { "204": { description: "Supprimé" }, ...PROBLEMES_ECRITURE } }),
    },
    "/memoires/{id}/en-tete": {
      put: operation("modifierEnTete", "Modifier l'en-tête d'un brouillon", ["Mémoires"], { parameters: [idMemoire, IF_MATCH], requestBody: { required: true, content: json(ref("EnTeteSaisie")) }, responses: { ...memoireOk("200", "Le brouillon"), ...PROBLEMES_ECRITURE } }),
    },
    "/memoires/{id}/lignes": {
      post: operation("ajouterLigne", "Ajouter une ligne de prestation", ["Mémoires"], { parameters: [idMemoire, IF_MATCH], requestBody: { required: true, content: json(ref("LigneSaisie")) }, responses: { ...memoireOk("200", "Le brouillon"), ...PROBLEMES_ECRITURE } }),
    },
    "/memoires/{id}/lignes/{ligneId}": {
      put: operation("modifierLigne", "Modifier une ligne", ["Mémoires"], {
        parameters: [idMemoire, { name: "ligneId", in: "path", required: true, schema: texte }, IF_MATCH],
        requestBody: { required: true, content: json(ref("LigneSaisie")) },
        responses: { ...memoireOk("200", "Le brouillon"), ...PROBLEMES_ECRITURE },
      }),
      delete: operation("supprimerLigne", "Supprimer une ligne (et ses pièces)", ["Mémoires"], { parameters: [idMemoire, { name: "ligneId", in: "path", required: true, schema: texte }, IF_MATCH], responses: { ...memoireOk("200", "Le brouillon"), ...PROBLEMES_ECRITURE } }),
    },
    "/memoires/{id}/remise-globale": {
      put: operation("modifierRemiseGlobale", "Modifier la remise globale TTC", ["Mémoires"], { parameters: [idMemoire, IF_MATCH], requestBody: { required: true, content: json(objet({ remiseGlobaleTtc: { type: ["string", "number"] } })) }, responses: { ...memoireOk("200", "Le brouillon"), ...PROBLEMES_ECRITURE } }),
    },
    "/memoires/{id}/envoi": {
      post: operation("validerEtEnvoyer", "Valider et envoyer (certificat de dépôt)", ["Mémoires"], {
        parameters: [idMemoire, IF_MATCH],
        requestBody: { required: true, content: json(objet({ attestationSurLHonneur: { type: "boolean" } })) },
        responses: { "200": { description: "Le mémoire envoyé (numéro MJ) et son certificat de dépôt", headers: ETAG, content: json(ref("Envoi")) }, ...PROBLEMES_ECRITURE },
      }),
    },
    "/memoires/{id}/duplication": {
      post: operation("dupliquerMemoire", "Dupliquer un mémoire refusé", ["Mémoires"], { parameters: [idMemoire, IF_MATCH], responses: { "201": { description: "Le nouveau brouillon et l'original", headers: ETAG, content: json(ref("Duplication")) }, ...PROBLEMES_ECRITURE } }),
    },
    "/memoires/{id}/abandon": {
      post: operation("abandonnerMemoire", "Abandonner un mémoire refusé", ["Mémoires"], { parameters: [idMemoire, IF_MATCH], responses: { ...memoireOk("200", "Le mémoire abandonné"), ...PROBLEMES_ECRITURE } }),
    },
    "/memoires/{id}/certificat": {
      get: operation("lireCertificat", "Le certificat de dépôt d'un mémoire envoyé", ["Certificats"], { parameters: [idMemoire], responses: { "200": { description: "Le certificat", content: json(ref("Certificat")) }, ...PROBLEMES_LECTURE } }),
    },
    "/memoires/{id}/pieces-jointes": {
      post: operation("joindrePiece", "Joindre un fichier (PDF, PNG, JPEG, ODT, DOCX ; 4096 Ko au plus)", ["Pièces jointes"], {
        parameters: [idMemoire, IF_MATCH],
        requestBody: {
          required: true,
          content: { "multipart/form-data": { schema: objet({ fichier: { type: "string", contentMediaType: "application/octet-stream" }, designation: texte, type: texte, ligneId: texte }, ["fichier", "designation", "type"]) } },
        },
        responses: { ...memoireOk("201", "Le brouillon avec la pièce"), ...PROBLEMES_ECRITURE },
      }),
    },
    "/memoires/{id}/pieces-jointes/{pieceId}": {
      get: operation("telechargerPiece", "Télécharger une pièce jointe", ["Pièces jointes"], {
        parameters: [idMemoire, { name: "pieceId", in: "path", required: true, schema: texte }],
        responses: {
          "200": {
            description: "Le fichier, avec le type reconnu à son contenu",
            content: Object.fromEntries(
              ["application/pdf", "image/png", "image/jpeg", "application/vnd.oasis.opendocument.text", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"].map((t) => [t, { schema: { type: "string", contentMediaType: t } }]),
            ),
          },
          ...PROBLEMES_LECTURE,
        },
      }),
      delete: operation("detacherPiece", "Retirer une pièce jointe", ["Pièces jointes"], { parameters: [idMemoire, { name: "pieceId", in: "path", required: true, schema: texte }, IF_MATCH], responses: { ...memoireOk("200", "Le brouillon"), ...PROBLEMES_ECRITURE } }),
    },
    "/synthese": {
      get: operation("synthese", "Synthèse : brouillons et refusés", ["Vues"], { parameters: requete(["structureId"]), responses: { "200": { description: "Lignes", content: json(liste(ref("LigneMemoire"))) }, ...PROBLEMES_LECTURE } }),
    },
    "/tableau-de-bord": {
      get: operation("tableauDeBord", "Tableau de bord : nombre de mémoires par statut et par structure", ["Vues"], { responses: { "200": { description: "Une ligne par structure", content: json(ref("TableauDeBord")) }, ...PROBLEMES_LECTURE } }),
    },
    "/liste-fiscale": {
      get: operation("listeFiscale", "Liste fiscale (mémoires mis en paiement sur au plus un an), JSON ou CSV", ["Vues"], {
        parameters: [...requete(["structureId", "format"]), { name: "du", in: "query", required: true, schema: { type: "string", format: "date" } }, { name: "au", in: "query", required: true, schema: { type: "string", format: "date" } }],
        responses: { "200": { description: "Lignes et totaux", content: { ...json(ref("ListeFiscale")), "text/csv": { schema: texte } } }, ...PROBLEMES_LECTURE },
      }),
    },
    "/tickets": {
      post: operation("creerTicket", "Créer un ticket de support (ou un brouillon : `brouillon: true`)", ["Tickets"], {
        requestBody: {
          required: true,
          content: json(
            objet(
              { structureId: texte, serviceId: texte, categorie: texte, sousCategorie: texte, numeroObjet: texte, emetteur: { type: "object" }, titre: texte, description: texte, brouillon: { type: "boolean" } },
              ["structureId", "categorie", "sousCategorie", "emetteur"],
            ),
          ),
        },
        responses: { "201": { description: "Le ticket (numéro CPROCS)", headers: ETAG, content: json(ref("TicketVu")) }, ...PROBLEMES_ECRITURE },
      }),
      get: operation("listerTickets", "Mes tickets émis, par onglet (actions-requises, tous, clotures), avec recherche `q` ; `format=csv` (ou `Accept: text/csv`) : tout l'onglet en CSV", ["Tickets"], {
        parameters: requete(["onglet", "q", "page", "limit", "format"]),
        responses: {
          "200": { description: "Une page et le nombre de tickets de chaque onglet (ou l'onglet en CSV)", headers: { Link: { schema: texte } }, content: { ...json(ref("PageTickets")), "text/csv": { schema: texte } } },
          ...PROBLEMES_LECTURE,
        },
      }),
    },
    "/tickets/{id}": {
      get: operation("lireTicket", "Un de mes tickets et ses activités (sans note interne)", ["Tickets"], { parameters: [idMemoire], responses: { "200": { description: "Le ticket", headers: ETAG, content: json(ref("TicketVu")) }, ...PROBLEMES_LECTURE } }),
      patch: operation("modifierBrouillonTicket", "Modifier le titre et/ou la description d'un brouillon", ["Tickets"], {
        parameters: [idMemoire, IF_MATCH],
        requestBody: { required: true, content: json({ ...objet({ titre: texte, description: texte }, []), minProperties: 1 }) },
        responses: { "200": { description: "Le brouillon", headers: ETAG, content: json(ref("TicketVu")) }, ...PROBLEMES_ECRITURE },
      }),
    },
    ...Object.fromEntries(
      (
        [
          ["soumettre", "soumettreTicket", "Soumettre un brouillon (titre et description obligatoires ; aucun champ)", objet({}, [])],
          ["completer", "completerTicket", "Compléter (réponse à une demande d'informations)", objet({ texte: texte }, [])],
          ["commenter", "commenterTicket", "Commenter le ticket (commentaire public, texte obligatoire)", objet({ texte: texte }, [])],
          ["accepter-solution", "accepterSolution", "Accepter la solution (clôture le ticket)", objet({ texte: texte }, [])],
          ["refuser-solution", "refuserSolution", "Refuser la solution (commentaire obligatoire)", objet({ texte: texte }, [])],
          ["cloturer", "cloturerTicket", "Clôturer le ticket", objet({ texte: texte }, [])],
        ] as const
      ).map(([chemin, id, resume, corps]) => [
        `/tickets/{id}/${chemin}`,
        {
          post: operation(id, resume, ["Tickets"], {
            parameters: [idMemoire, IF_MATCH],
            requestBody: { required: false, content: json(corps) },
            responses: { "200": { description: "Le ticket", headers: ETAG, content: json(ref("TicketVu")) }, ...PROBLEMES_ECRITURE },
          }),
        },
      ]),
    ),
    "/tickets/{id}/pieces-jointes": {
      post: operation("joindreAuTicket", "Joindre un fichier à un ticket (à un brouillon : ajouté à son contenu)", ["Tickets"], {
        parameters: [idMemoire, IF_MATCH],
        requestBody: { required: true, content: { "multipart/form-data": { schema: objet({ fichier: { type: "string", contentMediaType: "application/octet-stream" } }) } } },
        responses: { "201": { description: "Le ticket", headers: ETAG, content: json(ref("TicketVu")) }, ...PROBLEMES_ECRITURE },
      }),
    },
    "/flux": {
      post: operation("deposerLot", "Déposer un lot de mémoires (fichier XML, champ `lot` ; format : docs du dépôt flux)", ["Dépôt flux"], {
        requestBody: { required: true, content: { "multipart/form-data": { schema: objet({ lot: { type: "string", contentMediaType: "application/xml" } }) } } },
        responses: {
          "202": { description: "Reçu : traité en arrière-plan, à interroger", content: json(ref("StatutLot")) },
          "200": { description: "Déjà traité (même fichier déposé à nouveau)", content: json(ref("StatutLot")) },
          ...PROBLEMES_ECRITURE,
          "500": probleme("Incident de traitement (lot IN_INCIDENTE, à déposer à nouveau)"),
        },
      }),
    },
    "/flux/{id}": {
      get: operation("lireLot", "Le statut d'un lot et ses totaux", ["Dépôt flux"], { parameters: [idMemoire], responses: { "200": { description: "Statut", content: json(ref("StatutLot")) }, ...PROBLEMES_LECTURE } }),
    },
    "/flux/{id}/compte-rendu": {
      get: operation("compteRenduLot", "Le compte rendu d'un lot : par mémoire, son numéro ou chaque erreur et son chemin", ["Dépôt flux"], {
        parameters: [idMemoire],
        responses: { "200": { description: "Compte rendu", content: json(ref("CompteRendu")) }, ...PROBLEMES_LECTURE },
      }),
    },
    "/certificats/verification": {
      post: operation("verifierCertificat", "Vérifier un certificat de dépôt", ["Certificats"], {
        requestBody: { required: true, content: json(ref("Certificat")) },
        responses: { "200": { description: "Valide, ou la liste des écarts", content: json(ref("Verification")) }, ...PROBLEMES_ECRITURE },
      }),
    },
  },
  components: {
    securitySchemes: { jeton: { type: "http", scheme: "bearer", description: "Un jeton créé par POST /jetons" } },
    schemas: construireSchemas(),
  },
});
