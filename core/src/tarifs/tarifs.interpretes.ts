import { Array as Arr, BigDecimal, Either, Option } from "effect";
import { Temporal } from "temporal-polyfill";
import { SaisieInvalide, type ErreurDeChamp } from "../shared/index.js";
import { appliquerPourcentage, arrondirAuCentime, decimal } from "./tarifs.decimal.js";
import { TarifInconnu } from "./tarifs.errors.js";
import { jourFerie } from "./tarifs.feries.js";
import {
  type BaremeInterpretes,
  type CalculTarif,
  type CodeCalcul,
  type HeureDePresence,
  type MajorationAppliquee,
  type SaisieTraductionEcrite,
  type SaisieTraductionOrale,
  type TraductionEcrite,
  type TraductionOrale,
  type VersionTarifInterpretes,
} from "./tarifs.model.js";

/** Time zone of the wall-clock times typed by interpreters (metropolitan France). */
export const FUSEAU_HORAIRE = "Europe/Paris";

/** Longest presence accepted on one line: 24 hours (a longer mission is split into one line per day). */
export const DUREE_MAXIMALE_HEURES = 24;

/** Words per page of written translation (CPP R122). */
export const MOTS_PAR_PAGE = 250;

const MAJORATIONS_A43_7 = { premiereHeure: decimal("40"), nuit: decimal("25"), samediDimancheFerie: decimal("25") };

/** Dated versions of the interprètes-traducteurs table (CPP R122, A43-7), oldest first. */
export const TARIFS_INTERPRETES: ReadonlyArray<VersionTarifInterpretes> = [
  {
    _tag: "BaremeInterpretes",
    applicableDepuis: Temporal.PlainDate.from("2008-09-11"),
    source:
      "CPP art. R122 (décret n° 2008-764 du 30 juillet 2008) et art. A43-7 (arrêté du 2 septembre 2008) : 25 € la page, 25 € l'heure",
    tarifPage: decimal("25"),
    tarifHeure: decimal("25"),
    majorations: MAJORATIONS_A43_7,
  },
  {
    _tag: "BaremeInterpretes",
    applicableDepuis: Temporal.PlainDate.from("2009-03-01"),
    source: "CPP art. R122 et A43-7, version du 1er mars 2009 au 31 décembre 2020 (LEGIARTI000030884452) : 25 € la page, 30 € l'heure",
    tarifPage: decimal("25"),
    tarifHeure: decimal("30"),
    majorations: MAJORATIONS_A43_7,
  },
  {
    _tag: "BaremeNonSource",
    applicableDepuis: Temporal.PlainDate.from("2021-01-01"),
    source: "CPP art. A43-7 modifié par l'arrêté du 24 décembre 2020 (LEGIARTI000042905196)",
    raison: "barème 2021 non encore sourcé",
  },
];

/**
 * The version in force on a date: the latest whose `applicableDepuis` is on or before it. A date
 * before every version, or governed by a version without figures, gives `TarifInconnu`.
 */
export const versionInterpretes = (
  typePrestation: CodeCalcul,
  date: Temporal.PlainDate,
  versions: ReadonlyArray<VersionTarifInterpretes> = TARIFS_INTERPRETES,
): Either.Either<BaremeInterpretes, TarifInconnu> => {
  const triees = [...versions].sort((a, b) => Temporal.PlainDate.compare(a.applicableDepuis, b.applicableDepuis));
  const enVigueur = Arr.findLast(triees, (v) => Temporal.PlainDate.compare(v.applicableDepuis, date) <= 0);
  if (Option.isNone(enVigueur)) {
    const premiere = triees[0];
    return Either.left(
      new TarifInconnu({
        typePrestation,
        date,
        raison:
          premiere === undefined
            ? "aucune version du barème fournie"
            : `aucun barème connu avant le ${premiere.applicableDepuis.toString()}`,
      }),
    );
  }
  const version = enVigueur.value;
  switch (version._tag) {
    case "BaremeInterpretes":
      return Either.right(version);
    case "BaremeNonSource":
      return Either.left(new TarifInconnu({ typePrestation, date, raison: `${version.raison} (${version.source})` }));
  }
};

