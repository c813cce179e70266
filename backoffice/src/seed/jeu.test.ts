import { isIdentifiantValide } from "@frais-justice/core/structure";
import { BigDecimal, Either } from "effect";
import { describe, expect, it } from "vitest";
import { sqlDe } from "../base/sql.js";
import { DepotMemoires } from "../memoire/memoire.repository.js";
import { depotsOrganisation } from "../organisation/organisation.repository.js";
import { BASES } from "../test-support/bases.js";
import { hasard } from "./hasard.js";
import { empreinte } from "@frais-justice/core/memoire";
import { ecrireJeu, identifiantParticulier, nombreMemoires, semerAuPremierDemarrage, siretAleatoire } from "./jeu.js";
import { estAutorise, type Action } from "@frais-justice/core/autorisation";
import { CHEMINS, clonerMemoire, genererMemoire, JURIDICTIONS, ModeleIncompatible, MOTIF_TAXATION_REDUITE, type AgentGeneration } from "./memoires.generateur.js";

describe("identifiers of the dataset", () => {
  it("are valid for core's validators", () => {
    const h = hasard(3);
    for (let i = 0; i < 500; i += 1) {
      expect(isIdentifiantValide("SIRET", siretAleatoire(h))).toBe(true);
      expect(isIdentifiantValide("PARTICULIER", identifiantParticulier(h))).toBe(true);
    }
  });
});

describe("templates copied onto structures (large datasets)", () => {
  it("only onto a structure of the template's catégorie, with its bank details and a fresh certificate empreinte", () => {
    const h = hasard(5);
    const structures = [{ id: "s-expert", categorie: "EXPERT", coordonneesId: "cb-expert" }];
    const modele = genererMemoire(h, { structures, agents: ["a"], utilisateurs: ["u"], numero: 1, etat: "MIS_EN_PAIEMENT" });
    expect(modele.memoire.empreinteDepot).toBe(empreinte(modele.memoire));
    const copie = clonerMemoire(h, modele, 2, { id: "s-autre", categorie: "EXPERT", coordonneesId: "cb-autre" });
    expect([copie.memoire.enTete.structureId, copie.memoire.enTete.referenceCoordonneesBancaires, copie.memoire.enTete.categoriePrestataire]).toEqual(["s-autre", "cb-autre", "EXPERT"]);
    expect(copie.memoire.empreinteDepot).toBe(empreinte(copie.memoire));
    expect(copie.memoire.empreinteDepot).not.toBe(modele.memoire.empreinteDepot);
    expect(copie.evenements.find((e) => e.commande === "memoire.valider-et-envoyer")?.details["empreinte"]).toBe(copie.memoire.empreinteDepot);
    expect(() => clonerMemoire(h, modele, 3, { id: "s-labo", categorie: "LABORATOIRE" })).toThrow(ModeleIncompatible);
  });
});

