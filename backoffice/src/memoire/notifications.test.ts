import type { ActeurAgent } from "@frais-justice/core/autorisation";
import type { Commande, Memoire } from "@frais-justice/core/memoire";
import { formaterMontant } from "@frais-justice/core/montants";
import { ExpediteurSmtp } from "@frais-justice/support/adapters";
import { Either, Schema } from "effect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { euros } from "../admin/memoires/libelles.js";
import type { Orm } from "../base/orm.js";
import { sqlDe } from "../base/sql.js";
import { depotsOrganisation } from "../organisation/organisation.repository.js";
import { RattachementStocke } from "../organisation/organisation.documents.js";
import { hasard } from "../seed/hasard.js";
import { genererMemoire, JURIDICTIONS } from "../seed/memoires.generateur.js";
import { DistributeurMessages } from "../support/distributeur.js";
import { BASES } from "../test-support/bases.js";
import { transportEspion } from "../test-support/courriels.js";
import { structureDeTest, utilisateurDeTest } from "../test-support/organisation.fixtures.js";
import { executerCommande, type ContexteSansNumerotation } from "./memoire.commandes.js";
import { avisDeTaxation } from "./memoire.notification.js";
import { DepotMemoires } from "./memoire.repository.js";
import { BoiteNotificationsMemoire, type CourrielMemoire } from "./notifications.repository.js";

const JURIDICTION = JURIDICTIONS[0] ?? { code: "750", libelle: "TRIBUNAL JUDICIAIRE DE PARIS", courAppel: "75" };
const magistrat: ActeurAgent = { _tag: "Agent", id: "magistrat-1", roles: ["MAGISTRAT_TAXATEUR"], perimetre: { juridictions: [JURIDICTION.code], coursAppel: [] } };
const greffier: ActeurAgent = { _tag: "Agent", id: "greffier-1", roles: ["GREFFIER"], perimetre: { juridictions: [JURIDICTION.code], coursAppel: [] } };
const rattachement = Schema.decodeUnknownSync(RattachementStocke);

let ids = 0;
const contexte = (acteur: ActeurAgent, iso = "2026-11-20T10:00:00Z"): ContexteSansNumerotation => ({
  acteur,
  maintenant: new Date(iso),
  genererId: () => `notif-${process.pid}-${(ids += 1)}`,
  espacesOuverts: ["MEMOIRES_DE_FRAIS_DE_JUSTICE"],
});

/** A taxation of every line: `montant(ht demandé)` gives each line's taxed HT amount. */
const taxation = (m: Memoire, montant: (demande: string) => string, motif = "Tarif réglementaire appliqué"): Commande => ({
  type: "memoire.taxer",
  taxation: {
    lignes: m.montants.lignes.map((l) => {
      const demande = m.montantsDemandes?.lignes.find((x) => x.ligneId === l.ligneId)?.montantHt ?? l.montantHt;
      return { ligneId: l.ligneId, montantHtTaxe: montant(formaterMontant(demande)) };
    }),
    motif,
  },
} as unknown as Commande);

const moitie = (demande: string): string => (Math.round(Number(demande) * 50) / 100).toFixed(2);

