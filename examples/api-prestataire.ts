/**
 * # Un prestataire dépose un mémoire par l'API (« mode service ») et suit son paiement
 *
 * Une interprète-traductrice facture ses missions depuis son propre logiciel, sans passer par le
 * portail : le logiciel appelle l'API des prestataires (`/api/v1`, guide : docs/api.md).
 *
 * 1. Il obtient un jeton avec l'adresse électronique et le mot de passe du compte (montré une fois).
 * 2. Il lit les structures du compte et vérifie que leurs prérequis sont remplis (coordonnées
 *    bancaires, mandat de facturation signé…).
 * 3. Il crée un brouillon (numéro TMP) avec une ligne de prestation, puis joint la réquisition
 *    (PDF, 4096 Ko au plus) — chaque écriture porte la version lue (`If-Match`).
 * 4. Il valide et envoie le mémoire avec l'attestation sur l'honneur : numéro MJ et certificat de
 *    dépôt, dont il vérifie l'empreinte auprès de l'API.
 * 5. Il interroge régulièrement le mémoire jusqu'à sa mise en paiement (statut « Mis en paiement »),
 *    puis le retrouve dans sa liste fiscale.
 *
 * Le script n'utilise que `fetch`, `FormData` et `Blob` (Node.js ≥ 20) : c'est ce qu'écrirait le
 * développeur d'un logiciel de facturation.
 */

/** What the script needs: where the API is, the account, and how long to wait between two polls. */
export interface OptionsScript {
  readonly baseUrl: string;
  readonly email: string;
  readonly motDePasse: string;
  /** The structure to invoice from (default: the first of the account whose prérequis are met). */
  readonly structureId?: string;
  /** The juridiction destinataire (its code). */
  readonly juridiction: string;
  /** The réquisition to attach (a PDF). */
  readonly requisition: Uint8Array;
  /** Called between two polls (a real script sleeps; the test moves the court side). */
  readonly attendre: (tentative: number) => Promise<void>;
  /** Polls before giving up. */
  readonly tentativesMax?: number;
  readonly journal?: (ligne: string) => void;
}

/** What the run produced. */
export interface ResultatScript {
  readonly numeroProvisoire: string;
  readonly numero: string;
  readonly empreinte: string;
  readonly certificatValide: boolean;
  readonly statuts: ReadonlyArray<string>;
  readonly listeFiscale: ReadonlyArray<{ readonly numero: string; readonly montantTtc: string }>;
}

/** An RFC 9457 problem returned by the API, thrown as an error. */
export class ProblemeApi extends Error {
  constructor(
    readonly status: number,
    readonly probleme: { readonly tag?: string; readonly title?: string; readonly detail?: string; readonly erreurs?: ReadonlyArray<{ chemin: string; raison: string }> },
  ) {
    super(`${status} ${probleme.tag ?? ""} : ${probleme.detail ?? probleme.title ?? ""}${(probleme.erreurs ?? []).map((e) => ` [${e.chemin} : ${e.raison}]`).join("")}`);
    this.name = "ProblemeApi";
  }
}

interface Reponse<T> {
  readonly corps: T;
  readonly etag: string | undefined;
}

const client = (baseUrl: string) => {
  let jeton: string | undefined;
  const appeler = async <T>(methode: string, chemin: string, options: { json?: unknown; formulaire?: FormData; ifMatch?: string | undefined } = {}): Promise<Reponse<T>> => {
    const entetes: Record<string, string> = { Accept: "application/json" };
    if (jeton !== undefined) entetes["Authorization"] = `Bearer ${jeton}`;
    if (options.ifMatch !== undefined) entetes["If-Match"] = options.ifMatch;
    if (options.json !== undefined) entetes["Content-Type"] = "application/json";
    const r = await fetch(`${baseUrl}/api/v1${chemin}`, {
      method: methode,
      headers: entetes,
      ...(options.json !== undefined ? { body: JSON.stringify(options.json) } : options.formulaire !== undefined ? { body: options.formulaire } : {}),
    });
    const texte = await r.text();
    const corps: unknown = texte === "" ? undefined : JSON.parse(texte);
    if (!r.ok) throw new ProblemeApi(r.status, (corps ?? {}));
    return { corps: corps as T, etag: r.headers.get("ETag") ?? undefined };
  };
  return {
    appeler,
    utiliser: (j: string) => {
      jeton = j;
    },
  };
};

interface Structure {
  readonly id: string;
  readonly raisonSociale: string;
  readonly memoires: { readonly modification: boolean };
  readonly prerequis: { readonly remplis: boolean; readonly manquants: ReadonlyArray<{ readonly numero: string; readonly libelle: string }> };
}
interface Memoire {
  readonly id: string;
  readonly numero: string;
  readonly numeroProvisoire: string;
  readonly statutVisible: string | null;
  readonly lignes: ReadonlyArray<{ readonly id: string }>;
  readonly montants: { readonly montantTtc: string };
}
interface Certificat {
  readonly numero: string;
  readonly empreinte: string;
  readonly montants: { readonly montantTtc: string };
}

const jourDecale = (jours: number): string => new Date(Date.now() + jours * 86_400_000).toISOString().slice(0, 10);

