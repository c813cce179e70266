import { describe, expect, it } from "vitest";
import { datesIllisibles, valeursInconnues } from "./filtres-dates.js";

describe("datesIllisibles: the date filters of a list request that cannot be read", () => {
  const types: Record<string, string> = { envoyeLe: "datetime", creeLe: "date", numero: "string" };
  const libelles: Record<string, string> = { envoyeLe: "Date de dépôt", creeLe: "Créé le", numero: "Numéro" };
  const lire = (query: Record<string, unknown>) =>
    datesIllisibles(
      query,
      (chemin) => types[chemin],
      (chemin) => libelles[chemin] ?? chemin,
    );

  it("names each unreadable bound by its label, « du » or « au », with the value as typed", () => {
    expect(lire({ "filters.envoyeLe~~from": "31/02/2026", "filters.envoyeLe~~to": "2026-02-31", "filters.creeLe~~from": " abc " })).toEqual([
      "Date de dépôt (du) « 31/02/2026 »",
      "Date de dépôt (au) « 2026-02-31 »",
      "Créé le (du) « abc »",
    ]);
  });

  it("accepts days and instants, and ignores empty values, other filters and other keys", () => {
    expect(
      lire({
        "filters.envoyeLe~~from": "2026-11-20",
        "filters.envoyeLe~~to": "2026-11-20T23:00:00.000Z",
        "filters.creeLe~~from": "",
        "filters.numero": "abc",
        "filters.numero~~from": "abc",
        "filters.inconnu~~from": "abc",
        page: "2",
      }),
    ).toEqual([]);
    expect(lire({})).toEqual([]);
    expect(datesIllisibles(undefined, () => "datetime", (c) => c)).toEqual([]);
  });

  it("shortens a long value and drops the braces a translation would read as a placeholder", () => {
    const [texte] = lire({ "filters.envoyeLe~~from": `{{x}}${"9".repeat(60)}` });
    expect(texte).toBe(`Date de dépôt (du) « x${"9".repeat(35)} »`);
  });
});

describe("valeursInconnues: the filters of a list request whose value is none of those their list offers", () => {
  const valeurs: Record<string, ReadonlyArray<string>> = { etat: ["TAXE", "VALIDE"], aTraiter: ["oui"] };
  const libelles: Record<string, string> = { etat: "État", aTraiter: "À traiter" };
  const lire = (query: Record<string, unknown> | undefined) =>
    valeursInconnues(
      query,
      (chemin) => valeurs[chemin],
      (chemin) => libelles[chemin] ?? chemin,
    );

  it("names each by its label, with the value as typed (shortened, without braces)", () => {
    expect(lire({ "filters.etat": "PAYE", "filters.aTraiter": "peut-être" })).toEqual(["État « PAYE »", "À traiter « peut-être »"]);
    expect(lire({ "filters.etat": `{{x}}${"A".repeat(60)}` })).toEqual([`État « x${"A".repeat(35)} »`]);
  });

  it("is silent for a value of the list, an empty value, a filter without a list, date bounds and other keys", () => {
    expect(lire({ "filters.etat": "TAXE", "filters.aTraiter": "", "filters.numero": "MJ1", "filters.etat~~from": "x", page: "PAYE" })).toEqual([]);
    expect(lire(undefined)).toEqual([]);
  });
});
