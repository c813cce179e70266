import type { ErreurDeChamp } from "@frais-justice/core";
import type { ErrorRequestHandler, RequestHandler, Response } from "express";

/**
 * Errors of the API as RFC 9457 problem details (`application/problem+json`). Every problem carries
 * `tag`, the name of the core or back-office error it comes from (`SaisieInvalide`,
 * `TransitionRefusee`, `ConflitDeVersion`…), and for input errors `erreurs`: each field path
 * (`lignes[0].tauxTva`) with its reason, exactly as core's `SaisieInvalide` lists them.
 *
 * Stable surface for every router of the API (mémoires, dépôt flux…): {@link Probleme},
 * {@link probleme}, {@link envoyerProbleme}, {@link problemeDepuisErreur}, {@link ErreurHttp},
 * {@link gestionnaireErreurs}, {@link routeInconnue}.
 */

/** The media type of a problem. */
export const TYPE_PROBLEME = "application/problem+json";

/** A problem detail (RFC 9457 §3) with the project's extension members. */
export interface Probleme {
  /** `urn:frais-justice:probleme:<tag>`: one URI per kind of problem. */
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  /** The request path the problem is about. */
  readonly instance?: string;
  /** The tag of the error (core's `Data.TaggedError` name, or the API's own). */
  readonly tag: string;
  /** Input errors: every offending field and why. */
  readonly erreurs?: ReadonlyArray<ErreurDeChamp>;
  /** The rule of core's machine that refused the command (`TransitionRefusee`). */
  readonly garde?: string;
  /** Further data explaining the problem (current version, missing prérequis…). */
  readonly [membre: string]: unknown;
}

/** Builds a problem; `type` is derived from the tag. */
export const probleme = (status: number, tag: string, title: string, extra: Readonly<Record<string, unknown>> & { readonly detail?: string } = {}): Probleme => ({
  type: `urn:frais-justice:probleme:${tag}`,
  title,
  status,
  tag,
  ...extra,
});

/** A problem thrown inside a handler (caught by {@link gestionnaireErreurs}). */
export class ErreurHttp extends Error {
  constructor(readonly probleme: Probleme) {
    super(probleme.detail ?? probleme.title);
    this.name = "ErreurHttp";
  }
}

/** Sends a problem with its status and media type. */
export const envoyerProbleme = (res: Response, p: Probleme): void => {
  const corps = res.req?.originalUrl === undefined || p.instance !== undefined ? p : { ...p, instance: res.req.originalUrl.split("?")[0] };
  res.status(p.status).type(TYPE_PROBLEME).send(JSON.stringify(corps));
};

interface ErreurTaguee {
  readonly _tag: string;
  readonly message?: string;
  readonly [cle: string]: unknown;
}

/** Rules of a machine (mémoire or ticket) that refuse because of the current state: a 409. */
const GARDES_D_ETAT = new Set(["etatIncompatible", "ticketClos", "solutionEnAttenteDeReponse"]);

const estTaguee = (e: unknown): e is ErreurTaguee => typeof e === "object" && e !== null && typeof (e as { _tag?: unknown })._tag === "string";

/**
 * The problem of a core or back-office error, by its tag: input errors 422 (with the field paths), a
 * rule of the machine 422 (naming it) or 409 when the state does not admit the command, an authorization
 * refusal 403, a version conflict 412, a state that does not admit the command 409 (`etatIncompatible`,
 * `ticketClos`, `solutionEnAttenteDeReponse`), an unknown aggregate 404, a refused file 413/415/422.
 * Anything else is a 500 that says nothing about the internals.
 */
