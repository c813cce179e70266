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
 * An instant as the portal prints it, in the given UTC offset (minutes; Paris is +60 or +120):
 * `03/08/2022 15:16:19` (seed 001 "Ouvert le").
 */
export const formaterDateHeure = (instant: Date, decalageMinutes = 0): string => {
  const d = new Date(instant.getTime() + decalageMinutes * 60_000);
  return `${deux(d.getUTCDate())}/${deux(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${deux(d.getUTCHours())}:${deux(d.getUTCMinutes())}:${deux(d.getUTCSeconds())}`;
};