describe.each(BASES)("notifications au prestataire sur $dialecte", (base) => {
  describe.skipIf(!base.disponible)("ordonnance de taxe", () => {
    let orm: Orm;
    let depot: DepotMemoires;
    let boite: BoiteNotificationsMemoire;
    let detruire: () => Promise<void>;
    let numero = 50_000;
    let graine = 7;

    /** A generated mémoire of the structure in `etat`, written by `auteur`. */
    const memoire = async (etat: "A_TAXER" | "MIS_A_DISPOSITION", auteur = "u-auteur", structure = "s-notif"): Promise<Memoire> => {
      numero += 1;
      graine += 1;
      const r = genererMemoire(hasard(graine), {
        structures: [{ id: structure, categorie: "INTERPRETE_TRADUCTEUR" }],
        agents: ["greffier-1"],
        utilisateurs: [auteur],
        numero,
        etat,
        creeLe: new Date("2026-10-01T09:00:00Z"),
        nombreLignes: 2,
        juridiction: JURIDICTION,
      });
      await depot.enregistrerNouveaux([r]);
      return r.memoire;
    };

    beforeAll(async () => {
      const b = await base.creer();
      orm = b.orm;
      detruire = b.detruire;
      depot = new DepotMemoires(orm);
      boite = new BoiteNotificationsMemoire(orm);
      const d = depotsOrganisation(orm);
      await d.structures.enregistrerNouveaux([structureDeTest("s-notif"), structureDeTest("s-vide", "73282932000082")]);
      await d.utilisateurs.enregistrerNouveaux([
        utilisateurDeTest("u-auteur", "auteur@interpretes.example"),
        utilisateurDeTest("u-principal", "principal@interpretes.example"),
        utilisateurDeTest("u-collegue", "collegue@interpretes.example"),
        utilisateurDeTest("u-parti", "parti@interpretes.example"),
      ]);
      await d.rattachements.enregistrerNouveaux([
        rattachement({ structureId: "s-notif", utilisateurId: "u-principal", role: "GESTIONNAIRE_PRINCIPAL", depuis: "2024-03-01T09:00:00.000Z" }),
        rattachement({ structureId: "s-notif", utilisateurId: "u-auteur", role: "UTILISATEUR", depuis: "2024-03-01T09:00:00.000Z" }),
        rattachement({ structureId: "s-notif", utilisateurId: "u-collegue", role: "GESTIONNAIRE_SECONDAIRE", depuis: "2024-03-01T09:00:00.000Z" }),
      ]);
    }, 60_000);
    afterAll(async () => detruire());

    it("a taxation that lowers the amount writes one notice per recipient, with the event's rang, in the same transaction", async () => {
      const m = await memoire("A_TAXER");
      const r = Either.getOrThrow(await executerCommande(depot, m.id, m.version, taxation(m, moitie, "Heures de présence non justifiées"), contexte(magistrat)));
      expect(r.memoire.montantModifie).toBe(true);
      const notices = await boite.duMemoire(m.id);
      // The author (attached, active) and the gestionnaire principal; not the other users of the structure.
      expect(notices.map((n) => n.message.destinataire)).toEqual(["auteur@interpretes.example", "principal@interpretes.example"]);
      const [rang] = await sqlDe(orm).lignes<{ rang: unknown }>("SELECT max(rang) AS rang FROM evenement_memoire WHERE memoire_id = ? AND commande = 'memoire.taxer'", [m.id]);
      for (const n of notices) {
        expect(n.statut).toBe("EN_ATTENTE");
        expect(n.tentatives).toBe(0);
        expect(n.message.evenementRang).toBe(Number(rang?.rang));
        expect(n.message.nature).toBe("TAXATION");
        expect(n.message.numero).toBe(m.numero);
        expect(n.creeLe.toISOString()).toBe("2026-11-20T10:00:00.000Z");
        expect(n.message.sujet).toBe(`Ordonnance de taxe - mémoire ${m.numero} (${JURIDICTION.libelle})`);
        expect(n.message.texte).toContain("Motif : Heures de présence non justifiées");
        expect(n.message.texte).toContain("R228-1");
      }
    });

    it("a taxation that grants the request, and every other command, write no notice", async () => {
      const accordee = await memoire("A_TAXER");
      Either.getOrThrow(await executerCommande(depot, accordee.id, accordee.version, taxation(accordee, (d) => d), contexte(magistrat)));
      expect(await boite.duMemoire(accordee.id)).toEqual([]);
      const certifiee = await memoire("MIS_A_DISPOSITION");
      Either.getOrThrow(await executerCommande(depot, certifiee.id, certifiee.version, { type: "memoire.certifier" }, contexte(greffier)));
      expect(await boite.duMemoire(certifiee.id)).toEqual([]);
    });

    it("a refused or conflicting taxation leaves no notice", async () => {
      const m = await memoire("A_TAXER");
      // The greffier may not tax: refused by core, nothing written.
      expect(Either.isLeft(await executerCommande(depot, m.id, m.version, taxation(m, moitie), contexte(greffier)))).toBe(true);
      // A stale version: the conflict rolls the whole transaction back.
      expect(Either.isLeft(await executerCommande(depot, m.id, m.version + 1, taxation(m, moitie), contexte(magistrat)))).toBe(true);
      expect(await boite.duMemoire(m.id)).toEqual([]);
    });

    it("a structure without an active attached user gets no row (the show page says so)", async () => {
      const m = await memoire("A_TAXER", "u-parti", "s-vide");
      Either.getOrThrow(await executerCommande(depot, m.id, m.version, taxation(m, moitie), contexte(magistrat)));
      expect(await boite.duMemoire(m.id)).toEqual([]);
    });

    it("a stored row with an unknown state or nature is reported as corrupted, never shown as another", async () => {
      const m = await memoire("A_TAXER");
      Either.getOrThrow(await executerCommande(depot, m.id, m.version, taxation(m, moitie), contexte(magistrat)));
      const [premiere] = await boite.duMemoire(m.id);
      if (premiere === undefined) throw new Error("aucun avis écrit");
      await sqlDe(orm).lignes("UPDATE notification_memoire SET statut = 'PERDU' WHERE id = ?", [premiere.id]);
      await expect(boite.duMemoire(m.id)).rejects.toThrow(/notification_memoire .*statut: valeur inconnue : "PERDU"/);
      await sqlDe(orm).lignes("UPDATE notification_memoire SET statut = 'ENVOYE', nature = 'RELANCE' WHERE id = ?", [premiere.id]);
      await expect(boite.duMemoire(m.id)).rejects.toThrow(/nature: valeur inconnue : "RELANCE"/);
      await sqlDe(orm).lignes("DELETE FROM notification_memoire WHERE memoire_id = ?", [m.id]);
    });

    it("the distributor sends the notices by SMTP and records each delivery once", async () => {
      const m = await memoire("A_TAXER");
      Either.getOrThrow(await executerCommande(depot, m.id, m.version, taxation(m, moitie), contexte(magistrat)));
      const { transport, mails } = transportEspion();
      const smtp = new ExpediteurSmtp({ hote: "localhost", port: 2525, securise: false, expediteur: "Greffe <greffe@justice.example>" }, transport);
      const le = new Date("2026-11-20T10:05:00.000Z");
      const attendus = (await boite.aDistribuer(1000, 5)).length;
      const bilan = await new DistributeurMessages<CourrielMemoire>(boite, smtp, { horloge: () => le }).distribuer();
      expect(bilan).toEqual({ envoyes: attendus, echecs: 0, dejaPris: 0 });
      expect(mails).toHaveLength(attendus);
      expect(mails.filter((x) => x.includes("To: auteur@interpretes.example") || x.includes("To: principal@interpretes.example"))).toHaveLength(attendus);
      const envoyees = await boite.duMemoire(m.id);
      expect(envoyees).toHaveLength(2);
      expect(envoyees.every((n) => n.statut === "ENVOYE" && n.envoyeLe?.getTime() === le.getTime() && /^<.+>$/.test(n.identifiantTransport ?? "") && n.tentatives === 1)).toBe(true);
      expect(await boite.aDistribuer(1000, 5)).toEqual([]);
      // A failing transport: the failure and its reason are recorded, and the notice is retried.
      const autre = await memoire("A_TAXER");
      Either.getOrThrow(await executerCommande(depot, autre.id, autre.version, taxation(autre, moitie), contexte(magistrat)));
      const enPanne = { envoyer: (): Promise<never> => Promise.reject(new Error("SMTP injoignable")) };
      expect(await new DistributeurMessages<CourrielMemoire>(boite, enPanne).distribuer()).toEqual({ envoyes: 0, echecs: 2, dejaPris: 0 });
      const echecs = await boite.duMemoire(autre.id);
      expect(echecs.map((n) => [n.statut, n.tentatives, n.derniereErreur])).toEqual([
        ["ECHEC", 1, "SMTP injoignable"],
        ["ECHEC", 1, "SMTP injoignable"],
      ]);
      expect(await boite.aDistribuer(1000, 5)).toHaveLength(2);
      smtp.fermer();
    });
  });
});

