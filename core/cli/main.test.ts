import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { entreeImportFlux, main } from "./main.js";

const racine = fileURLToPath(new URL("../../", import.meta.url));

const executer = async (argv: ReadonlyArray<string>, entree = "") => {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    // eslint-disable-next-line @typescript-eslint/require-await -- an async iterable standing for stdin
    stdin: (async function* () {
      yield new TextEncoder().encode(entree);
    })(),
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
  });
  return { code, stdout, stderr };
};

const memoire = (lignes: ReadonlyArray<Record<string, unknown>>, entete: Record<string, unknown> = {}) =>
  JSON.stringify({ typeTva: "TVA_SUR_DEBIT", remiseGlobaleTtc: "0.00", ...entete, lignes });

const ligne = (champs: Record<string, unknown> = {}) => ({
  quantite: "1",
  tarifHt: "150.00",
  tauxTva: "5.5",
  fraisDivers: "0.00",
  debours: "0.00",
  remise: "0.00",
  ...champs,
});

describe("frais-justice calculer", () => {
  it("prints the amounts of the seed's mémoire (1 × 150.00 at 5.5 % → 158.25 TTC)", async () => {
    const r = await executer(["calculer", `${racine}examples/donnees/memoire-seed.json`]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      lignes: [{ montantPrestationHt: "150.00", montantHt: "150.00", montantTva: "8.25", montantTtc: "158.25" }],
      recapitulatifTva: [{ tauxTva: "5.5", baseHt: "150.00", montantTva: "8.25" }],
      totaux: {
        montantHt: "150.00",
        montantTva: "8.25",
        montantDebours: "0.00",
        montantTtcAvantRemiseGlobale: "158.25",
        montantRemiseGlobaleTtc: "0.00",
        montantTtc: "158.25",
      },
    });
  });

  it("reads standard input with -, accepts JSON numbers and optional fields, sorts the VAT summary by rate", async () => {
    const entree = JSON.stringify({
      typeTva: "TVA_SUR_ENCAISSEMENT",
      lignes: [
        { quantite: 2, tarifHt: 30, tauxTva: 20 },
        { quantite: "1.5", tarifHt: "10.005", tauxTva: "5.5", debours: "3.10" },
      ],
      remiseGlobaleTtc: "1.00",
    });
    const r = await executer(["calculer", "-"], entree);
    expect(r.code).toBe(0);
    const sortie = JSON.parse(r.stdout) as {
      recapitulatifTva: Array<{ tauxTva: string }>;
      lignes: Array<{ montantPrestationHt: string }>;
      totaux: Record<string, string>;
    };
    expect(sortie.recapitulatifTva.map((l) => l.tauxTva)).toEqual(["5.5", "20"]);
    // 1.5 × 10.005 = 15.0075 → 15.01 (half away from zero)
    expect(sortie.lignes[1]?.montantPrestationHt).toBe("15.01");
    expect(sortie.totaux).toMatchObject({ montantDebours: "3.10", montantRemiseGlobaleTtc: "1.00" });
  });

  it.each([
    ["bad JSON", "{ pas du json", ""],
    ["an unknown rate", memoire([ligne(), ligne({ tauxTva: "7" })]), "lignes[1].tauxTva"],
    ["a negative amount", memoire([ligne({ debours: "-1.00" })]), "lignes[0].debours"],
    ["an over-precise amount", memoire([ligne({ fraisDivers: "1.001" })]), "lignes[0].fraisDivers"],
    ["an over-precise quantity", memoire([ligne({ quantite: "1.0001" })]), "lignes[0].quantite"],
    ["a zero quantity", memoire([ligne({ quantite: "0" })]), "lignes[0].quantite"],
    ["a discount larger than the line", memoire([ligne({ remise: "150.01" })]), "lignes[0].remise"],
    ["a non-zero rate under exemption", memoire([ligne()], { typeTva: "EXONERATION" }), "lignes[0].tauxTva"],
    ["an unknown VAT type", memoire([ligne()], { typeTva: "TVA_INCONNUE" }), "typeTva"],
    ["a global discount larger than the total", memoire([ligne()], { remiseGlobaleTtc: "158.26" }), "remiseGlobaleTtc"],
    ["no line", memoire([]), "lignes"],
  ])("rejects %s: exit 2, nothing on stdout, the field named on stderr", async (_cas, entree, champ) => {
    const r = await executer(["calculer", "-"], entree);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(champ);
  });

  it("names every offending field at once", async () => {
    const r = await executer(["calculer", "-"], memoire([ligne({ tauxTva: "7" }), ligne({ quantite: "-1", tarifHt: "1.00001" })]));
    expect(r.code).toBe(2);
    for (const champ of ["lignes[0].tauxTva", "lignes[1].quantite", "lignes[1].tarifHt"]) expect(r.stderr).toContain(champ);
  });

  it("refuses a missing file and usage errors with exit 2", async () => {
    expect((await executer(["calculer", `${racine}inexistant.json`])).code).toBe(2);
    expect((await executer(["calculer"])).code).toBe(2);
    expect((await executer(["inconnue"])).code).toBe(2);
    expect((await executer([])).code).toBe(2);
    const aide = await executer(["--help"]);
    expect(aide.code).toBe(0);
    expect(aide.stdout).toContain("frais-justice calculer");
  });
});

