import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { hasard } from "../seed/hasard.js";
import { ESPACE_DE_NOMS_FLUX } from "./flux.format.js";

/**
 * Generates a lot file of `n` mémoires, written as a stream (the benchmark's 100,000-mémoire lot never
 * sits in memory): reproducible from `graine`, dated in the weeks before `jour` (so no mémoire is
 * forclos), one to three lines each, every `invalideTous`-th mémoire carrying a VAT rate the rules refuse.
 */
export interface OptionsGeneration {
  readonly id: string;
  readonly n: number;
  readonly identifiant: string;
  readonly utilisateur: string;
  readonly juridiction: string;
  readonly jour: Date;
  readonly graine?: number;
  /** 0: every mémoire valid. */
  readonly invalideTous?: number;
}

const PRESTATIONS = ["TRADUCTION_ORALE", "EXPERTISE_MEDICALE", "EXPERTISE_PSYCHIATRIQUE_PENAL_INSTRUCTION"] as const;
const AUTORITES = ["OFFICIER_POLICE_JUDICIAIRE", "PROCUREUR_REPUBLIQUE", "JUGE_INSTRUCTION"] as const;
const TAUX = ["20", "10", "5.5"] as const;

const jourAvant = (jour: Date, jours: number): string => new Date(jour.getTime() - jours * 86_400_000).toISOString().slice(0, 10);

/** The XML of mémoire `i` of a generated lot. */
export const memoireGeneree = (o: OptionsGeneration, i: number, h: ReturnType<typeof hasard>): string => {
  const lignes = h.entier(1, 3);
  let xml = `<memoire><enTete><juridiction>${o.juridiction}</juridiction><texteReference>Article R 92 CPP (procédure pénale)</texteReference><typeTva>TVA_SUR_DEBIT</typeTva><numeroFacture>F-${i}</numeroFacture></enTete>`;
  for (let k = 0; k < lignes; k += 1) {
    const prestation = h.entier(5, 60);
    const invalide = o.invalideTous !== undefined && o.invalideTous > 0 && i % o.invalideTous === o.invalideTous - 1 && k === 0;
    xml +=
      `<ligne><numeroAffaire>${2026}/${String(i).padStart(6, "0")}-${k}</numeroAffaire><dateRequisition>${jourAvant(o.jour, prestation + h.entier(1, 10))}</dateRequisition>` +
      `<autoriteRequerante>${h.choisir(AUTORITES)}</autoriteRequerante><typePrestation>${h.choisir(PRESTATIONS)}</typePrestation><datePrestation>${jourAvant(o.jour, prestation)}</datePrestation>` +
      `<quantite>${h.entier(1, 4)}</quantite><tarifHt>${h.entier(20, 400)}.${String(h.entier(0, 99)).padStart(2, "0")}</tarifHt><tauxTva>${invalide ? "7" : h.choisir(TAUX)}</tauxTva>` +
      `${h.chance(0.3) ? `<debours>${h.entier(1, 30)}.50</debours>` : ""}</ligne>`;
  }
  return `${xml}<envoi attestationSurLHonneur="true"/></memoire>\n`;
};

/** Writes the lot to `fichier`; resolves when it is on disk. */
export const ecrireLotGenere = async (fichier: string, o: OptionsGeneration): Promise<void> => {
  const h = hasard(o.graine ?? 1);
  const sortie = createWriteStream(fichier);
  const ecrire = async (texte: string) => {
    if (!sortie.write(texte)) await once(sortie, "drain");
  };
  await ecrire(`<?xml version="1.0" encoding="UTF-8"?>\n<lot xmlns="${ESPACE_DE_NOMS_FLUX}" id="${o.id}" version="1">\n<emetteur identifiant="${o.identifiant}" utilisateur="${o.utilisateur}"/>\n`);
  for (let i = 0; i < o.n; i += 1) await ecrire(memoireGeneree(o, i, h));
  await ecrire("</lot>\n");
  sortie.end();
  await once(sortie, "finish");
};
