import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { resolve } from "node:path";
import { RACINE_BACKOFFICE } from "../src/base/configuration.js";
import { AGENTS_DEMO, type AgentDemo } from "../src/serveur/demo.js";

/**
 * What the browser tests share: Debian's Chromium (the suites are skipped, loudly, only when it is
 * absent and CI is not "true"), the screenshots folder, the demo accounts, a free port and the wait
 * for the server's first start.
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