// ---------------------------------------------------------------------------------------------
// Decoding raw input
// ---------------------------------------------------------------------------------------------

const FORMAT_DATE_HEURE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const FORMAT_DATE = /^\d{4}-\d{2}-\d{2}$/;
const HEURE_NS = 3_600_000_000_000n;

const decoderDateHeureLocale = (champ: string, valeur: string | undefined): Either.Either<Temporal.ZonedDateTime, ErreurDeChamp> => {
  if (valeur === undefined || valeur.trim() === "") return Either.left({ chemin: champ, raison: "obligatoire (AAAA-MM-JJTHH:mm, heure de Paris)" });
  const texte = valeur.trim();
  if (!FORMAT_DATE_HEURE.test(texte)) {
    return Either.left({ chemin: champ, raison: `format attendu AAAA-MM-JJTHH:mm (heure de Paris), reçu « ${valeur} »` });
  }
  let locale: Temporal.PlainDateTime;
  try {
    locale = Temporal.PlainDateTime.from(texte, { overflow: "reject" });
  } catch {
    return Either.left({ chemin: champ, raison: `date ou heure inexistante : « ${valeur} »` });
  }
  // "compatible": an ambiguous time (the repeated hour of the autumn change) is its first occurrence;
  // a time in the spring gap never existed in Paris and is refused below.
  const instant = locale.toZonedDateTime(FUSEAU_HORAIRE, { disambiguation: "compatible" });
  if (!instant.toPlainDateTime().equals(locale)) {
    return Either.left({ chemin: champ, raison: `heure inexistante à Paris (passage à l'heure d'été) : « ${valeur} »` });
  }
  return Either.right(instant);
};

/**
 * Decodes the start and end of presence of an oral translation (local Europe/Paris wall-clock
 * times `YYYY-MM-DDTHH:mm`, `:ss` accepted). Refuses, naming the field: a missing or malformed
 * value, a time that never existed in Paris, `fin` not after `debut`, a presence over 24 hours.
 */
export const decoderTraductionOrale = (raw: SaisieTraductionOrale): Either.Either<TraductionOrale, SaisieInvalide> => {
  const debut = decoderDateHeureLocale("debut", raw.debut);
  const fin = decoderDateHeureLocale("fin", raw.fin);
  const erreurs = [Either.getLeft(debut), Either.getLeft(fin)].flatMap((e) => (Option.isSome(e) ? [e.value] : []));
  if (Either.isLeft(debut) || Either.isLeft(fin)) return Either.left(new SaisieInvalide({ erreurs }));
  const duree = finApres(fin.right, debut.right).epochNanoseconds - debut.right.epochNanoseconds;
  if (duree <= 0n) {
    return Either.left(new SaisieInvalide({ erreurs: [{ chemin: "fin", raison: "doit être postérieure au début de la présence" }] }));
  }
  if (duree > BigInt(DUREE_MAXIMALE_HEURES) * HEURE_NS) {
    return Either.left(
      new SaisieInvalide({
        erreurs: [{ chemin: "fin", raison: `présence de plus de ${DUREE_MAXIMALE_HEURES} heures : saisir une ligne par jour` }],
      }),
    );
  }
  return Either.right({ debut: debut.right, fin: finApres(fin.right, debut.right) });
};

/**
 * `fin` read in the repeated autumn hour: its first occurrence (summer time) when that is after
 * `debut`, otherwise its second one (winter time). So `02:00 → 02:00` on the night of the change is
 * the hour the clock went back, not a presence ending before it began.
 */
const finApres = (fin: Temporal.ZonedDateTime, debut: Temporal.ZonedDateTime): Temporal.ZonedDateTime => {
  if (fin.epochNanoseconds > debut.epochNanoseconds) return fin;
  const seconde = fin.toPlainDateTime().toZonedDateTime(FUSEAU_HORAIRE, { disambiguation: "later" });
  return seconde.epochNanoseconds > debut.epochNanoseconds ? seconde : fin;
};

