import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { chromium, type BrowserContext, type Locator, type Page } from "playwright-core";
import { RACINE_BACKOFFICE } from "../src/base/configuration.js";
import { ouvrirOrm, type Orm } from "../src/base/orm.js";
import { AGENTS_DEMO, type AgentDemo } from "../src/serveur/demo.js";

/**
 * What the browser tests share: Debian's Chromium (the suites are skipped, loudly, only when it is
 * absent and CI is not "true"), the screenshots folder, the demo accounts, the components' bundle,
 * the server started as `npm start` starts it, and the browser context.
 */
export const CHROMIUM = "/usr/bin/chromium";
export const present = existsSync(CHROMIUM);
if (!present) {
  const message = `\n${"!".repeat(100)}\n!!! TESTS NAVIGATEUR IGNORÉS : ${CHROMIUM} est absent (apt-get install -y chromium).\n${"!".repeat(100)}\n`;
  if (process.env["CI"] === "true") throw new Error(`CI=true : ${CHROMIUM} est obligatoire pour les tests navigateur`);
  process.stderr.write(message);
}

/** Where the browser tests write the documentation's screenshots. */
export const IMAGES = resolve(RACINE_BACKOFFICE, "..", "docs", "images");

/** A demo agent by id (its e-mail and documented password). */
export const compte = (id: string): AgentDemo => {
  const a = AGENTS_DEMO.find((x) => x.id === id);
  if (a === undefined) throw new Error(id);
  return a;
};

/** A free TCP port on the loopback. */
export const portLibre = (): Promise<number> =>
  new Promise((ok, ko) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const adresse = s.address();
      s.close(() => (typeof adresse === "object" && adresse !== null ? ok(adresse.port) : ko(new Error("port"))));
    });
  });

