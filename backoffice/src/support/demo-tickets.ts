import type { ActeurAgent, ActeurUtilisateur, RoleAgent, RoleStructure } from "@frais-justice/core/autorisation";
import type { Commande, Ticket } from "@frais-justice/support";
import { Either } from "effect";
import type { Orm } from "../base/orm.js";
import { lireEntier, sqlDe } from "../base/sql.js";
import type { DepotTickets } from "./depot-tickets.js";

/** What the demo tickets wrote. */
export interface BilanTicketsDemo {
  readonly tickets: ReadonlyArray<{ readonly numero: string; readonly etat: string }>;
}

const EMETTEUR = { organisation: "Identifiant de la structure", designation: "Structure de démonstration", email: "contact@structure-demo.example" };

/**
 * A few demo tickets on first start (an empty `ticket` table): one per interesting state, emitted by
 * the gestionnaire principal of a structure that has a mémoire addressed to a known juridiction, and
 * handled by a support agent whose perimeter includes the national queue (`demo-support` of the demo
 * accounts). Everything goes through the repository (the domain's commands, journal, outbox).
 * Returns `undefined` when tickets exist already or the data they need is missing.
 */
export const semerTicketsDeDemo = async (orm: Orm, depot: DepotTickets, maintenant: Date): Promise<BilanTicketsDemo | undefined> => {
  const sql = sqlDe(orm);
  const [n] = await sql.lignes<{ n: unknown }>("SELECT count(*) AS n FROM ticket");
  if (lireEntier(n?.n ?? 0) > 0) return undefined;
  const [cible] = await sql.lignes<{ structureId: string; utilisateurId: string; numero: string }>(
    `SELECT r.structure_id AS "structureId", r.utilisateur_id AS "utilisateurId", m.numero AS numero
     FROM rattachement r JOIN memoire m ON m.structure_id = r.structure_id JOIN juridiction j ON j.code = m.juridiction_code
     WHERE r.role = 'GESTIONNAIRE_PRINCIPAL' AND m.etat IN ('ENVOYE', 'MIS_A_DISPOSITION', 'A_TAXER', 'CERTIFIE', 'TAXE', 'VALIDE', 'MIS_EN_PAIEMENT')
     ORDER BY m.numero LIMIT 1`,
  );
  if (cible === undefined) return undefined;
  const rattachements = await sql.lignes<{ structureId: string; role: string }>('SELECT structure_id AS "structureId", role FROM rattachement WHERE utilisateur_id = ?', [
    cible.utilisateurId,
  ]);
  const demandeur: ActeurUtilisateur = {
    _tag: "Utilisateur",
    id: cible.utilisateurId,
    rattachements: rattachements.map((r) => ({ structureId: r.structureId, role: r.role as RoleStructure })),
    habilitations: [],
  };
  const agents = await sql.lignes<{ id: string; roles: string; perimetre: string }>("SELECT id, roles, perimetre FROM agent WHERE actif = ? ORDER BY id", [true]);
  const support = agents
    .map((a): ActeurAgent => ({ _tag: "Agent", id: a.id, roles: JSON.parse(a.roles) as Array<RoleAgent>, perimetre: JSON.parse(a.perimetre) as ActeurAgent["perimetre"] }))
    .find((a) => a.roles.includes("SUPPORT") && a.perimetre.supportNational === true);

  const heure = (h: number): Date => new Date(maintenant.getTime() - h * 60 * 60 * 1000);
  const tickets: Array<Ticket> = [];
  const creer = async (saisie: Record<string, unknown>, le: Date): Promise<Ticket | undefined> => {
    const r = await depot.creer({ acteur: demandeur, saisie: { structureId: cible.structureId, emetteur: EMETTEUR, ...saisie }, maintenant: le });
    return Either.isRight(r) ? r.right.ticket : undefined;
  };
  const suite = async (t: Ticket | undefined, commandes: ReadonlyArray<Commande>, depuis: Date): Promise<Ticket | undefined> => {
    let courant = t;
    let le = depuis;
    for (const c of commandes) {
      if (courant === undefined) return undefined;
      le = new Date(le.getTime() + 60 * 60 * 1000);
      const r = await depot.executer(courant.id, courant.version, c, { maintenant: le });
      courant = Either.isRight(r) ? r.right.ticket : courant;
    }
    return courant;
  };

  // About a mémoire: to the service métier of its juridiction, waiting to be taken.
  const memoire = await creer(
    {
      categorie: "MEMOIRE_FRAIS_DE_JUSTICE",
      sousCategorie: "M_SUIVI_TRAITEMENT_MEMOIRE",
      numeroObjet: cible.numero,
      titre: "Suivi du paiement de mon mémoire",
      description: `Le mémoire ${cible.numero} a été envoyé il y a plusieurs semaines : pouvez-vous m'indiquer où en est son traitement ?`,
    },
    heure(72),
  );
  if (memoire !== undefined) tickets.push(memoire);
  const compte = (titre: string, description: string, le: Date) =>
    creer({ categorie: "MON_COMPTE", sousCategorie: "CONNEXION_MOT_DE_PASSE", titre, description }, le);
  const brouillon = await creer({ categorie: "HABILITATIONS", sousCategorie: "DEMANDE_ACCES", brouillon: true, titre: "Accès à l'espace Mémoires", description: "" }, heure(30));
  if (brouillon !== undefined) tickets.push(brouillon);
  if (support !== undefined) {
    const attente = await suite(
      await compte("Compte verrouillé", "Mon compte est verrouillé après plusieurs essais de mot de passe.", heure(50)),
      [
        { type: "ticket.affecter", acteur: support },
        { type: "ticket.noter", texte: "Vérifier l'adresse de l'utilisateur avant de débloquer.", acteur: support },
        { type: "ticket.demander-informations", texte: "Pouvez-vous confirmer l'adresse électronique de connexion du compte ?", acteur: support },
      ],
      heure(50),
    );
    const resolu = await suite(
      await compte("Lien de réinitialisation expiré", "Le lien reçu par e-mail ne fonctionne plus.", heure(40)),
      [
        { type: "ticket.affecter", acteur: support },
        { type: "ticket.proposer-solution", texte: "Un nouveau lien vous a été envoyé ; il est valable 24 heures.", acteur: support },
      ],
      heure(40),
    );
    const clos = await suite(
      await compte("Changement d'adresse électronique", "Je souhaite changer l'adresse de connexion de mon compte.", heure(200)),
      [
        { type: "ticket.affecter", acteur: support },
        { type: "ticket.proposer-solution", texte: "L'adresse a été modifiée.", acteur: support },
        { type: "ticket.accepter-solution", acteur: demandeur },
      ],
      heure(200),
    );
    for (const t of [attente, resolu, clos]) if (t !== undefined) tickets.push(t);
  }
  return { tickets: tickets.map((t) => ({ numero: t.numero, etat: t.etat })) };
};