const decoderDate = (champ: string, valeur: string | undefined): Either.Either<Temporal.PlainDate, ErreurDeChamp> => {
  if (valeur === undefined || valeur.trim() === "") return Either.left({ chemin: champ, raison: "obligatoire (AAAA-MM-JJ)" });
  const texte = valeur.trim();
  if (!FORMAT_DATE.test(texte)) return Either.left({ chemin: champ, raison: `format attendu AAAA-MM-JJ, reçu « ${valeur} »` });
  try {
    return Either.right(Temporal.PlainDate.from(texte, { overflow: "reject" }));
  } catch {
    return Either.left({ chemin: champ, raison: `date inexistante : « ${valeur} »` });
  }
};

const decoderMots = (valeur: string | number | undefined): Either.Either<number, ErreurDeChamp> => {
  const refus = (raison: string) => Either.left({ chemin: "mots", raison });
  if (valeur === undefined || (typeof valeur === "string" && valeur.trim() === "")) return refus("obligatoire (nombre entier de mots > 0)");
  const texte = typeof valeur === "number" ? String(valeur) : valeur.trim();
  if (!/^\d+$/.test(texte)) return refus(`nombre entier de mots attendu, reçu « ${String(valeur)} »`);
  const mots = Number(texte);
  if (!Number.isSafeInteger(mots)) return refus(`nombre de mots hors limites : « ${String(valeur)} »`);
  if (mots <= 0) return refus("doit être supérieur à 0");
  return Either.right(mots);
};

/**
 * Decodes a written translation: `mots` an integer > 0 (string of digits or number), `date` the
 * date of the prestation `YYYY-MM-DD`. Every offending field is listed.
 */
export const decoderTraductionEcrite = (raw: SaisieTraductionEcrite): Either.Either<TraductionEcrite, SaisieInvalide> => {
  const mots = decoderMots(raw.mots);
  const date = decoderDate("date", raw.date);
  if (Either.isRight(mots) && Either.isRight(date)) return Either.right({ mots: mots.right, date: date.right });
  const erreurs = [Either.getLeft(mots), Either.getLeft(date)].flatMap((e) => (Option.isSome(e) ? [e.value] : []));
  return Either.left(new SaisieInvalide({ erreurs }));
};

// ---------------------------------------------------------------------------------------------
// Computations
// ---------------------------------------------------------------------------------------------

/** Local wall-clock rendering of an instant: `YYYY-MM-DDTHH:mm`, with `:ss` only when not zero. */
const heureLocale = (instant: Temporal.ZonedDateTime): string =>
  instant.toPlainDateTime().toString({ smallestUnit: instant.second === 0 ? "minute" : "second" });

const NOMS_JOURS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"] as const;

const majorationsDuCreneau = (
  rang: number,
  debut: Temporal.ZonedDateTime,
  bareme: BaremeInterpretes,
): ReadonlyArray<Omit<MajorationAppliquee, "montant">> => {
  const majorations: Array<Omit<MajorationAppliquee, "montant">> = [];
  if (rang === 1) {
    majorations.push({ code: "PREMIERE_HEURE", taux: bareme.majorations.premiereHeure, libelle: "Première heure de traduction" });
  }
  if (debut.hour >= 22 || debut.hour < 7) {
    majorations.push({ code: "NUIT", taux: bareme.majorations.nuit, libelle: "Heure commencée entre 22 heures et 7 heures" });
  }
  const ferie = jourFerie(debut.toPlainDate());
  if (Option.isSome(ferie)) {
    majorations.push({
      code: "SAMEDI_DIMANCHE_FERIE",
      taux: bareme.majorations.samediDimancheFerie,
      libelle: `Heure commencée un jour férié (${ferie.value.nom})`,
    });
  } else if (debut.dayOfWeek >= 6) {
    majorations.push({
      code: "SAMEDI_DIMANCHE_FERIE",
      taux: bareme.majorations.samediDimancheFerie,
      libelle: `Heure commencée un ${NOMS_JOURS[debut.dayOfWeek - 1] ?? "samedi ou dimanche"}`,
    });
  }
  return majorations;
};

