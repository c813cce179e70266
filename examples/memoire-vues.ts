/**
 * # Suivre ses mémoires : certificat de dépôt, Rechercher, Tableau de bord, Liste fiscale
 *
 * La société COMPAGNIE FINANCIERE PRIVEE (SIRET 31486913200048) saisit le mémoire à deux lignes du
 * webinaire Chorus Pro (605,28 € et 379,80 € TTC : deux expertises à 504,40 € et 316,50 € HT, TVA
 * 20 %) et le « valide et envoie » : elle reçoit un certificat de dépôt avec son empreinte (SHA-256 de
 * la forme canonique du mémoire et des empreintes de ses pièces jointes). Le mémoire est transmis au
 * tribunal, certifié par le greffier, validé par l'ordonnateur puis mis en paiement par le comptable.
 *
 * Tout au long du circuit, une collaboratrice qui n'a que l'habilitation « Frais de justice
 * consultation » le suit dans les onglets Rechercher et Tableau de bord, puis l'extrait de la Liste
 * fiscale (mémoires « Mis en paiement », période d'un an au plus). Le certificat se vérifie encore
 * après paiement ; un mémoire altéré ne le vérifie plus. Une utilisatrice d'une autre structure ne
 * voit rien. Seule l'API publique est utilisée (`@frais-justice/core/memoire`, `/autorisation`, ...).
 */
import { BigDecimal, Either } from "effect";
import { contexteDeterministe } from "@frais-justice/core";
import type { ActeurAgent, ActeurSysteme, ActeurUtilisateur } from "@frais-justice/core/autorisation";
import {
  creerBrouillon,
  dateCalendaire,
  decoderCriteresRecherche,
  LIBELLES_STATUT_VISIBLE,
  listeFiscale,
  numerotationEnMemoire,
  rechercher,
  STATUTS_VISIBLES,
  tableauDeBord,
  unsafeExecuter,
  verifierCertificat,
  type Certificat,
  type Commande,
  type ContexteMemoire,
  type Lecteur,
  type Memoire,
} from "@frais-justice/core/memoire";
import { formaterMontant } from "@frais-justice/core/montants";

const SIRET = "31486913200048";
const ESPACES = ["MEMOIRES_DE_FRAIS_DE_JUSTICE"] as const;

const saisisseuse: ActeurUtilisateur = {
  _tag: "Utilisateur",
  id: "heloise.ferdinand",
  rattachements: [{ structureId: SIRET, role: "UTILISATEUR" }],
  habilitations: [{ structureId: SIRET, application: "FRAIS_DE_JUSTICE", mode: "MODIFICATION" }],
};
const consultante: ActeurUtilisateur = {
  _tag: "Utilisateur",
  id: "marie.duront",
  rattachements: [{ structureId: SIRET, role: "UTILISATEUR" }],
  habilitations: [{ structureId: SIRET, application: "FRAIS_DE_JUSTICE", mode: "CONSULTATION" }],
};
const autreStructure: ActeurUtilisateur = {
  _tag: "Utilisateur",
  id: "antoine.robin",
  rattachements: [{ structureId: "73282932000074", role: "GESTIONNAIRE_PRINCIPAL" }],
  habilitations: [],
};
const agent = (id: string, role: ActeurAgent["roles"][number]): ActeurAgent => ({ _tag: "Agent", id, roles: [role], perimetre: { juridictions: ["75"], coursAppel: [] } });
const systeme: ActeurSysteme = { _tag: "Systeme" };

const jourFrancais = (iso: string): string => iso.split("-").reverse().join("/");

const euros = (x: BigDecimal.BigDecimal): string => `${formaterMontant(x).replace(".", ",")} €`;

/** What the scenario shows, for its test. */
export interface Resultat {
  readonly certificat: Certificat;
  readonly memoirePaye: Memoire;
  readonly trouves: ReadonlyArray<{ readonly numero: string; readonly statut: string; readonly montantTtc: string }>;
  readonly tableauAvant: Readonly<Record<string, number>>;
  readonly tableauApres: Readonly<Record<string, number>>;
  readonly listeFiscale: ReadonlyArray<{ readonly numero: string; readonly datePaiement: string; readonly ht: string; readonly tva: string; readonly ttc: string }>;
  readonly totalListeFiscale: string;
  readonly certificatValideApresPaiement: boolean;
  readonly ecartsSiAltere: ReadonlyArray<string>;
  readonly vuParAutreStructure: number;
  readonly erreurPeriode: string;
  readonly erreurCritere: ReadonlyArray<string>;
}

