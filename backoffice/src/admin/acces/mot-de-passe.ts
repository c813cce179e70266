import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";

/**
 * Password hashing of the agents: scrypt (memory-hard, RFC 7914) with a random 16-byte salt per
 * password and N = 2^15, r = 8, p = 1 (OWASP's minimum for scrypt), 32-byte key. Stored as
 * `scrypt$N$r$p$salt$hash` (base64) so the parameters can be raised later without a migration.
 */
const PARAMETRES = { N: 2 ** 15, r: 8, p: 1 } as const;
const LONGUEUR_CLE = 32;

const deriver = (motDePasse: string, sel: Buffer, options: ScryptOptions, longueur: number): Promise<Buffer> =>
  new Promise((ok, ko) => {
    // maxmem: 128·N·r bytes are needed; the default (32 MiB) is exactly too small for N = 2^15.
    scrypt(motDePasse.normalize("NFC"), sel, longueur, { ...options, maxmem: 256 * 1024 * 1024 }, (erreur, cle) => (erreur === null ? ok(cle) : ko(erreur)));
  });

/** Hashes a password (about 50–100 ms: deliberate). */
export const hacherMotDePasse = async (motDePasse: string): Promise<string> => {
  const sel = randomBytes(16);
  const cle = await deriver(motDePasse, sel, PARAMETRES, LONGUEUR_CLE);
  return `scrypt$${PARAMETRES.N}$${PARAMETRES.r}$${PARAMETRES.p}$${sel.toString("base64")}$${cle.toString("base64")}`;
};

/** A hash to compare against when the e-mail is unknown: the answer takes the same time either way. */
let leurre: Promise<string> | undefined;
export const hashLeurre = (): Promise<string> => (leurre ??= hacherMotDePasse(randomBytes(18).toString("base64")));

/** Checks a password against a stored hash, in constant time; false for any malformed hash. */
export const verifierMotDePasseHache = async (motDePasse: string, stocke: string): Promise<boolean> => {
  const morceaux = stocke.split("$");
  if (morceaux.length !== 6 || morceaux[0] !== "scrypt") return false;
  const [, n, r, p, selB64, cleB64] = morceaux;
  const N = Number(n);
  const options = { N, r: Number(r), p: Number(p) };
  if (![options.N, options.r, options.p].every((x) => Number.isSafeInteger(x) && x > 0) || N > 2 ** 20) return false;
  const attendu = Buffer.from(cleB64 ?? "", "base64");
  if (attendu.length < 16) return false;
  const obtenu = await deriver(motDePasse, Buffer.from(selB64 ?? "", "base64"), options, attendu.length);
  return timingSafeEqual(obtenu, attendu);
};
