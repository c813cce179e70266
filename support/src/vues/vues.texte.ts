/** Lower-case, accent-free form of a text for keyword search (`Mémoire` → `memoire`). */
export const normaliser = (texte: string): string =>
  texte
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();

/** `true` when every word of `motsCles` appears in one of `champs` (accent- and case-insensitive). */
export const correspond = (champs: ReadonlyArray<string>, motsCles: string): boolean => {
  const mots = normaliser(motsCles).split(/\s+/).filter((m) => m !== "");
  if (mots.length === 0) return true;
  const texte = champs.map(normaliser).join("\n");
  return mots.every((m) => texte.includes(m));
};

const deux = (n: number): string => String(n).padStart(2, "0");

/**
 * Where an instant is read: a fixed UTC offset in minutes, or `Europe/Paris`, whose offset is the
 * one of that very instant (+60 in winter, +120 in summer).
 */
export type Fuseau = number | "Europe/Paris";

const PARIS = new Intl.DateTimeFormat("fr-FR", {
  timeZone: "Europe/Paris",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

/**
 * An instant as the portal prints it, in the given {@link Fuseau} (default UTC):
 * `03/08/2022 15:16:19` (seed 001 "Ouvert le").
 */
export const formaterDateHeure = (instant: Date, fuseau: Fuseau = 0): string => {
  if (fuseau === "Europe/Paris") {
    const p = Object.fromEntries(PARIS.formatToParts(instant).map((x) => [x.type, x.value]));
    return `${p["day"] ?? ""}/${p["month"] ?? ""}/${p["year"] ?? ""} ${p["hour"] ?? ""}:${p["minute"] ?? ""}:${p["second"] ?? ""}`;
  }
  const d = new Date(instant.getTime() + fuseau * 60_000);
  return `${deux(d.getUTCDate())}/${deux(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${deux(d.getUTCHours())}:${deux(d.getUTCMinutes())}:${deux(d.getUTCSeconds())}`;
};
