import { SaisieInvalide } from "@frais-justice/core";
import type { NextFunction, Request, RequestHandler, Response } from "express";
import { ErreurHttp, probleme } from "./probleme.js";

/**
 * Reading requests: JSON bodies (an object, not too deep), `If-Match` versions, pagination
 * (`page` + `limit`, with `Link` and `liens`), and the `ETag` of a versioned resource.
 */

/** Deepest nesting accepted in a JSON body: the API's documents are 4 levels deep at most. */
export const PROFONDEUR_MAX = 32;

const profondeur = (racine: unknown): number => {
  let max = 0;
  const pile: Array<[unknown, number]> = [[racine, 1]];
  while (pile.length > 0) {
    const [v, p] = pile.pop() as [unknown, number];
    if (typeof v !== "object" || v === null) continue;
    if (p > max) max = p;
    if (max > PROFONDEUR_MAX) return max;
    for (const enfant of Array.isArray(v) ? v : Object.values(v)) pile.push([enfant, p + 1]);
  }
  return max;
};

/** Refuses a JSON body nested deeper than {@link PROFONDEUR_MAX} (400 `CorpsTropImbrique`), before any handler reads it. */
export const limiterProfondeur: RequestHandler = (req: Request, _res: Response, next: NextFunction) => {
  if (req.body !== undefined && profondeur(req.body) > PROFONDEUR_MAX) {
    return next(new ErreurHttp(probleme(400, "CorpsTropImbrique", "Corps JSON trop imbriqué", { detail: `Au plus ${PROFONDEUR_MAX} niveaux d'imbrication.` })));
  }
  next();
};

/** The JSON body as an object; anything else (array, absent body, other media type) is a `SaisieInvalide` on the root. */
export const corpsObjet = (req: Request): Readonly<Record<string, unknown>> => {
  const b: unknown = req.body;
  if (!req.is("application/json")) throw new SaisieInvalide({ erreurs: [{ chemin: "", raison: "corps JSON attendu (Content-Type: application/json)" }] });
  if (typeof b !== "object" || b === null || Array.isArray(b)) throw new SaisieInvalide({ erreurs: [{ chemin: "", raison: "un objet JSON est attendu" }] });
  return b as Record<string, unknown>;
};

/** The `ETag` of a version: a strong entity tag `"<version>"`. */
export const etag = (version: number): string => `"${version}"`;

/**
 * The version the client based its write on, from `If-Match` (`"3"`, `W/"3"` or `3`): 428
 * `PreconditionRequise` when absent, 400 when unreadable. A stale version becomes a 412 when the
 * repository compares it.
 */
export const versionAttendue = (req: Request): number => {
  const v = req.get("If-Match");
  if (v === undefined || v.trim() === "")
    throw new ErreurHttp(probleme(428, "PreconditionRequise", "If-Match requis", { detail: "Les écritures exigent l'en-tête If-Match avec l'ETag (la version) de la ressource lue." }));
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(v);
  if (m === null || m[1] === undefined)
    throw new ErreurHttp(probleme(400, "IfMatchIllisible", "If-Match illisible", { detail: "If-Match attend l'ETag reçu, par exemple \"3\" (« * » n'est pas accepté)." }));
  return Number(m[1]);
};

/** Page and page size asked (`page` ≥ 1, `limit` 1..max). */
export interface Pagination {
  readonly page: number;
  readonly limite: number;
}

const entier = (v: unknown): number | undefined => (typeof v === "string" && /^\d{1,7}$/.test(v) ? Number(v) : undefined);

/** Reads `page` and `limit` from the query string; a bad value is a `SaisieInvalide` naming it. */
export const lirePagination = (req: Request, defaut = 20, max = 100): Pagination => {
  const q = req.query;
  const erreurs: Array<{ chemin: string; raison: string }> = [];
  const page = q["page"] === undefined ? 1 : entier(q["page"]);
  const limite = q["limit"] === undefined ? defaut : entier(q["limit"]);
  if (page === undefined || page < 1) erreurs.push({ chemin: "page", raison: "entier ≥ 1 attendu" });
  if (limite === undefined || limite < 1 || limite > max) erreurs.push({ chemin: "limit", raison: `entier entre 1 et ${max} attendu` });
  if (erreurs.length > 0) throw new SaisieInvalide({ erreurs });
  return { page: page ?? 1, limite: limite ?? defaut };
};

/** The links of a page (`self`, `first`, `last`, `prev`, `next`), also sent as an RFC 8288 `Link` header. */
export interface LiensPage {
  readonly self: string;
  readonly first: string;
  readonly last: string;
  readonly prev?: string;
  readonly next?: string;
}

/** A page of results as every paged endpoint answers it. */
export interface Page<T> {
  readonly elements: ReadonlyArray<T>;
  /** The number of results; when `totalExact` is false the count stopped there ("more than `total`"). */
  readonly total: number;
  readonly totalExact: boolean;
  readonly page: number;
  readonly limit: number;
  readonly nombrePages: number;
  readonly liens: LiensPage;
}

/**
 * Builds the page envelope and sets the `Link` header. `totalExact: false` says the count was capped
 * (a search over millions of mémoires stops counting at 10,000): `total` then means "more than".
 */
export const page = <T>(req: Request, res: Response, elements: ReadonlyArray<T>, total: number, p: Pagination, totalExact = true): Page<T> => {
  const nombrePages = Math.max(1, Math.ceil(total / p.limite));
  const lien = (n: number): string => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(req.query)) if (typeof v === "string" && k !== "page" && k !== "limit") params.set(k, v);
    params.set("page", String(n));
    params.set("limit", String(p.limite));
    return `${req.baseUrl}${req.path === "/" ? "" : req.path}?${params.toString()}`;
  };
  const liens: LiensPage = {
    self: lien(p.page),
    first: lien(1),
    last: lien(nombrePages),
    ...(p.page > 1 ? { prev: lien(Math.min(p.page - 1, nombrePages)) } : {}),
    ...(p.page < nombrePages ? { next: lien(p.page + 1) } : {}),
  };
  res.setHeader(
    "Link",
    Object.entries(liens)
      .map(([rel, url]) => `<${String(url)}>; rel="${rel}"`)
      .join(", "),
  );
  return { elements, total, totalExact, page: p.page, limit: p.limite, nombrePages, liens };
};
