import type AdminJS from "adminjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { banc } from "../../serveur/test-support.js";
import { TRADUCTION_FR } from "./fr.js";

/**
 * Every label the back-office's screens ask of the locale exists in French. AdminJS looks a label up
 * under `resources.<resource>.<kind>.<name>`, then `<kind>.<name>`; when both are missing it shows
 * `startCase(name)`, which drops the accents ("Dépôt flux" → "Depot Flux") and speaks code
 * ("prendre-en-charge" → "Prendre En Charge").
 */
const traduit = (genre: "labels" | "actions" | "properties", nom: string, ressource?: string): boolean => {
  const dans = (o: unknown, chemin: ReadonlyArray<string>): boolean => {
    let x: unknown = o;
    for (const k of chemin) {
      if (typeof x !== "object" || x === null || !Object.hasOwn(x, k)) return false;
      x = (x as Record<string, unknown>)[k];
    }
    return typeof x === "string" && x !== "";
  };
  // i18next reads a dotted name as a path ("type.COUR_APPEL").
  const chemin = nom.split(".");
  return (ressource !== undefined && dans(TRADUCTION_FR, ["resources", ressource, genre, ...chemin])) || dans(TRADUCTION_FR, [genre, ...chemin]);
};

let admin: AdminJS;
let detruire: () => Promise<void>;
beforeAll(async () => {
  const b = await banc();
  admin = b.application.admin;
  detruire = b.detruire;
}, 60_000);
afterAll(() => detruire());

describe("French locale: every resource, group, action and property of the back-office", () => {
  const decorees = () => admin.resources.map((r) => r.decorate());

  it("names every navigation group and every resource", () => {
    const manquants = decorees().flatMap((d) => {
      const groupe = d.getNavigation()?.name;
      return [
        ...(groupe === undefined || groupe === null || traduit("labels", groupe) ? [] : [`groupe ${groupe}`]),
        ...(traduit("labels", d.id(), d.id()) ? [] : [`ressource ${d.id()}`]),
      ];
    });
    expect([...new Set(manquants)]).toEqual([]);
  });

  it("titles every record page after its object (« Fiche du mémoire »…), never a bare verb", () => {
    const generiques = decorees()
      .filter((d) => d.actions["show"] !== undefined)
      .map((d) => d.id())
      .filter((id) => !/^Fiche (du |de la |de l'|des )/.test(String((TRADUCTION_FR.resources as Record<string, { actions?: Record<string, string> }>)[id]?.actions?.["show"] ?? "")));
    expect(generiques).toEqual([]);
  });

  it("names every action and every property shown, filtered or edited", () => {
    const manquants = decorees().flatMap((d) => {
      const id = d.id();
      // Hidden actions (`isVisible: false`: the API-only ones, the forbidden generic ones) show no label.
      const options = (admin.options.resources ?? []).find((r) => (r as { options?: { id?: string } }).options?.id === id) as { options?: { actions?: Record<string, { isVisible?: unknown }> } } | undefined;
      const visibles = Object.values(d.actions).filter((a) => a.name !== "search" && options?.options?.actions?.[a.name]?.isVisible !== false);
      const actions = visibles.map((a) => a.name).filter((nom) => !traduit("actions", nom, id));
      const editable = visibles.some((a) => a.name === "new" || a.name === "edit");
      const proprietes = (editable ? (["list", "show", "filter", "edit"] as const) : (["list", "show", "filter"] as const))
        .flatMap((ou) => d.getProperties({ where: ou }).map((p) => p.propertyPath))
        .filter((nom) => !traduit("properties", nom, id));
      return [...new Set([...actions.map((a) => `${id} action ${a}`), ...proprietes.map((p) => `${id} propriété ${p}`)])];
    });
    expect(manquants).toEqual([]);
  });

  it("names every action in the breadcrumb too, where AdminJS looks its name up without the resource", () => {
    // The breadcrumb of an action's page reads `actions.<name>` only: without it, « Constater Forclusion ».
    const manquants = decorees().flatMap((d) => {
      const id = d.id();
      const options = (admin.options.resources ?? []).find((r) => (r as { options?: { id?: string } }).options?.id === id) as { options?: { actions?: Record<string, { isVisible?: unknown }> } } | undefined;
      return Object.values(d.actions)
        .filter((a) => a.name !== "search" && a.name !== "list" && options?.options?.actions?.[a.name]?.isVisible !== false)
        .map((a) => a.name)
        .filter((nom) => !traduit("actions", nom));
    });
    expect([...new Set(manquants)].sort()).toEqual([]);
  });

  it("names every value of a list or page column with a closed list of values (état, catégorie, type…), never its code", () => {
    // AdminJS's own cell for such a column shows `labels.<property>.<label>`, or else startCase(label).
    // (Filters show the label itself when no translation exists: they are not concerned.)
    const manquants = decorees().flatMap((d) =>
      d
        .getProperties({ where: "list" })
        .concat(d.getProperties({ where: "show" }))
        .filter((p) => p.options.components?.list === undefined && p.options.components?.show === undefined && p.type() !== "boolean")
        .flatMap((p) => (p.availableValues() ?? []).map((v) => `${p.propertyPath}.${v.label}`))
        .filter((cle) => !traduit("labels", cle, d.id()))
        .map((cle) => `${d.id()} ${cle}`),
    );
    expect([...new Set(manquants)]).toEqual([]);
  });
});