const creneau = (rang: number, presence: TraductionOrale, bareme: BaremeInterpretes): HeureDePresence => {
  // Slots are cut in real elapsed time: adding hours to a ZonedDateTime moves the instant, so a
  // DST night yields slots whose local start times jump or repeat.
  const debut = presence.debut.add({ hours: rang - 1 });
  const fin = presence.debut.add({ hours: rang });
  const base = bareme.tarifHeure;
  const majorations = majorationsDuCreneau(rang, debut, bareme).map((m) => ({
    ...m,
    montant: arrondirAuCentime(appliquerPourcentage(base, m.taux)),
  }));
  const tauxTotal = BigDecimal.sumAll([decimal("100"), ...majorations.map((m) => m.taux)]);
  return {
    _tag: "HeureDePresence",
    rang,
    debut: heureLocale(debut),
    fin: heureLocale(fin),
    base,
    majorations,
    montant: arrondirAuCentime(appliquerPourcentage(base, tauxTotal)),
  };
};

/** Number of started hours of a decoded presence (`ceil(duration / 1 h)`, real elapsed time). */
export const heuresCommencees = (presence: TraductionOrale): number => {
  const duree = presence.fin.epochNanoseconds - presence.debut.epochNanoseconds;
  return Number((duree + HEURE_NS - 1n) / HEURE_NS);
};

/**
 * Prices a decoded oral translation with the version in force on its start date (local date in
 * Paris). Every started hour is due in full; each slot's majorations are listed.
 */
export const calculerTraductionOrale = (
  presence: TraductionOrale,
  versions: ReadonlyArray<VersionTarifInterpretes> = TARIFS_INTERPRETES,
): Either.Either<CalculTarif, TarifInconnu> =>
  Either.map(versionInterpretes("TRADUCTION_ORALE", presence.debut.toPlainDate(), versions), (bareme) => {
    const detail = Array.from({ length: heuresCommencees(presence) }, (_, k) => creneau(k + 1, presence, bareme));
    return {
      typePrestation: "TRADUCTION_ORALE",
      montantHt: BigDecimal.sumAll(detail.map((h) => h.montant)),
      version: { applicableDepuis: bareme.applicableDepuis, source: bareme.source },
      detail,
    };
  });

/** Prices a decoded written translation: `ceil(mots / 250)` pages at the page rate in force on its date. */
export const calculerTraductionEcrite = (
  traduction: TraductionEcrite,
  versions: ReadonlyArray<VersionTarifInterpretes> = TARIFS_INTERPRETES,
): Either.Either<CalculTarif, TarifInconnu> =>
  Either.map(versionInterpretes("TRADUCTION_ECRITE", traduction.date, versions), (bareme) => {
    const pages = Math.floor(traduction.mots / MOTS_PAR_PAGE) + (traduction.mots % MOTS_PAR_PAGE === 0 ? 0 : 1);
    const montant = arrondirAuCentime(BigDecimal.multiply(bareme.tarifPage, BigDecimal.fromBigInt(BigInt(pages))));
    return {
      typePrestation: "TRADUCTION_ECRITE",
      montantHt: montant,
      version: { applicableDepuis: bareme.applicableDepuis, source: bareme.source },
      detail: [{ _tag: "PagesTraduites", mots: traduction.mots, pages, tarifPage: bareme.tarifPage, montant }],
    };
  });

/** Raw input → decoded → priced, for an oral translation. */
export const tarifTraductionOrale = (
  saisie: SaisieTraductionOrale,
  versions: ReadonlyArray<VersionTarifInterpretes> = TARIFS_INTERPRETES,
): Either.Either<CalculTarif, SaisieInvalide | TarifInconnu> =>
  Either.flatMap(decoderTraductionOrale(saisie), (presence) => calculerTraductionOrale(presence, versions));

/** Raw input → decoded → priced, for a written translation. */
export const tarifTraductionEcrite = (
  saisie: SaisieTraductionEcrite,
  versions: ReadonlyArray<VersionTarifInterpretes> = TARIFS_INTERPRETES,
): Either.Either<CalculTarif, SaisieInvalide | TarifInconnu> =>
  Either.flatMap(decoderTraductionEcrite(saisie), (traduction) => calculerTraductionEcrite(traduction, versions));