describe("court-side steps of a generated mémoire", () => {
  const structures = [{ id: "s-interprete", categorie: "INTERPRETE_TRADUCTEUR" }];
  // One agent per role and cour d'appel, as the seed writes them, plus a greffier of one juridiction.
  const agents: ReadonlyArray<AgentGeneration> = [
    ...[...new Set(JURIDICTIONS.map((j) => j.courAppel))].flatMap((ca) =>
      (["GREFFIER", "MAGISTRAT_TAXATEUR", "ORDONNATEUR", "COMPTABLE"] as const).map((role) => ({ id: `${ca}-${role}`, roles: [role], perimetre: { juridictions: [], coursAppel: [ca] } })),
    ),
    { id: "greffier-750", roles: ["GREFFIER"], perimetre: { juridictions: ["750"], coursAppel: [] } },
  ];

  it("are each signed by an agent core allows to run that command on that mémoire", () => {
    const h = hasard(17);
    const parRole = new Map<string, Set<string>>();
    for (let i = 0; i < 400; i += 1) {
      const etat = (["MIS_EN_PAIEMENT", "TAXE", "REFUSE", "VALIDE", "A_TAXER"] as const)[i % 5] ?? "MIS_EN_PAIEMENT";
      const { memoire, evenements } = genererMemoire(h, { structures, agents, utilisateurs: ["u"], numero: i + 1, etat });
      const cible = { _tag: "Memoire" as const, structureId: memoire.enTete.structureId, juridiction: memoire.enTete.juridiction };
      const agentsDuMemoire = evenements.filter((e) => e.auteur.type === "AGENT");
      expect(agentsDuMemoire.length).toBeGreaterThan(0);
      for (const e of agentsDuMemoire) {
        const agent = agents.find((a) => a.id === e.auteur.id);
        expect(agent, `${e.commande} signé par ${e.auteur.id}`).toBeDefined();
        if (agent === undefined) continue;
        expect(estAutorise({ _tag: "Agent", ...agent }, e.commande as Action, cible), `${e.commande} sur ${memoire.enTete.juridiction.code} par ${agent.id}`).toBe(true);
        parRole.set(e.commande, (parRole.get(e.commande) ?? new Set()).add(agent.roles.join()));
      }
      const auteurDe = (commande: string) => agentsDuMemoire.find((e) => e.commande === commande)?.auteur.id;
      expect(memoire.agentEnCharge).toBe(auteurDe("memoire.prendre-en-charge"));
      if (memoire.taxation !== undefined) expect(memoire.taxation.magistratId).toBe(auteurDe("memoire.taxer"));
      if (memoire.refus !== undefined) expect(memoire.refus.par.id).toBe(auteurDe("memoire.refuser"));
    }
    expect(Object.fromEntries([...parRole].map(([c, r]) => [c, [...r].sort()]))).toEqual({
      "memoire.prendre-en-charge": ["GREFFIER"],
      "memoire.certifier": ["GREFFIER"],
      "memoire.envoyer-en-taxation": ["GREFFIER"],
      "memoire.taxer": ["MAGISTRAT_TAXATEUR"],
      "memoire.refuser": ["GREFFIER", "MAGISTRAT_TAXATEUR"],
      "memoire.valider-paiement": ["ORDONNATEUR"],
      "memoire.mettre-en-paiement": ["COMPTABLE"],
    });
  });

  it("tax about one taxed mémoire in two below its request through core's command: a fifth off its first line, « montant modifié », the ordonnance's amounts in the taxer step", () => {
    const h = hasard(29);
    let reduits = 0;
    for (let numero = 1; numero <= 40; numero += 1) {
      const { memoire, evenements } = genererMemoire(h, { structures, agents, utilisateurs: ["u"], numero, etat: "TAXE" });
      const demandes = memoire.montantsDemandes;
      const taxation = memoire.taxation;
      expect(demandes).toBeDefined();
      expect(taxation).toBeDefined();
      if (demandes === undefined || taxation === undefined) continue;
      const taxer = evenements.find((e) => e.commande === "memoire.taxer");
      // The certificat de dépôt covers what was sent, not the taxation.
      expect(memoire.empreinteDepot).toBe(empreinte(memoire));
      if (!memoire.montantModifie) {
        expect(BigDecimal.equals(memoire.montants.montantTtc, demandes.montantTtc)).toBe(true);
        expect(taxer?.montantsApres).toEqual(taxer?.montantsAvant);
        continue;
      }
      reduits += 1;
      const premiere = memoire.lignes[0]?.id;
      const htDemande = demandes.lignes.find((l) => l.ligneId === premiere)?.montantHt ?? BigDecimal.make(0n, 2);
      const cents = (x: BigDecimal.BigDecimal) => BigDecimal.scale(x, 2).value;
      expect(taxation.lignes.map((l) => [l.ligneId, cents(l.montantHtTaxe)])).toEqual([[premiere, (cents(htDemande) * 4n) / 5n]]);
      expect(taxation.motif).toBe(MOTIF_TAXATION_REDUITE);
      expect(memoire.montantModifie).toBe(true);
      expect(BigDecimal.lessThan(memoire.montants.montantTtc, demandes.montantTtc)).toBe(true);
      expect(cents(memoire.montants.lignes[0]?.montantHt ?? BigDecimal.make(0n, 2))).toBe((cents(htDemande) * 4n) / 5n);
      expect(taxer?.motif).toBe(MOTIF_TAXATION_REDUITE);
      expect(BigDecimal.equals(taxer?.montantsApres.montantTtc ?? BigDecimal.make(-1n, 0), memoire.montants.montantTtc)).toBe(true);
      expect(BigDecimal.equals(taxer?.montantsAvant.montantTtc ?? BigDecimal.make(-1n, 0), demandes.montantTtc)).toBe(true);
      expect(taxation.magistratId).toBe(taxer?.auteur.id);
    }
    expect(reduits).toBeGreaterThan(10);
    expect(reduits).toBeLessThan(30);
  });

  it("bill every line of a mémoire at one VAT rate (none when exonerated), as a prestataire does, the rates varying between mémoires", () => {
    const h = hasard(31);
    const taux = new Set<string>();
    let plusieursLignes = 0;
    for (let numero = 1; numero <= 200; numero += 1) {
      const { memoire } = genererMemoire(h, { structures, agents, utilisateurs: ["u"], numero, etat: "MIS_A_DISPOSITION" });
      const duMemoire = new Set(memoire.lignes.map((l) => BigDecimal.format(l.tauxTva)));
      expect(duMemoire.size).toBe(1);
      if (memoire.enTete.typeTva === "EXONERATION") expect([...duMemoire]).toEqual(["0"]);
      if (memoire.lignes.length > 1) plusieursLignes += 1;
      duMemoire.forEach((t) => taux.add(t));
      // The VAT summary then has one row.
      expect(memoire.montants.recapitulatifTva).toHaveLength(1);
    }
    expect(plusieursLignes).toBeGreaterThan(100);
    expect(taux.size).toBeGreaterThan(2);
  });

  it("draw the same mémoire whatever agents are given (only the signatures change), and fall back to the drawn agent when none may act", () => {
    const avec = genererMemoire(hasard(23), { structures, agents, utilisateurs: ["u"], numero: 1, etat: "MIS_EN_PAIEMENT" });
    const sansRoles = genererMemoire(hasard(23), { structures, agents: ["a-1", "a-2"], utilisateurs: ["u"], numero: 1, etat: "MIS_EN_PAIEMENT" });
    expect(sansRoles.memoire.id).toBe(avec.memoire.id);
    expect(sansRoles.memoire.montants).toEqual(avec.memoire.montants);
    expect(sansRoles.evenements.map((e) => e.le)).toEqual(avec.evenements.map((e) => e.le));
    const auteurs = new Set(sansRoles.evenements.filter((e) => e.auteur.type === "AGENT").map((e) => e.auteur.id));
    expect(auteurs.size).toBe(1);
    expect(["a-1", "a-2"]).toContain([...auteurs][0]);
    // Lyon with a Paris greffier only: nobody may, the drawn agent signs.
    const lyon = JURIDICTIONS.find((j) => j.code === "690") ?? JURIDICTIONS[0];
    const seul = genererMemoire(hasard(23), { structures, agents: [agents.at(-1) ?? agents[0]!], utilisateurs: ["u"], numero: 1, etat: "CERTIFIE", juridiction: lyon });
    expect(new Set(seul.evenements.filter((e) => e.auteur.type === "AGENT").map((e) => e.auteur.id))).toEqual(new Set(["greffier-750"]));
    expect(CHEMINS.CERTIFIE.length).toBe(seul.evenements.length);
  });
});