describe("frais-justice tarif", () => {
  it("prices an oral translation on a Saturday evening with its majorations (3 started hours at 30 €)", async () => {
    const r = await executer(["tarif", "traduction-orale", "--debut", "2019-03-09T21:30", "--fin", "2019-03-09T23:40"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const sortie = JSON.parse(r.stdout) as { montantHt: string; detail: Array<{ montant: string; majorations: Array<{ code: string }> }> };
    expect(sortie.montantHt).toBe("139.50");
    expect(sortie.detail.map((d) => d.montant)).toEqual(["49.50", "45.00", "45.00"]);
    expect(sortie.detail[0]?.majorations.map((m) => m.code).sort()).toEqual(["PREMIERE_HEURE", "SAMEDI_DIMANCHE_FERIE"]);
  });

  it("prices a written translation by started page of 250 words", async () => {
    const r = await executer(["tarif", "traduction-ecrite", "--mots", "1001", "--date", "2019-03-09"]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { montantHt: string }).montantHt).toBe("125.00");
  });

  it.each([
    [["tarif", "traduction-orale", "--debut", "2019-03-09T23:00", "--fin", "2019-03-09T22:00"], "fin"],
    [["tarif", "traduction-orale", "--debut", "hier", "--fin", "2019-03-09T22:00"], "debut"],
    [["tarif", "traduction-ecrite", "--mots", "-3", "--date", "2019-03-09"], "mots"],
    [["tarif", "traduction-ecrite", "--mots", "100", "--date", "2022-01-10"], "TarifInconnu"],
    [["tarif", "traduction-ecrite", "--mots", "100", "--inconnue", "x"], "inconnue"],
    [["tarif", "interpretariat"], "prestation inconnue"],
  ])("rejects %j with exit 2 and names %s", async (argv, attendu) => {
    const r = await executer(argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(attendu);
  });
});

describe("the installed command", () => {
  it("runs from the package's bin through the compiled build", async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [`${racine}core/bin/frais-justice.js`, "calculer", `${racine}examples/donnees/memoire-seed.json`],
      { cwd: racine },
    );
    expect((JSON.parse(stdout) as { totaux: { montantTtc: string } }).totaux.montantTtc).toBe("158.25");
  });

  it("exits with 2 and prints nothing on stdout for invalid input", async () => {
    const erreur = await promisify(execFile)(process.execPath, [`${racine}core/bin/frais-justice.js`, "calculer", `${racine}package.json`], {
      cwd: racine,
    }).then(
      () => undefined,
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect(erreur?.code).toBe(2);
    expect(erreur?.stdout).toBe("");
    expect(erreur?.stderr).toContain("lignes");
  });
});

describe("frais-justice import-flux", () => {
  it("is handed to the back-office's entry when @frais-justice/backoffice is installed next to core", () => {
    expect(entreeImportFlux()?.script).toMatch(/backoffice\/src\/flux\/flux\.cli\.ts$/);
  });

  it("finds no entry where the back-office package cannot be resolved (the command then exits 4 naming it)", () => {
    expect(entreeImportFlux("file:///")).toBeUndefined();
  });

  it("lists import-flux in the usage", async () => {
    const r = await executer(["--help"]);
    expect(r.stdout).toContain("import-flux FICHIER");
  });
});
