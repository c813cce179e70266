import express, { type NextFunction, type Request, type Response } from "express";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/**
 * The back-office's pages ask nothing of any other server. AdminJS's page templates (login and
 * layout) link the Roboto font from Google Fonts: every page an agent opened told Google their
 * address and the page they were on, and on a court network closed to the internet the page waited
 * for a stylesheet that never came. The same font is served here from `@fontsource/roboto` (SIL Open
 * Font License), the link of each page is rewritten to it, and each page carries a
 * Content-Security-Policy that lets it load scripts, styles, fonts, images and data from the
 * back-office only.
 */

/** The font's stylesheet, served by the back-office (its `@font-face` rules point to {@link DOSSIER_POLICES}). */
export const FEUILLE_POLICES = "/admin/polices/roboto.css";
const DOSSIER_POLICES = "/admin/polices";

/** The weights AdminJS's design system uses (light, regular, medium, bold), upright. */
const GRAISSES = [300, 400, 500, 700] as const;

/**
 * The policy of every back-office page: nothing from elsewhere. Scripts and styles may be inline
 * (AdminJS's template writes its initial state in a script, its components inject their styles), never
 * from another origin; no plugin, no framing, forms post to the back-office only.
 */
export const POLITIQUE_CONTENU = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const LIEN_GOOGLE_FONTS = /<link\b[^>]*\bhref="https:\/\/fonts\.googleapis\.com\/[^"]*"[^>]*>/g;

/** The stylesheet of the weights in {@link GRAISSES}, every subset, its URLs rewritten to {@link DOSSIER_POLICES}. */
const feuillePolices = (dossierPaquet: string): string =>
  GRAISSES.map((g) => readFileSync(join(dossierPaquet, `${String(g)}.css`), "utf8"))
    .join("\n")
    .replaceAll("url(./files/", `url(${DOSSIER_POLICES}/`);

/** The font's stylesheet and files, mounted before the session (the login page needs them too). */
export const routesPolices = (): express.Router => {
  const dossierPaquet = dirname(createRequire(import.meta.url).resolve("@fontsource/roboto/package.json"));
  const feuille = feuillePolices(dossierPaquet);
  const routeur = express.Router();
  routeur.get(FEUILLE_POLICES, (_req, res) => {
    res.type("text/css").setHeader("Cache-Control", "public, max-age=86400");
    res.send(feuille);
  });
  routeur.use(DOSSIER_POLICES, express.static(join(dossierPaquet, "files"), { maxAge: "7d", fallthrough: false, index: false }));
  return routeur;
};

/**
 * Rewrites the HTML pages AdminJS sends (`res.send` of a string, content type not set yet): the link
 * to Google Fonts becomes the link to {@link FEUILLE_POLICES}, and the page gets
 * {@link POLITIQUE_CONTENU}. JSON answers, files and streams pass untouched.
 */
export const pagesSansRessourceExterne = (_req: Request, res: Response, next: NextFunction): void => {
  const envoyer = res.send.bind(res);
  res.send = (corps?: unknown) => {
    if (typeof corps === "string" && res.get("Content-Type") === undefined && corps.trimStart().startsWith("<!DOCTYPE html>")) {
      res.setHeader("Content-Security-Policy", POLITIQUE_CONTENU);
      return envoyer(corps.replace(LIEN_GOOGLE_FONTS, `<link rel="stylesheet" href="${FEUILLE_POLICES}" type="text/css">`));
    }
    return envoyer(corps);
  };
  next();
};

const echapper = (texte: string): string => texte.replace(/[&<>"']/g, (c) => `&#${String(c.charCodeAt(0))};`);

/** A page of the back-office that says why a request was refused (400: what it asked cannot be read), with the way back (sign-in page for 401, dashboard otherwise). */
export const pageRefus = (statut: 400 | 401 | 403 | 404, message: string): string => {
  const titre = statut === 400 ? "Demande non traitée" : statut === 401 ? "Session terminée" : statut === 403 ? "Accès refusé" : "Introuvable";
  const retour = statut === 401 ? `<a href="/admin/login">Se connecter</a>` : `<a href="/admin">Retour au tableau de bord</a>`;
  return `<!DOCTYPE html>
<html lang="fr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${titre} — Frais de justice</title>
<link rel="stylesheet" href="${FEUILLE_POLICES}" type="text/css">
<style>body{font-family:Roboto,sans-serif;margin:4rem auto;max-width:40rem;color:#1c1c38;line-height:1.5}h1{font-size:1.5rem;font-weight:500}a{color:#3040d6}</style></head>
<body><main><h1>${titre}</h1><p>${echapper(message)}</p><p>${retour}</p></main></body>
</html>`;
};

/**
 * Answers a refused request in the form its client reads: the page {@link pageRefus} to a browser
 * opening the URL (it accepts HTML before JSON), `{ erreur }` in JSON to AdminJS's screens and any other
 * client. The status is the same either way.
 */
export const refuser = (req: Request, res: Response, statut: 400 | 401 | 403 | 404, message: string): void => {
  res.status(statut);
  if (req.accepts(["json", "html"]) === "html") res.send(pageRefus(statut, message));
  else res.json({ erreur: message });
};