/** Runs the provider's script against a running API. */
export const main = async (options: OptionsScript): Promise<ResultatScript> => {
  const journal = options.journal ?? ((l: string) => console.log(l));
  const api = client(options.baseUrl);

  journal("1. Jeton d'API (adresse électronique et mot de passe du compte).");
  const { corps: jeton } = await api.appeler<{ jeton: string; expireLe: string }>("POST", "/jetons", {
    json: { email: options.email, motDePasse: options.motDePasse, libelle: "Logiciel de facturation", dureeJours: 30 },
  });
  api.utiliser(jeton.jeton);
  journal(`   jeton valable jusqu'au ${jeton.expireLe.slice(0, 10)}`);

  journal("2. Structures du compte et prérequis.");
  const { corps: structures } = await api.appeler<{ elements: ReadonlyArray<Structure> }>("GET", "/structures");
  for (const s of structures.elements)
    journal(`   ${s.raisonSociale} : ${s.prerequis.remplis ? "prérequis remplis" : s.prerequis.manquants.map((m) => `${m.numero} ${m.libelle}`).join(" ; ")}`);
  const structure = structures.elements.find((s) => (options.structureId === undefined || s.id === options.structureId) && s.prerequis.remplis && s.memoires.modification);
  if (structure === undefined) throw new Error("aucune structure du compte ne peut émettre de mémoire");

  journal("3. Brouillon, ligne de prestation et réquisition.");
  let brouillon = await api.appeler<Memoire>("POST", "/memoires", {
    json: {
      enTete: {
        juridiction: options.juridiction,
        structureId: structure.id,
        categoriePrestataire: "INTERPRETE_TRADUCTEUR",
        referenceCoordonneesBancaires: "compte-principal",
        texteReference: "Article R 92 CPP (procédure pénale)",
        typeTva: "TVA_SUR_DEBIT",
        numeroFacture: "FACT-2026-0117",
      },
      lignes: [
        {
          numeroAffaire: "2026/00117",
          dateRequisition: jourDecale(-12),
          autoriteRequerante: "OFFICIER_POLICE_JUDICIAIRE",
          typePrestation: "EXPERTISE_MEDICALE",
          datePrestation: jourDecale(-10),
          quantite: "1",
          tarifHt: "316.5",
          tauxTva: "20",
        },
      ],
    },
  });
  journal(`   brouillon ${brouillon.corps.numeroProvisoire}, ${brouillon.corps.montants.montantTtc} € TTC (version ${brouillon.etag ?? "?"})`);
  const formulaire = new FormData();
  formulaire.set("designation", "Réquisition de l'OPJ");
  formulaire.set("type", "REQUISITION");
  formulaire.set("ligneId", brouillon.corps.lignes[0]?.id ?? "");
  formulaire.set("fichier", new Blob([options.requisition], { type: "application/pdf" }), "requisition.pdf");
  brouillon = await api.appeler<Memoire>("POST", `/memoires/${brouillon.corps.id}/pieces-jointes`, { formulaire, ifMatch: brouillon.etag });

  journal("4. Valider et envoyer (attestation sur l'honneur).");
  const { corps: envoi } = await api.appeler<{ memoire: Memoire; certificat: Certificat }>("POST", `/memoires/${brouillon.corps.id}/envoi`, {
    json: { attestationSurLHonneur: true },
    ifMatch: brouillon.etag,
  });
  journal(`   mémoire ${envoi.certificat.numero}, empreinte ${envoi.certificat.empreinte}`);
  const { corps: verification } = await api.appeler<{ valide: boolean }>("POST", "/certificats/verification", { json: envoi.certificat });
  journal(`   certificat de dépôt ${verification.valide ? "vérifié" : "NON CONFORME"}`);

  journal("5. Suivi jusqu'à la mise en paiement.");
  const statuts: Array<string> = [String(envoi.memoire.statutVisible)];
  for (let tentative = 1; statuts.at(-1) !== "MIS_EN_PAIEMENT"; tentative++) {
    if (tentative > (options.tentativesMax ?? 50)) throw new Error(`toujours ${statuts.at(-1) ?? "?"} après ${tentative - 1} interrogations`);
    await options.attendre(tentative);
    const { corps } = await api.appeler<Memoire>("GET", `/memoires/${brouillon.corps.id}`);
    if (corps.statutVisible !== statuts.at(-1)) {
      statuts.push(String(corps.statutVisible));
      journal(`   ${String(corps.statutVisible)}`);
    }
  }
  const aujourdhui = jourDecale(0);
  const { corps: fiscale } = await api.appeler<{ lignes: ReadonlyArray<{ numero: string; montantTtc: string }> }>("GET", `/liste-fiscale?du=${jourDecale(-30)}&au=${aujourdhui}&structureId=${structure.id}`);
  journal(`   liste fiscale : ${fiscale.lignes.map((l) => `${l.numero} ${l.montantTtc} €`).join(", ")}`);

  return {
    numeroProvisoire: envoi.memoire.numeroProvisoire,
    numero: envoi.certificat.numero,
    empreinte: envoi.certificat.empreinte,
    certificatValide: verification.valide,
    statuts,
    listeFiscale: fiscale.lignes.map((l) => ({ numero: l.numero, montantTtc: l.montantTtc })),
  };
};
