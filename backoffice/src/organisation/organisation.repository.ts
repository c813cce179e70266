import type { Orm } from "../base/orm.js";
import type { Sql } from "../base/sql.js";
import { table } from "../base/tables.js";
import { normaliserRecherche } from "../base/texte.js";
import { DepotDocuments } from "./documents.repository.js";
import { DepotAgents, DepotJuridictions } from "./juridiction.repository.js";
import {
  CoordonneeBancaireStockee,
  DemandeAbonnementStockee,
  DemandeRattachementStockee,
  HabilitationStockee,
  MandatStocke,
  RattachementStocke,
  StructureStockee,
  UtilisateurStocke,
} from "./organisation.documents.js";

/** The repositories of every organisation aggregate, on one ORM. */
export const depotsOrganisation = (orm: Orm) => {
  const services = table(orm, "Service");
  const projeterServices = async (tx: Sql, s: typeof StructureStockee.Type): Promise<void> => {
    await tx.lignes("DELETE FROM service WHERE structure_id = ?", [s.id]);
    await services.inserer(
      tx,
      s.services.map((x) => ({ id: `${s.id}:${x.code}`, structureId: s.id, code: x.code, libelle: x.libelle, actif: x.actif, version: 1, donnees: JSON.stringify(x) })),
    );
  };
  return {
    structures: new DepotDocuments(
      orm,
      "Structure",
      StructureStockee,
      (s) => s.id,
      (s) => ({
        identifiantType: s.identifiant.type,
        identifiantValeur: s.identifiant.valeur,
        raisonSociale: s.raisonSociale,
        recherche: normaliserRecherche(`${s.raisonSociale} ${s.identifiant.valeur} ${s.adresse.ville}`),
        statut: s.statut,
        categorie: s.informationsMemoire.categoriePrestataire ?? null,
      }),
      projeterServices,
    ),
    coordonneesBancaires: new DepotDocuments(orm, "CoordonneeBancaire", CoordonneeBancaireStockee, (c) => c.id, (c) => ({ structureId: c.structureId, active: c.active })),
    utilisateurs: new DepotDocuments(orm, "Utilisateur", UtilisateurStocke, (u) => u.id, (u) => ({ email: u.email, statut: u.statut, recherche: normaliserRecherche(`${u.prenom} ${u.nom} ${u.email}`) })),
    rattachements: new DepotDocuments(orm, "Rattachement", RattachementStocke, (r) => `${r.structureId}:${r.utilisateurId}`, (r) => ({ structureId: r.structureId, utilisateurId: r.utilisateurId, role: r.role })),
    demandesRattachement: new DepotDocuments(orm, "DemandeRattachement", DemandeRattachementStockee, (d) => d.id, (d) => ({ structureId: d.structureId, utilisateurId: d.utilisateurId })),
    habilitations: new DepotDocuments(orm, "Habilitation", HabilitationStockee, (h) => h.id, (h) => ({ utilisateurId: h.utilisateurId, structureId: h.structureId, application: h.application, mode: h.mode })),
    demandesAbonnement: new DepotDocuments(orm, "DemandeAbonnement", DemandeAbonnementStockee, (d) => d.id, (d) => ({ utilisateurId: d.utilisateurId, structureId: d.structureId })),
    mandats: new DepotDocuments(orm, "Mandat", MandatStocke, (m) => m.id, (m) => ({ structureId: m.structureId, statut: m.statut })),
    juridictions: new DepotJuridictions(orm),
    agents: new DepotAgents(orm),
  };
};

export type DepotsOrganisation = ReturnType<typeof depotsOrganisation>;