export const problemeDepuisErreur = (e: unknown): Probleme => {
  if (e instanceof ErreurHttp) return e.probleme;
  if (!estTaguee(e)) return probleme(500, "ErreurInterne", "Erreur interne", { detail: "Une erreur inattendue est survenue ; rien n'a été enregistré." });
  const detail = typeof e.message === "string" && e.message !== "" ? e.message : undefined;
  const avecDetail = (extra: Record<string, unknown> = {}) => ({ ...(detail === undefined ? {} : { detail }), ...extra });
  switch (e._tag) {
    case "SaisieInvalide":
      return probleme(422, e._tag, "Saisie invalide", avecDetail({ erreurs: e["erreurs"] }));
    case "TransitionRefusee": {
      const garde = typeof e["garde"] === "string" ? e["garde"] : "";
      if (garde === "acteurNonAutorise" || garde.startsWith("acteur")) return probleme(403, e._tag, "Action non autorisée", avecDetail({ garde, evenement: e["evenement"], etat: e["etat"] }));
      if (GARDES_D_ETAT.has(garde)) return probleme(409, e._tag, "Action impossible dans l'état actuel", avecDetail({ garde, evenement: e["evenement"], etat: e["etat"] }));
      return probleme(422, e._tag, "Règle de gestion non respectée", avecDetail({ garde, evenement: e["evenement"], etat: e["etat"] }));
    }
    case "NonAutorise":
      return probleme(403, e._tag, "Action non autorisée", avecDetail({ raison: e["raison"] }));
    case "ConflitDeVersion":
      return probleme(412, e._tag, "Modifié depuis votre lecture", avecDetail(e["versionTrouvee"] === undefined ? {} : { versionCourante: e["versionTrouvee"] }));
    case "MemoireIntrouvable":
    case "DocumentIntrouvable":
    case "TicketIntrouvable":
      return probleme(404, e._tag, "Introuvable", avecDetail());
    case "PeriodeTropLongue":
      return probleme(422, e._tag, "Période trop longue", avecDetail({ du: e["du"], au: e["au"], auPlusTard: e["auPlusTard"] }));
    case "PieceRefusee": {
      const raison = String(e["raison"]);
      const status = raison === "TROP_GRANDE" ? 413 : raison === "TYPE_NON_RECONNU" ? 415 : 422;
      return probleme(status, e._tag, "Fichier refusé", avecDetail({ raison }));
    }
    case "CategorieInconnue":
      return probleme(422, e._tag, "Catégorie inconnue", avecDetail());
    case "NumeroInvalide":
    case "NumeroTicketInvalide":
      return probleme(503, e._tag, "Numérotation indisponible", avecDetail());
    default:
      return probleme(500, "ErreurInterne", "Erreur interne", { detail: "Une erreur inattendue est survenue ; rien n'a été enregistré." });
  }
};

/** Wraps an async handler: a rejected promise goes to express's error handler. */
export const asynchrone =
  (handler: (...args: Parameters<RequestHandler>) => Promise<void>): RequestHandler =>
  (req, res, next) => {
    handler(req, res, next).catch(next);
  };

interface ErreurCorps {
  readonly type?: unknown;
  readonly status?: unknown;
  readonly code?: unknown;
  readonly field?: unknown;
  readonly limit?: unknown;
  readonly charset?: unknown;
}

/**
 * The last error handler of the API: a problem for everything — malformed JSON (400 `JsonMalforme`),
 * a body over the limit (413 `CorpsTropVolumineux`), an unsupported charset or encoding (415),
 * multipart errors (413/400), problems thrown by handlers; an unexpected error is logged and
 * answered 500 without detail.
 */
export const gestionnaireErreurs: ErrorRequestHandler = (erreur: unknown, req, res, next) => {
  if (res.headersSent) return next(erreur);
  const e = (typeof erreur === "object" && erreur !== null ? erreur : {}) as ErreurCorps;
  let p: Probleme;
  if (erreur instanceof ErreurHttp) p = erreur.probleme;
  else if (e.type === "entity.parse.failed") p = probleme(400, "JsonMalforme", "Corps JSON malformé", { detail: "Le corps de la requête n'est pas un document JSON valide." });
  else if (e.type === "entity.too.large") p = probleme(413, "CorpsTropVolumineux", "Corps de requête trop volumineux", { detail: `Le corps dépasse la limite de ${String(e.limit)} octets.` });
  else if (e.type === "charset.unsupported" || e.type === "encoding.unsupported")
    p = probleme(415, "EncodageNonSupporte", "Encodage non supporté", { detail: "Le corps doit être du JSON en UTF-8 (identity, gzip ou deflate)." });
  else if (e.type === "entity.verify.failed" || e.type === "request.aborted" || e.type === "request.size.invalid" || e.type === "stream.encoding.set")
    p = probleme(400, "CorpsIllisible", "Corps de requête illisible");
  else if (typeof e.code === "string" && e.code.startsWith("LIMIT_"))
    p =
      e.code === "LIMIT_FILE_SIZE"
        ? probleme(413, "PieceRefusee", "Fichier refusé", { raison: "TROP_GRANDE", detail: "fichier de plus de 4096 Ko" })
        : probleme(400, "MultipartInvalide", "Formulaire multipart invalide", { detail: `${e.code}${typeof e.field === "string" ? ` (${e.field})` : ""}` });
  else p = problemeDepuisErreur(erreur);
  // A 5xx is a bug or an outage: logged with its cause, never described to the client.
  if (p.status >= 500) console.error(`API ${req.method} ${req.originalUrl.split("?")[0] ?? ""} :`, erreur);
  envoyerProbleme(res, p);
};

/** 404 for a path or method the API does not have. */
export const routeInconnue: RequestHandler = (req, res) =>
  envoyerProbleme(res, probleme(404, "RessourceInconnue", "Ressource inconnue", { detail: `${req.method} ${req.originalUrl.split("?")[0] ?? ""} n'existe pas dans l'API.` }));

/** 404 for something the token may not see: never says whether it exists. */
export const introuvable = (quoi: string): ErreurHttp => new ErreurHttp(probleme(404, "Introuvable", "Introuvable", { detail: `${quoi} introuvable.` }));
