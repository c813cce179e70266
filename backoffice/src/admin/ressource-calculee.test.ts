import { BaseRecord } from "adminjs";
import { describe, expect, it } from "vitest";
import { NOM_BASE, RessourceCalculee } from "./ressource-calculee.js";

/** A resource over a map: `findOne` answers a refusal record for ids starting with « x ». */
class RessourceEssai extends RessourceCalculee {
  readonly lus: Array<string> = [];
  constructor(private readonly lignes: ReadonlyMap<string, string>) {
    super({}, "essais", [["id", "string", false], ["nom", "string", true], ["detail", "mixed", false]], {
      creation: "création interdite : essai",
      modification: "modification interdite : essai",
    });
  }
  override findOne(id: string): Promise<BaseRecord | null> {
    this.lus.push(id);
    if (id.startsWith("x")) return Promise.resolve(new BaseRecord({ id, refus: "oui" }, this));
    const nom = this.lignes.get(id);
    return Promise.resolve(nom === undefined ? null : new BaseRecord({ id, nom }, this));
  }
  protected override retenu(r: BaseRecord): boolean {
    return r.params["refus"] === undefined;
  }
}

describe("RessourceCalculee", () => {
  const ressource = new RessourceEssai(new Map([["a", "Alpha"], ["b", "Bêta"]]));

  it("is never AdminJS's adapter for a database object, and names its database", () => {
    expect(RessourceEssai.isAdapterFor()).toBe(false);
    expect(ressource.databaseName()).toBe(NOM_BASE);
    expect(ressource.databaseType()).toBe("sql");
    expect(ressource.id()).toBe("essais");
  });

  it("has the given properties in order, the one whose path is id being the id", () => {
    const proprietes = ressource.properties();
    expect(proprietes.map((p) => [p.path(), p.type(), p.isSortable(), p.isId(), p.position()])).toEqual([
      ["id", "string", false, true, 0],
      ["nom", "string", true, false, 1],
      ["detail", "mixed", false, false, 2],
    ]);
    expect(ressource.property("nom")?.path()).toBe("nom");
    expect(ressource.property("inconnu")).toBeNull();
    proprietes.pop();
    expect(ressource.properties()).toHaveLength(3);
  });

  it("reads findMany's records through findOne, leaving out the missing ones and those it does not retain", async () => {
    const records = await ressource.findMany(["a", "zz", "x1", "b"]);
    expect(records.map((r) => r.get("nom") as unknown)).toEqual(["Alpha", "Bêta"]);
    expect(ressource.lus).toEqual(["a", "zz", "x1", "b"]);
  });

  it("refuses AdminJS's generic writes with the resource's reasons", async () => {
    await expect(ressource.create()).rejects.toThrow("création interdite : essai");
    await expect(ressource.update()).rejects.toThrow("modification interdite : essai");
    await expect(ressource.delete()).rejects.toThrow("suppression interdite");
  });

  it("builds records of its own", () => {
    const r = ressource.build({ id: "c", nom: "Gamma" });
    expect(r.resource).toBe(ressource);
    expect(r.params).toEqual({ id: "c", nom: "Gamma" });
  });
});
