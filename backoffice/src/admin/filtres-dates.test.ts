import { describe, expect, it } from "vitest";
import { datesIllisibles, valeursInconnues } from "./filtres-dates.js";
import { avertirFiltresDeLAgent } from "./filtres-agent.js";

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

describe("avertirFiltresDeLAgent: the notice of a list whose filter's choices are the agent's own", () => {
  // A resource with one such filter (« juridictionCode », no fixed list) and one with a fixed list (« etat »).
  const resource = {
    id: () => "memoires",
    property: () => null,
    decorate: () => ({ getPropertyByKey: (chemin: string) => (chemin === "etat" ? { availableValues: () => [{ value: "TAXE" }] } : { availableValues: () => null }) }),
  };
  const AGENT = { id: "agent-1", roles: ["GREFFIER"], perimetre: { juridictions: ["750", "751"], coursAppel: [] } };
  const apres = (lus: Array<string>) =>
    avertirFiltresDeLAgent(["juridictionCode"], () => {
      lus.push("lu");
      return Promise.resolve({ juridictionCode: ["750", "751"] });
    });
  const avis = async (query: Record<string, unknown>, lus: Array<string> = []) =>
    ((await apres(lus)({ records: [] }, { method: "get", query } as never, { resource, currentAdmin: AGENT } as never)) as { notice?: { message: string } }).notice?.message;

  it("names a value outside the agent's choices, with the values outside a fixed list", async () => {
    expect(await avis({ "filters.juridictionCode": "690", "filters.etat": "PAYE" })).toBe("Valeurs inconnues — Juridiction « 690 », État « PAYE » ; choisissez une valeur proposée par le filtre");
    expect(await avis({ "filters.juridictionCode": "751" })).toBeUndefined();
  });

  it("reads the agent's choices only when the request filters on one of them", async () => {
    const lus: Array<string> = [];
    expect(await avis({ "filters.etat": "PAYE" }, lus)).toBe("Valeur inconnue — État « PAYE » ; choisissez une valeur proposée par le filtre");
    expect(await avis({ "filters.juridictionCode": " " }, lus)).toBeUndefined();
    expect(lus).toEqual([]);
    await avis({ "filters.juridictionCode": "750" }, lus);
    expect(lus).toEqual(["lu"]);
  });
});