/** Waits until the server answers; the first start runs migrations, seed and demo data (up to a minute or two on a loaded machine). */
export const attendreServeur = async (url: string): Promise<void> => {
  for (let i = 0; i < 1200; i += 1) {
    try {
      const r = await fetch(url, { redirect: "manual" });
      if (r.status > 0) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((ok) => setTimeout(ok, 100));
  }
  throw new Error("le serveur n'a pas démarré en 120 s");
};

/** (Re)bundles the AdminJS components when the bundle is missing or older than a component or a registration file. */
export const empaqueterSiBesoin = (): void => {
  const bundle = join(RACINE_BACKOFFICE, ".adminjs", "bundle.js");
  const composants = join(RACINE_BACKOFFICE, "src", "admin", "composants");
  const enregistrements = [join(composants, "..", "composants.ts"), join(composants, "..", "support", "composants.ts")];
  const plusRecent = Math.max(...readdirSync(composants).map((f) => statSync(join(composants, f)).mtimeMs), ...enregistrements.map((f) => statSync(f).mtimeMs));
  if (!existsSync(bundle) || statSync(bundle).mtimeMs < plusRecent) {
    const r = spawnSync(process.execPath, ["--conditions=source", "--import", "tsx", "src/serveur/bundle.ts"], { cwd: RACINE_BACKOFFICE, env: { ...process.env, NODE_ENV: "production" }, stdio: "inherit" });
    if (r.status !== 0) throw new Error("empaquetage des composants impossible");
  }
};

/**
 * Starts the back-office in its own process on a free port, on the SQLite file `fichier` (created,
 * migrated and seeded with the demo data on this first start; attachments in a `pieces` folder beside it), and waits until it answers.
 */
export const demarrerServeur = async (fichier: string, env: Readonly<Record<string, string>> = {}): Promise<{ readonly serveur: ChildProcess; readonly base: string }> => {
  const port = await portLibre();
  const serveur = spawn(process.execPath, ["--conditions=source", "--import", "tsx", "src/serveur/main.ts"], {
    cwd: RACINE_BACKOFFICE,
    env: { ...process.env, PORT: String(port), FJ_SQLITE_FILE: fichier, FJ_PIECES_DIR: join(dirname(fichier), "pieces"), DATABASE_URL: "", NODE_ENV: "production", ADMIN_JS_SKIP_BUNDLE: "true", ...env },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  await attendreServeur(`${base}/admin/login`);
  return { serveur, base };
};

/**
 * A headless Chromium context on the profile folder `profil`, in French, that reaches nothing but
 * `base`. `horsServeur` collects what should never happen: a request to another server (refused),
 * and a page's report of something its Content-Security-Policy blocked.
 */
export const ouvrirChromium = async (profil: string, base: string): Promise<{ readonly contexte: BrowserContext; readonly page: Page; readonly horsServeur: Array<string> }> => {
  const contexte = await chromium.launchPersistentContext(profil, {
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    viewport: ECRAN,
    locale: "fr-FR",
  });
  const horsServeur: Array<string> = [];
  await contexte.route("**/*", (route) => {
    if (route.request().url().startsWith(base)) return route.continue();
    horsServeur.push(`requête ${route.request().url()}`);
    return route.abort();
  });
  const page = contexte.pages()[0] ?? (await contexte.newPage());
  page.on("console", (m) => {
    if (m.text().includes("Content Security Policy")) horsServeur.push(`politique ${m.text()}`);
  });
  return { contexte, page, horsServeur };
};

/** What a browser suite works with, from {@link ouvrirBanc}. */
export interface Banc {
  /** The server's origin (`http://127.0.0.1:port`). */
  readonly base: string;
  /** The suite's folder: the SQLite file `e2e.sqlite` and the attachments' folder `pieces`. */
  readonly dossier: string;
  /** The server's database, opened by the suite (without migrating: the server did). */
  readonly orm: Orm;
  readonly contexte: BrowserContext;
  readonly page: Page;
  /** What should never happen, collected by {@link ouvrirChromium}: each suite ends by checking it is empty. */
  readonly horsServeur: Array<string>;
  /** Signs out, then signs the demo agent `id` in, with their password unless another one is given. */
  connecter(id: string, motDePasse?: string): Promise<void>;
  /** Closes the browser and the database, stops the server, removes the folders. */
  fermer(): Promise<void>;
}

/**
 * The back-office started on a new SQLite file of demo data in a new folder named after `prefixe`
 * (components bundled first when they changed), its database opened, and a Chromium on a new profile.
 * What was started is stopped again when a step fails.
 */
export const ouvrirBanc = async (prefixe: string): Promise<Banc> => {
  empaqueterSiBesoin();
  const dossier = mkdtempSync(join(tmpdir(), prefixe));
  const profil = mkdtempSync(join(tmpdir(), "fj-chromium-"));
  const fichier = join(dossier, "e2e.sqlite");
  let serveur: ChildProcess | undefined;
  let orm: Orm | undefined;
  let contexte: BrowserContext | undefined;
  const fermer = async (): Promise<void> => {
    await contexte?.close();
    await orm?.close(true);
    serveur?.kill("SIGTERM");
    rmSync(profil, { recursive: true, force: true });
    rmSync(dossier, { recursive: true, force: true });
  };
  try {
    const demarre = await demarrerServeur(fichier);
    serveur = demarre.serveur;
    orm = await ouvrirOrm({ dialecte: "sqlite", fichier }, { migrer: false });
    const navigateur = await ouvrirChromium(profil, demarre.base);
    contexte = navigateur.contexte;
    const { page } = navigateur;
    const connecter = async (id: string, motDePasse = compte(id).motDePasse): Promise<void> => {
      await page.goto(`${demarre.base}/admin/logout`);
      await page.goto(`${demarre.base}/admin/login`);
      await page.fill("input[name=email]", compte(id).email);
      await page.fill("input[name=password]", motDePasse);
      await page.click("form button");
      await page.waitForLoadState("networkidle");
    };
    return { base: demarre.base, dossier, orm, contexte, page, horsServeur: navigateur.horsServeur, connecter, fermer };
  } catch (e) {
    await fermer();
    throw e;
  }
};

/** The browser context's viewport (the screen the tests take as an agent's). */
export const ECRAN = { width: 1440, height: 1000 } as const;

/**
 * A screenshot of the whole page for the documentation: AdminJS scrolls inside its layout, not the
 * window, so Playwright's `fullPage` stops at the screen's height; the viewport grows to the height
 * of the tallest scrolling box for the shot (at most 5,000 pixels), then returns to {@link ECRAN}.
 */
export const capturePageEntiere = async (page: Page, chemin: string): Promise<void> => {
  const hauteur = Number(await page.evaluate("Math.max(...Array.from(document.querySelectorAll('*'), (e) => e.scrollHeight))"));
  await page.setViewportSize({ width: ECRAN.width, height: Math.min(Math.max(hauteur, ECRAN.height), 5000) });
  try {
    await page.screenshot({ path: chemin, fullPage: true });
  } finally {
    await page.setViewportSize(ECRAN);
  }
};

/** The boxes around `element` that scroll sideways (tag and widths): none when all of it is in view. */
export const debordementsLateraux = (element: Locator): Promise<Array<string>> => {
  type Boite = { readonly parentElement: Boite | null; readonly scrollWidth: number; readonly clientWidth: number; readonly tagName: string };
  return element.evaluate((e: Boite) => {
    const trop: Array<string> = [];
    for (let b: Boite | null = e.parentElement; b !== null; b = b.parentElement) if (b.scrollWidth > b.clientWidth + 1) trop.push(`${b.tagName} ${b.scrollWidth}/${b.clientWidth}`);
    return trop;
  });
};
