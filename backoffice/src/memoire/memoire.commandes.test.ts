import type { ActeurAgent, ActeurSysteme, ActeurUtilisateur } from "@frais-justice/core/autorisation";
import type { Commande, Memoire } from "@frais-justice/core/memoire";
import { Either } from "effect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Orm } from "../base/orm.js";
import { BASES } from "../test-support/bases.js";
import { creerMemoire, executerCommande, type ContexteSansNumerotation } from "./memoire.commandes.js";
import { DepotMemoires } from "./memoire.repository.js";

const STRUCTURE = "S-BENALI";
const JURIDICTION = { code: "75", libelle: "TRIBUNAL JUDICIAIRE DE PARIS", courAppel: "CA-PARIS" };
const interprete: ActeurUtilisateur = {
  _tag: "Utilisateur",
  id: "u-nadia-benali",
  rattachements: [{ structureId: STRUCTURE, role: "GESTIONNAIRE_PRINCIPAL" }],
  habilitations: [{ structureId: STRUCTURE, application: "FRAIS_DE_JUSTICE", mode: "MODIFICATION" }],
};
const agent = (id: string, role: ActeurAgent["roles"][number]): ActeurAgent => ({ _tag: "Agent", id, roles: [role], perimetre: { juridictions: [JURIDICTION.code], coursAppel: [] } });
const systeme: ActeurSysteme = { _tag: "Systeme" };

let ids = 0;
const contexte = (acteur: ContexteSansNumerotation["acteur"], iso: string): ContexteSansNumerotation => ({
  acteur,
  maintenant: new Date(iso),
  genererId: () => `cmd-${process.pid}-${(ids += 1)}`,
  espacesOuverts: ["MEMOIRES_DE_FRAIS_DE_JUSTICE"],
});

/** Drives a draft with core's commands up to MIS_A_DISPOSITION, through the repository. */
const jusquAMiseADisposition = async (depot: DepotMemoires): Promise<Memoire> => {
  const creation = await creerMemoire(
    depot,
    {
      enTete: {
        juridiction: JURIDICTION,
        structureId: STRUCTURE,
        categoriePrestataire: "INTERPRETE_TRADUCTEUR",
        referenceCoordonneesBancaires: "CB-BENALI-1",
        texteReference: "Article R 92 CPP (procédure pénale)",
        typeTva: "SANS_TVA",
      },
    },
    contexte(interprete, "2026-03-11T09:00:00Z"),
  );
  let m = Either.getOrThrow(creation).memoire;
  expect(m.numero).toMatch(/^TMP2026\d{8}$/);
  const suivre = async (commande: Commande, acteur: ContexteSansNumerotation["acteur"], iso: string) => {
    const r = await executerCommande(depot, m.id, m.version, commande, contexte(acteur, iso));
    if (Either.isLeft(r)) throw new Error(`${commande.type} : ${r.left.message}`);
    m = r.right.memoire;
  };
  await suivre(
    {
      type: "memoire.ajouter-ligne",
      ligne: {
        numeroAffaire: "2026/0309/GAV",
        dateRequisition: "2026-03-09",
        autoriteRequerante: "OFFICIER_POLICE_JUDICIAIRE",
        typePrestation: "TRADUCTION_ORALE",
        datePrestation: "2026-03-09",
        quantite: "3",
        tarifHt: "30.00",
        tauxTva: "0",
      },
    },
    interprete,
    "2026-03-11T09:05:00Z",
  );
  await suivre(
    { type: "memoire.valider-et-envoyer", attestationSurLHonneur: true, prerequisManquants: [], prestataire: { identifiant: "2850599350", raisonSociale: "Nadia Benali" } },
    interprete,
    "2026-03-11T09:10:00Z",
  );
  expect(m.numero).toMatch(/^MJ\d{10}$/);
  await suivre({ type: "memoire.transmettre" }, systeme, "2026-03-11T09:11:00Z");
  await suivre({ type: "memoire.prendre-en-charge" }, agent("a-greffier", "GREFFIER"), "2026-03-12T08:00:00Z");
  return m;
};

describe.each(BASES)("commandes de core à travers le dépôt sur $dialecte", (base) => {
  describe.skipIf(!base.disponible)("cycle de vie", () => {
    let orm: Orm;
    let depot: DepotMemoires;
    let detruire: () => Promise<void>;
    beforeAll(async () => {
      const b = await base.creer();
      orm = b.orm;
      detruire = b.detruire;
      depot = new DepotMemoires(orm);
    });
    afterAll(async () => detruire());

    it("persists each step of core's lifecycle with its audit event and numbers from the sequences", async () => {
      const m = await jusquAMiseADisposition(depot);
      const charge = Either.getOrThrow(await depot.charger(m.id));
      expect(charge.etat).toBe("MIS_A_DISPOSITION");
      const historique = Either.getOrThrow(await depot.historique(m.id));
      expect(historique.map((e) => e.commande)).toEqual(["memoire.creer", "memoire.ajouter-ligne", "memoire.valider-et-envoyer", "memoire.transmettre", "memoire.prendre-en-charge"]);
      expect(historique.length).toBe(charge.version);
      // A command the machine refuses (paying an uncertified mémoire) writes nothing.
      const refus = await executerCommande(depot, m.id, m.version, { type: "memoire.mettre-en-paiement", paiement: { date: "2026-04-01", reference: "P-1" } }, contexte(agent("a-comptable", "COMPTABLE"), "2026-04-01T08:00:00Z"));
      expect(Either.isLeft(refus) && refus.left._tag).toBe("TransitionRefusee");
      expect(Either.getOrThrow(await depot.historique(m.id)).length).toBe(historique.length);
    });

    it("50 concurrent certifications with core's command: one CERTIFIE, 49 ConflitDeVersion, one audit event", async () => {
      const m = await jusquAMiseADisposition(depot);
      const resultats = await Promise.all(
        Array.from({ length: 50 }, (_, i) => executerCommande(depot, m.id, m.version, { type: "memoire.certifier" }, contexte(agent(`a-greffier-${i}`, "GREFFIER"), "2026-03-13T08:00:00Z"))),
      );
      expect(resultats.filter(Either.isRight).length).toBe(1);
      expect(resultats.filter((r) => Either.isLeft(r) && r.left._tag === "ConflitDeVersion").length).toBe(49);
      expect(Either.getOrThrow(await depot.charger(m.id)).etat).toBe("CERTIFIE");
      expect(Either.getOrThrow(await depot.historique(m.id)).filter((e) => e.commande === "memoire.certifier").length).toBe(1);
    });
  });
});