describe.each(BASES)("jeu de démonstration sur $dialecte", (base) => {
  describe.skipIf(!base.disponible)("premier démarrage", () => {
    it("seeds once, reproducibly, with every state and consistent histories", async () => {
      const b = await base.creer();
      try {
        const bilan = await semerAuPremierDemarrage(b.orm, 300);
        expect(bilan?.memoires).toBe(300);
        expect(await semerAuPremierDemarrage(b.orm, 300)).toBeUndefined();
        expect(await nombreMemoires(b.orm)).toBe(300);
        const sql = sqlDe(b.orm);
        const etats = await sql.lignes<{ etat: string }>("SELECT DISTINCT etat FROM memoire");
        expect(etats.length).toBeGreaterThanOrEqual(10);
        const incoherents = await sql.lignes("SELECT id FROM memoire m WHERE nombre_evenements <> (SELECT count(*) FROM evenement_memoire e WHERE e.memoire_id = m.id) OR version <> nombre_evenements");
        expect(incoherents).toEqual([]);
        const [premiere] = await sql.lignes<{ id: string; numero: string }>("SELECT id, numero FROM memoire ORDER BY numero LIMIT 1");
        const depot = new DepotMemoires(b.orm);
        const memoire = Either.getOrThrow(await depot.charger(premiere?.id ?? ""));
        const historique = Either.getOrThrow(await depot.historique(memoire.id));
        expect(historique.at(-1)?.vers).toBe(memoire.etat);
        expect(historique[0]?.commande).toBe("memoire.creer");
        const structures = Either.getOrThrow(await depotsOrganisation(b.orm).structures.lister("statut", "ACTIF"));
        expect(structures.length).toBeGreaterThanOrEqual(12);
        // Sent mémoires carry the empreinte of their certificat de dépôt (core recomputes the same).
        const envoyes = await sql.lignes<{ id: string }>("SELECT id FROM memoire WHERE envoye_le IS NOT NULL ORDER BY numero LIMIT 50");
        expect(envoyes.length).toBeGreaterThan(20);
        for (const { id } of envoyes) {
          const m = Either.getOrThrow(await depot.charger(id));
          expect(m.empreinteDepot, m.numero).toBe(empreinte(m));
        }
        // Numbers continue after the dataset's.
        const suivant = await sql.transaction(async (tx) => (await import("../base/sequences.js")).prochaineValeur(tx, "memoire_mj"));
        expect(suivant).toBe(301);
      } finally {
        await b.detruire();
      }
    });

    it("large loads copy templates only onto structures of their catégorie, with the structure's bank details", async () => {
      const b = await base.creer();
      try {
        await ecrireJeu(b.orm, { memoires: 3000, seuilGrandJeu: 1000, graine: 17 });
        const sql = sqlDe(b.orm);
        const [n] = await sql.lignes<{ n: unknown }>("SELECT count(*) AS n FROM memoire");
        expect(Number(n?.n)).toBe(3000);
        const categorie = await sql.lignes("SELECT m.id FROM memoire m JOIN structure s ON s.id = m.structure_id WHERE s.categorie IS NULL OR m.categorie_prestataire <> s.categorie");
        expect(categorie).toEqual([]);
        const banque = await sql.lignes(
          "SELECT m.id FROM memoire m WHERE m.reference_coordonnees_bancaires IS NULL OR NOT EXISTS (SELECT 1 FROM coordonnee_bancaire c WHERE c.id = m.reference_coordonnees_bancaires AND c.structure_id = m.structure_id)",
        );
        expect(banque).toEqual([]);
        const depot = new DepotMemoires(b.orm);
        for (const { id } of await sql.lignes<{ id: string }>("SELECT id FROM memoire WHERE envoye_le IS NOT NULL ORDER BY id LIMIT 30")) {
          const m = Either.getOrThrow(await depot.charger(id));
          expect(m.empreinteDepot).toBe(empreinte(m));
        }
      } finally {
        await b.detruire();
      }
    });
  });
});