export const main = (journal: (ligne: string) => void = console.log): Resultat => {
  const numerotation = numerotationEnMemoire({ mj: 2117 });
  let minute = 0;
  const contexte = (acteur: ContexteMemoire["acteur"], instant: string): ContexteMemoire => {
    minute += 1;
    return { ...contexteDeterministe(new Date(instant), `id${minute}`), acteur, numerotation, espacesOuverts: ESPACES };
  };
  const faire = (memoire: Memoire, commande: Commande, acteur: ContexteMemoire["acteur"], instant: string): Memoire =>
    unsafeExecuter(memoire, commande, contexte(acteur, instant)).memoire;

  journal("1. Héloïse saisit le mémoire du webinaire : deux expertises, TVA 20 %.");
  const brouillon = creerBrouillon(
    {
      enTete: {
        juridiction: { code: "75", libelle: "JURIDICTION_LFR", courAppel: "CA-PARIS" },
        structureId: SIRET,
        categoriePrestataire: "EXPERT",
        referenceCoordonneesBancaires: "CB-1",
        texteReference: "Article R 92 CPP (procédure pénale)",
        typeTva: "TVA_SUR_DEBIT",
      },
      lignes: [
        {
          numeroAffaire: "1",
          dateRequisition: "2019-07-24",
          autoriteRequerante: "TRIBUNAL_POLICE",
          typePrestation: "EXPERTISE_PSYCHIATRIQUE_PENAL_INSTRUCTION",
          datePrestation: "2019-07-24",
          quantite: "1",
          tarifHt: "504.40",
          tauxTva: "20",
        },
        {
          numeroAffaire: "1",
          dateRequisition: "2019-07-24",
          autoriteRequerante: "JUGE_ENFANTS",
          typePrestation: "EXPERTISE_MEDICALE",
          datePrestation: "2019-07-24",
          quantite: "1",
          tarifHt: "316.50",
          tauxTva: "20",
        },
      ],
    },
    contexte(saisisseuse, "2019-07-25T08:00:00Z"),
  );
  if (Either.isLeft(brouillon)) throw new Error(`brouillon refusé : ${brouillon.left.message}`);
  const autreBrouillon = creerBrouillon(
    { enTete: { juridiction: { code: "75", libelle: "JURIDICTION_LFR", courAppel: "CA-PARIS" }, structureId: SIRET } },
    contexte(saisisseuse, "2019-07-25T08:05:00Z"),
  );
  if (Either.isLeft(autreBrouillon)) throw new Error(`brouillon refusé : ${autreBrouillon.left.message}`);

  journal("2. Elle valide et envoie : le certificat de dépôt lui est remis.");
  const envoi = unsafeExecuter(
    brouillon.right.memoire,
    {
      type: "memoire.valider-et-envoyer",
      attestationSurLHonneur: true,
      // Computed by the adapter with prerequisManquants(structure, coordonnées bancaires, mandats): all met.
      prerequisManquants: [],
      prestataire: { identifiant: SIRET, raisonSociale: "COMPAGNIE FINANCIERE PRIVEE" },
      coordonneesBancaires: {
        designation: "RIB",
        type: "COORDONNEE_BANCAIRE",
        nomFichier: "rib.pdf",
        typeContenu: "application/pdf",
        taille: 40_000,
        empreinte: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
      },
    },
    contexte(saisisseuse, "2019-07-25T08:30:00Z"),
  );
  const certificat = envoi.certificat;
  if (certificat === undefined) throw new Error("l'envoi n'a pas produit de certificat de dépôt");
  const m = certificat.montants;
  journal(`   Mémoire n° ${certificat.numero} déposé le ${jourFrancais(dateCalendaire(certificat.dateDepot))} par ${certificat.prestataire.identifiant} - ${certificat.prestataire.raisonSociale}`);
  journal(`   Montant HT après remise globale : ${euros(m.montantHtApresRemiseGlobale)} ; TVA : ${euros(m.montantTva)}`);
  journal(`   Remise globale TTC : ${euros(m.montantRemiseGlobaleTtc)} ; TTC avant remise : ${euros(m.montantTtcAvantRemiseGlobale)} ; TTC total : ${euros(m.montantTtc)}`);
  journal(`   Empreinte : ${certificat.empreinte}`);

  const transmis = faire(envoi.memoire, { type: "memoire.transmettre" }, systeme, "2019-07-25T09:00:00Z");
  const lecteur: Lecteur = { acteur: consultante, espacesOuverts: { [SIRET]: ESPACES } };

  journal("3. Marie (habilitation consultation) le retrouve dans l'onglet Rechercher.");
  const criteres = decoderCriteresRecherche({ numero: "MJ", numeroMode: "PREFIXE", dateDepotDu: "2019-07-01", dateDepotAu: "2019-07-31", taille: "5" });
  if (Either.isLeft(criteres)) throw new Error(criteres.left.message);
  const portefeuille = [transmis, autreBrouillon.right.memoire];
  const page = rechercher(lecteur, portefeuille, criteres.right);
  const trouves = page.elements.map((l) => ({ numero: l.memoire.numero, statut: LIBELLES_STATUT_VISIBLE[l.statut], montantTtc: euros(l.memoire.montants.montantTtc) }));
  for (const t of trouves) journal(`   ${t.numero} — ${t.statut} — ${t.montantTtc} TTC (${page.total} résultat(s))`);

  const compter = (memoires: ReadonlyArray<Memoire>): Readonly<Record<string, number>> => {
    const ligne = tableauDeBord(lecteur, memoires)[0];
    return Object.fromEntries(STATUTS_VISIBLES.map((s) => [LIBELLES_STATUT_VISIBLE[s], ligne?.compteurs[s] ?? 0]));
  };
  const tableauAvant = compter(portefeuille);
  journal(`4. Tableau de bord : ${SIRET} - ${Object.entries(tableauAvant).map(([s, n]) => `${s} ${n}`).join(", ")}`);

  journal("5. Le greffier certifie, l'ordonnateur valide, le comptable met en paiement le 30/09/2019.");
  const certifie = faire(transmis, { type: "memoire.certifier" }, agent("greffier", "GREFFIER"), "2019-08-01T10:00:00Z");
  const valide = faire(certifie, { type: "memoire.valider-paiement" }, agent("ordonnateur", "ORDONNATEUR"), "2019-08-15T10:00:00Z");
  const memoirePaye = faire(valide, { type: "memoire.mettre-en-paiement", paiement: { date: "2019-09-30", reference: "PAI-2019-0930" } }, agent("comptable", "COMPTABLE"), "2019-09-30T10:00:00Z");
  const tableauApres = compter([memoirePaye, autreBrouillon.right.memoire]);
  journal(`   Tableau de bord : ${Object.entries(tableauApres).map(([s, n]) => `${s} ${n}`).join(", ")}`);

  journal("6. Liste fiscale 2019 (mémoires mis en paiement) :");
  const liste = listeFiscale(lecteur, [memoirePaye, autreBrouillon.right.memoire], { structureId: SIRET, du: "2019-01-01", au: "2019-12-31" });
  if (Either.isLeft(liste)) throw new Error(liste.left.message);
  const lignesFiscales = liste.right.lignes.map((l) => ({
    numero: l.numero,
    datePaiement: l.datePaiement,
    ht: euros(l.montantHtApresRemiseGlobale),
    tva: euros(l.montantTva),
    ttc: euros(l.montantTtc),
  }));
  for (const l of lignesFiscales) journal(`   ${l.numero} payé le ${jourFrancais(l.datePaiement)} : HT ${l.ht}, TVA ${l.tva}, TTC ${l.ttc}`);
  const totalListeFiscale = euros(liste.right.totaux.montantTtc);
  journal(`   Total TTC : ${totalListeFiscale}`);
  const tropLongue = listeFiscale(lecteur, [memoirePaye], { du: "2018-01-01", au: "2019-12-31" });
  const erreurPeriode = Either.isLeft(tropLongue) ? tropLongue.left.message : "";
  journal(`   Sur deux ans : refusé — ${erreurPeriode}`);

  journal("7. Le certificat se vérifie toujours après paiement ; un mémoire altéré ne le vérifie plus.");
  const verification = verifierCertificat(memoirePaye, certificat);
  journal(`   Mémoire payé : ${Either.isRight(verification) ? "certificat valide" : verification.left.message}`);
  const altere: Memoire = {
    ...memoirePaye,
    lignes: memoirePaye.lignes.map((l, i) => (i === 1 ? { ...l, tarifHt: BigDecimal.unsafeFromString("361.50") } : l)),
  };
  const verificationAlteree = verifierCertificat(altere, certificat);
  const ecartsSiAltere = Either.isLeft(verificationAlteree) ? verificationAlteree.left.ecarts.map((e) => e.champ) : [];
  journal(`   Mémoire altéré (tarif de la ligne 2) : écarts sur ${ecartsSiAltere.join(", ")}`);

  const vuParAutreStructure = rechercher({ acteur: autreStructure, espacesOuverts: { "73282932000074": ESPACES } }, [memoirePaye], criteres.right).total;
  journal(`8. Une utilisatrice d'une autre structure voit ${vuParAutreStructure} mémoire.`);

  const mauvais = decoderCriteresRecherche({ taille: 500, statut: "Payé" });
  const erreurCritere = Either.isLeft(mauvais) ? mauvais.left.erreurs.map((e) => e.chemin) : [];
  journal(`9. Critères erronés refusés champ par champ : ${erreurCritere.join(", ")}`);

  return {
    certificat,
    memoirePaye,
    trouves,
    tableauAvant,
    tableauApres,
    listeFiscale: lignesFiscales,
    totalListeFiscale,
    certificatValideApresPaiement: Either.isRight(verification),
    ecartsSiAltere,
    vuParAutreStructure,
    erreurPeriode,
    erreurCritere,
  };
};
