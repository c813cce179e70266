import type { CibleGlobale, CibleJuridiction } from "@frais-justice/core/autorisation";
import type { FileTicket, JuridictionFile, SousCategorie } from "./categorie.model.js";

/** The national support queue. */
export const SUPPORT_NATIONAL: FileTicket = { _tag: "SupportNational" };

/** The service métier queue of a juridiction. */
export const serviceMetier = (juridiction: JuridictionFile): FileTicket => ({ _tag: "ServiceMetier", juridiction });

/**
 * Every queue that exists: the national support and the service métier of each juridiction known
 * to the system.
 */
export const filesExistantes = (juridictions: ReadonlyArray<JuridictionFile>): ReadonlyArray<FileTicket> => [
  SUPPORT_NATIONAL,
  ...juridictions.map(serviceMetier),
];

/** `true` when both values name the same queue. */
export const memeFile = (a: FileTicket, b: FileTicket): boolean =>
  a._tag === "SupportNational" ? b._tag === "SupportNational" : b._tag === "ServiceMetier" && a.juridiction.code === b.juridiction.code;

/**
 * The destination of a ticket, set automatically from its sous-catégorie (DOMAIN.md §5, seed 001
 * "En fonction de la sous catégorie, le destinataire est renseigné en automatique"):
 * a `SERVICE_METIER` topic goes to the service métier of the juridiction the object (the mémoire) is
 * addressed to; everything else — and a service-métier topic whose juridiction is unknown or absent
 * (an invoice outside this system) — goes to the national support, so a ticket always reaches an
 * existing queue.
 */
export const router = (
  sousCategorie: SousCategorie,
  juridictionDeLObjet: { readonly code: string } | undefined,
  juridictions: ReadonlyArray<JuridictionFile>,
): FileTicket => {
  if (sousCategorie.routage === "SUPPORT_NATIONAL" || juridictionDeLObjet === undefined) return SUPPORT_NATIONAL;
  const connue = juridictions.find((j) => j.code === juridictionDeLObjet.code);
  return connue === undefined ? SUPPORT_NATIONAL : serviceMetier(connue);
};

/** The `autoriser` target of a queue: `Global` for the national support, the `Juridiction` otherwise. */
export const cibleDeLaFile = (file: FileTicket): CibleGlobale | CibleJuridiction =>
  file._tag === "SupportNational"
    ? { _tag: "Global" }
    : { _tag: "Juridiction", code: file.juridiction.code, courAppel: file.juridiction.courAppel };

/** The queue's name as agents and requesters read it: `Support national`, `Service métier — 75 - TJ Paris`. */
export const libelleFile = (file: FileTicket): string =>
  file._tag === "SupportNational" ? "Support national" : `Service métier — ${file.juridiction.code} - ${file.juridiction.libelle}`;