describe("avis d'ordonnance de taxe", () => {
  const r = genererMemoire(hasard(3), {
    structures: [{ id: "s", categorie: "INTERPRETE_TRADUCTEUR" }],
    agents: ["magistrat-1"],
    utilisateurs: ["u"],
    numero: 42,
    etat: "TAXE",
    creeLe: new Date("2026-10-01T09:00:00Z"),
    nombreLignes: 2,
    juridiction: JURIDICTION,
  });
  const taxe = r.memoire;
  const evenement = r.evenements.find((e) => e.commande === "memoire.taxer");

  it("states the requested and taxed totals, each line, the motif and the appeal (R228, R228-1) when the amount changed", () => {
    if (evenement === undefined) throw new Error("pas de taxation générée");
    const modifie: Memoire = { ...taxe, montantModifie: true };
    const avis = avisDeTaxation(modifie, evenement);
    expect(avis?.nature).toBe("TAXATION");
    const texte = avis?.texte ?? "";
    expect(texte).toContain(`Le mémoire ${taxe.numero}`);
    expect(texte).toContain(`- montant demandé : ${euros(formaterMontant(taxe.montantsDemandes?.montantTtc ?? taxe.montants.montantTtc))} TTC`);
    expect(texte).toContain(`- montant taxé : ${euros(formaterMontant(taxe.montants.montantTtc))} TTC`);
    expect(texte).toContain(`Motif : ${taxe.taxation?.motif ?? ""}`);
    expect(texte.match(/^- Ligne \d/gm)).toHaveLength(taxe.lignes.length);
    expect(texte).toContain("article R228 du code de procédure pénale");
    expect(texte).toContain("dans un délai de dix jours à compter de cette notification (article R228-1)");
    expect(texte).toContain("il ne remplace pas la notification de l'ordonnance par le greffe");
  });

  it("says nothing when the taxation grants the request, or for another event", () => {
    if (evenement === undefined) throw new Error("pas de taxation générée");
    expect(avisDeTaxation({ ...taxe, montantModifie: false }, evenement)).toBeUndefined();
    const autre = r.evenements.find((e) => e.commande !== "memoire.taxer");
    if (autre === undefined) throw new Error("pas d'autre événement");
    expect(avisDeTaxation({ ...taxe, montantModifie: true }, autre)).toBeUndefined();
  });
});
