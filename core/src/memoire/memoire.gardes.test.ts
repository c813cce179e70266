import { BigDecimal, Either } from "effect";
import { describe, expect, it } from "vitest";
import { PrerequisManquant } from "../prerequis/index.js";
import type { SaisieInvalide } from "../shared/index.js";
import { formaterMontant } from "../montants/index.js";
import { Temporal } from "temporal-polyfill";
import { creerBrouillon, evenementsPossibles, executer, peut, type Commande, type ContexteMemoire, type ErreurCommande } from "./memoire.commands.js";
import type { TransitionRefusee } from "./memoire.errors.js";
import { executionDeLaTaxe, finDuDelaiDeRecours } from "./memoire.gardes.js";
import type { Memoire } from "./memoire.model.js";
import { calculerMontantsMemoire, totaux, totauxEgaux } from "./memoire.saisie.js";
import * as F from "./test-support/fixtures.js";
import { ligne2021, scenario } from "./test-support/parcours.js";

const refusee = (r: Either.Either<unknown, ErreurCommande>): TransitionRefusee => {
  if (Either.isRight(r) || r.left._tag !== "TransitionRefusee") throw new Error(`TransitionRefusee attendue, obtenu ${JSON.stringify(r)}`);
  return r.left;
};
const invalide = (r: Either.Either<unknown, ErreurCommande>): SaisieInvalide => {
  if (Either.isRight(r) || r.left._tag !== "SaisieInvalide") throw new Error(`SaisieInvalide attendue, obtenu ${JSON.stringify(r)}`);
  return r.left;
};

/** Runs a command that must be refused; checks the mémoire was not touched and no number was drawn. */
const refuser = (s: ReturnType<typeof scenario>, m: Memoire, commande: Commande, contexte: ContexteMemoire) => {
  const avant = structuredClone(m);
  const appels = s.numerotation.appels();
  const r = executer(m, commande, contexte);
  expect(m).toEqual(avant);
  expect(s.numerotation.appels()).toBe(appels);
  return r;
};

const envoi: Commande = { type: "memoire.valider-et-envoyer", attestationSurLHonneur: true, prerequisManquants: [], prestataire: F.prestataireCertificat };

describe("each rule refuses with its name, the mémoire unchanged", () => {
  it("etatIncompatible: a sent mémoire cannot be edited, a terminal one accepts nothing", () => {
    const s = scenario();
    const envoye = s.envoyer(s.brouillon());
    const e = refusee(refuser(s, envoye, { type: "memoire.ajouter-ligne", ligne: ligne2021 }, s.ctx(F.prestataire)));
    expect(e).toMatchObject({ garde: "etatIncompatible", etat: "ENVOYE", evenement: "memoire.ajouter-ligne" });
    expect(e.detail).toContain("memoire.transmettre");
    const supprime = s.faire(s.brouillon(), { type: "memoire.supprimer" }, F.prestataire);
    expect(refusee(refuser(s, supprime, envoi, s.ctx(F.prestataire))).detail).toContain("terminal");
  });

  it("acteurNonAutorise: a consultation habilitation, a court agent of another juridiction, the wrong role, a closed espace", () => {
    const s = scenario();
    const b = s.brouillon();
    expect(refusee(refuser(s, b, { type: "memoire.ajouter-ligne", ligne: ligne2021 }, s.ctx(F.prestataireConsultation))).garde).toBe("acteurNonAutorise");
    expect(refusee(refuser(s, b, envoi, { ...s.ctx(F.prestataire), espacesOuverts: [] })).garde).toBe("acteurNonAutorise");
    const m = s.misADisposition();
    expect(refusee(refuser(s, m, { type: "memoire.certifier" }, s.ctx(F.greffierAutreJuridiction))).garde).toBe("acteurNonAutorise");
    expect(refusee(refuser(s, m, { type: "memoire.certifier" }, s.ctx(F.prestataire))).garde).toBe("acteurNonAutorise");
    expect(refusee(refuser(s, m, { type: "memoire.certifier" }, s.ctx(F.magistrat))).garde).toBe("acteurNonAutorise");
    expect(refusee(refuser(s, s.envoyer(s.brouillon()), { type: "memoire.transmettre" }, s.ctx(F.greffier))).garde).toBe("acteurNonAutorise");
  });

  it("auMoinsUneLigne: a draft without lines is not sent", () => {
    const s = scenario();
    expect(refusee(refuser(s, s.brouillon([]), envoi, s.ctx(F.prestataire))).garde).toBe("auMoinsUneLigne");
  });

  it("champsObligatoiresManquants: names the missing header fields", () => {
    const s = scenario();
    const b = s.faire(s.brouillon(), { type: "memoire.modifier-en-tete", enTete: { juridiction: F.enTete.juridiction, structureId: "S1" } }, F.prestataire);
    const e = refusee(refuser(s, b, envoi, s.ctx(F.prestataire)));
    expect(e.garde).toBe("champsObligatoiresManquants");
    expect(e.detail).toContain("enTete.typeTva");
    expect(e.detail).toContain("enTete.texteReference");
  });

  it("prerequisManquants: the structure's missing prerequisites block sending", () => {
    const s = scenario();
    const e = refusee(refuser(s, s.brouillon(), { ...envoi, prerequisManquants: [PrerequisManquant.MandatNonSigne({ numero: "02", libelle: "mandat de facturation signé" })] }, s.ctx(F.prestataire)));
    expect(e.garde).toBe("prerequisManquants");
    expect(e.detail).toContain("mandat de facturation signé");
  });

  it("prerequisManquants: sending on unknown prerequisites is refused, never skipped", () => {
    const s = scenario();
    // A caller (or a JavaScript client) that passes neither the structure's data nor the computed list.
    const sansPrerequis = { type: "memoire.valider-et-envoyer", attestationSurLHonneur: true, prestataire: F.prestataireCertificat } as unknown as Commande;
    const e = invalide(refuser(s, s.brouillon(), sansPrerequis, s.ctx(F.prestataire)));
    expect(e.erreurs.map((x) => x.chemin)).toEqual(["prerequis"]);
  });

  it("attestationSurLHonneurAbsente: sending needs the attestation", () => {
    const s = scenario();
    expect(refusee(refuser(s, s.brouillon(), { ...envoi, attestationSurLHonneur: false }, s.ctx(F.prestataire))).garde).toBe(
      "attestationSurLHonneurAbsente",
    );
  });

  it("delaiForclos (CPP art. 800): one year after the latest prestation, not a day more", () => {
    const tard = scenario("2022-05-20T20:00:00Z"); // 2022-05-20 22:00 in Paris: still the last day, then the next command is on the 21st
    const b = tard.brouillon();
    const e = refusee(refuser(tard, b, envoi, { ...tard.ctx(F.prestataire), maintenant: new Date("2022-05-20T22:30:00Z") }));
    expect(e.garde).toBe("delaiForclos");
    expect(e.detail).toContain("2022-05-20");
    expect(Either.isRight(executer(b, envoi, { ...tard.ctx(F.prestataire), maintenant: new Date("2022-05-20T21:00:00Z") }))).toBe(true);
    // Missions ended before 31/12/2020 are not subject to the one-year forclusion.
    const ancien = scenario("2025-01-01T08:00:00Z");
    expect(Either.isRight(executer(ancien.brouillon([F.ligneSeed]), envoi, ancien.ctx(F.prestataire)))).toBe(true);
  });

  it("certificationNonPermise (CPP R224-1, A43-16): non-tariffed costs above 1 500 € must be taxed", () => {
    const s = scenario();
    const expertise = { ...ligne2021, typePrestation: "EXPERTISE_PSYCHIATRIQUE_PENAL_INSTRUCTION", tarifHt: "1500", tauxTva: "20" };
    const e = refusee(refuser(s, s.misADisposition([expertise]), { type: "memoire.certifier" }, s.ctx(F.greffier)));
    expect(e.garde).toBe("certificationNonPermise");
    expect(e.detail).toContain("1800.00");
    // Under the threshold, or tariffed whatever the amount: certified.
    const petite = { ...expertise, tarifHt: "1000" };
    expect(s.faire(s.misADisposition([petite]), { type: "memoire.certifier" }, F.greffier).etat).toBe("CERTIFIE");
    const tarifee = { ...ligne2021, quantite: "100", tarifHt: "30" };
    expect(s.faire(s.misADisposition([tarifee]), { type: "memoire.certifier" }, F.greffier).etat).toBe("CERTIFIE");
    // A redressement bringing the total under the threshold makes it certifiable.
    const aRedresser = s.misADisposition([expertise]);
    const redresse = s.faire(
      aRedresser,
      { type: "memoire.certifier", redressements: [{ ligneId: aRedresser.lignes[0]?.id ?? "", tarifHt: "1000", motif: "tarif d'usage" }] },
      F.greffier,
    );
    expect(redresse.etat).toBe("CERTIFIE");
  });

  it("motifAbsent: a refusal needs a motif, AUTRE needs a commentaire", () => {
    const s = scenario();
    const m = s.misADisposition();
    expect(refusee(refuser(s, m, { type: "memoire.refuser" }, s.ctx(F.greffier))).garde).toBe("motifAbsent");
    expect(refusee(refuser(s, m, { type: "memoire.refuser", motif: "AUTRE" }, s.ctx(F.greffier))).detail).toContain("commentaire");
    expect(s.faire(m, { type: "memoire.refuser", motif: "AUTRE", commentaire: "hors délai de garde" }, F.greffier).refus?.commentaire).toBe(
      "hors délai de garde",
    );
  });
});

describe("input errors name the field", () => {
  it("a line with a wrong rate, a header incompatible with the lines, an unknown line", () => {
    const s = scenario();
    const b = s.brouillon();
    const e1 = invalide(refuser(s, b, { type: "memoire.ajouter-ligne", ligne: { ...ligne2021, tauxTva: "7", quantite: "0" } }, s.ctx(F.prestataire)));
    expect(e1.erreurs.map((e) => e.chemin).sort()).toEqual(["ligne.quantite", "ligne.tauxTva"]);
    const e2 = invalide(refuser(s, b, { type: "memoire.modifier-en-tete", enTete: { ...F.enTete, typeTva: "EXONERATION" } }, s.ctx(F.prestataire)));
    expect(e2.erreurs.map((e) => e.chemin)).toEqual(["lignes[0].tauxTva"]);
    const e3 = invalide(refuser(s, b, { type: "memoire.supprimer-ligne", ligneId: "inconnue" }, s.ctx(F.prestataire)));
    expect(e3.erreurs.map((e) => e.chemin)).toEqual(["ligneId"]);
    const e4 = invalide(refuser(s, b, { type: "memoire.joindre-piece", piece: { ...F.piece(), taille: 4096 * 1024 + 1, ligneId: "x" } }, s.ctx(F.prestataire)));
    expect(e4.erreurs.map((e) => e.chemin)).toEqual(["piece.taille"]);
    const e5 = invalide(refuser(s, b, { type: "memoire.modifier-en-tete", enTete: { ...F.enTete, structureId: "S2" } }, s.ctx(F.prestataire)));
    expect(e5.erreurs.map((e) => e.chemin)).toEqual(["enTete.structureId"]);
    const m = s.misADisposition();
    const id = m.lignes[0]?.id ?? "";
    const e6 = invalide(
      refuser(s, m, { type: "memoire.certifier", redressements: [{ ligneId: id, quantite: "2", motif: "a" }, { ligneId: id, tarifHt: "1", motif: "b" }, { ligneId: "x", quantite: "1", motif: "c" }] }, s.ctx(F.greffier)),
    );
    expect(e6.erreurs.map((e) => e.chemin)).toEqual(["redressements[1].ligneId", "redressements[2].ligneId"]);
    const t = s.aTaxer();
    const idT = t.lignes[0]?.id ?? "";
    const e7 = invalide(
      refuser(s, t, { type: "memoire.taxer", taxation: { lignes: [{ ligneId: idT, montantHtTaxe: "1" }, { ligneId: idT, montantHtTaxe: "2" }], motif: "m" } }, s.ctx(F.magistrat)),
    );
    expect(e7.erreurs.map((e) => e.chemin)).toEqual(["taxation.lignes[1].ligneId"]);
    const e8 = invalide(refuser(s, t, { type: "memoire.taxer", taxation: { lignes: [{ ligneId: idT, montantHtTaxe: "1.005" }], motif: "" } }, s.ctx(F.magistrat)));
    expect(e8.erreurs.map((e) => e.chemin).sort()).toEqual(["taxation.lignes[0].montantHtTaxe", "taxation.motif"]);
  });
});

describe("draft edits", () => {
  it("adds, edits and removes lines and attachments; each edit recomputes the amounts and leaves an audit event", () => {
    const s = scenario();
    const b = s.brouillon([]);
    const r1 = executer(b, { type: "memoire.ajouter-ligne", ligne: F.ligneSeed }, s.ctx(F.prestataire));
    if (Either.isLeft(r1)) throw r1.left;
    const m1 = r1.right.memoire;
    const ligneId = m1.lignes[0]?.id ?? "";
    expect(formaterMontant(m1.montants.montantTtc)).toBe("158.25");
    expect(r1.right.evenements[0]).toMatchObject({ commande: "memoire.ajouter-ligne", de: "BROUILLON", vers: "BROUILLON", details: { ligneId } });
    expect(formaterMontant(r1.right.evenements[0]?.montantsAvant.montantTtc ?? m1.montants.montantHt)).toBe("0.00");
    const m2 = s.faire(m1, { type: "memoire.joindre-piece", piece: F.piece("Réquisition", ligneId) }, F.prestataire);
    const m3 = s.faire(m2, { type: "memoire.importer-piece-structure", piece: F.piece("Attestation") }, F.prestataire);
    expect(m3.piecesJointes.map((p) => [p.origine, p.ligneId ?? "mémoire"])).toEqual([
      ["MEMOIRE", ligneId],
      ["STRUCTURE", "mémoire"],
    ]);
    const m4 = s.faire(m3, { type: "memoire.modifier-ligne", ligneId, ligne: { ...F.ligneSeed, quantite: "2" } }, F.prestataire);
    expect(formaterMontant(m4.montants.montantTtc)).toBe("316.50");
    const m5 = s.faire(m4, { type: "memoire.modifier-remise-globale", remiseGlobaleTtc: "16.50" }, F.prestataire);
    expect(formaterMontant(m5.montants.montantTtc)).toBe("300.00");
    const m6 = s.faire(m5, { type: "memoire.detacher-piece", pieceId: m5.piecesJointes[1]?.id ?? "" }, F.prestataire);
    expect(m6.piecesJointes).toHaveLength(1);
    // Removing the line takes its attachments; the remise globale must then go too.
    const e = executer(m6, { type: "memoire.supprimer-ligne", ligneId }, s.ctx(F.prestataire));
    expect(Either.isLeft(e) && e.left._tag === "SaisieInvalide" ? e.left.erreurs[0]?.chemin : undefined).toBe("remiseGlobaleTtc");
    const m7 = s.faire(s.faire(m6, { type: "memoire.modifier-remise-globale", remiseGlobaleTtc: "0" }, F.prestataire), { type: "memoire.supprimer-ligne", ligneId }, F.prestataire);
    expect(m7.lignes).toEqual([]);
    expect(m7.piecesJointes).toEqual([]);
  });
});

describe("court side", () => {
  it("prendre en charge records the agent, keeps the state, and is audited", () => {
    const s = scenario();
    const m = s.misADisposition();
    const r = executer(m, { type: "memoire.prendre-en-charge" }, s.ctx(F.greffier));
    if (Either.isLeft(r)) throw r.left;
    expect(r.right.memoire.etat).toBe("MIS_A_DISPOSITION");
    expect(r.right.memoire.agentEnCharge).toBe("a-greffier");
    expect(r.right.evenements[0]).toMatchObject({ commande: "memoire.prendre-en-charge", auteur: { type: "AGENT", id: "a-greffier" } });
  });

  it("certification with a redressement recomputes the amounts, keeps the request, flags « montant modifié »", () => {
    const s = scenario();
    const m = s.misADisposition([{ ...ligne2021, quantite: "3", tarifHt: "30" }]);
    const ligneId = m.lignes[0]?.id ?? "";
    const r = executer(m, { type: "memoire.certifier", redressements: [{ ligneId, quantite: "2", motif: "2 heures de présence attestées" }] }, s.ctx(F.greffier));
    if (Either.isLeft(r)) throw r.left;
    const c = r.right.memoire;
    expect(c.etat).toBe("CERTIFIE");
    expect(formaterMontant(c.montants.montantTtc)).toBe("63.30");
    expect(formaterMontant(c.montantsDemandes?.montantTtc ?? c.montants.montantTtc)).toBe("94.95");
    expect(c.montantModifie).toBe(true);
    expect(c.redressements[0]).toMatchObject({ ligneId, motif: "2 heures de présence attestées" });
    expect(r.right.evenements[0]?.motif).toContain("2 heures");
    expect(formaterMontant(r.right.evenements[0]?.montantsAvant.montantTtc ?? c.montants.montantTtc)).toBe("94.95");
    expect(formaterMontant(r.right.evenements[0]?.montantsApres.montantTtc ?? c.montants.montantHt)).toBe("63.30");
  });

  it("certification without a redressement keeps the amounts of the request (equal to a recomputation), not modified", () => {
    const s = scenario();
    const m = s.misADisposition([{ ...ligne2021, quantite: "3", tarifHt: "30" }]);
    const r = executer(m, { type: "memoire.certifier" }, s.ctx(F.greffier));
    if (Either.isLeft(r)) throw r.left;
    const c = r.right.memoire;
    expect(c.etat).toBe("CERTIFIE");
    expect(c.montants).toBe(m.montants);
    expect(c.lignes).toBe(m.lignes);
    expect(JSON.stringify(Either.getOrThrow(calculerMontantsMemoire(c)))).toBe(JSON.stringify(c.montants));
    expect(c.montantModifie).toBe(false);
    expect(c.redressements).toEqual([]);
  });

  it("taxation: the ordonnance's HT per line, recomputed by the engine; equal to the request → not modified", () => {
    const s = scenario();
    const m = s.aTaxer();
    const ligneId = m.lignes[0]?.id ?? "";
    const t = s.faire(m, { type: "memoire.taxer", taxation: { lignes: [{ ligneId, montantHtTaxe: "100.00" }], motif: "présence réduite" } }, F.magistrat);
    expect(t.etat).toBe("TAXE");
    expect(formaterMontant(t.montants.montantTtc)).toBe("105.50");
    expect(t.montantModifie).toBe(true);
    expect(t.taxation).toMatchObject({ motif: "présence réduite", magistratId: "a-magistrat" });
    expect(t.lignes).toEqual(m.lignes);
    const m2 = s.aTaxer();
    const egal = s.faire(m2, { type: "memoire.taxer", taxation: { lignes: [{ ligneId: m2.lignes[0]?.id ?? "", montantHtTaxe: "150" }], motif: "conforme" } }, F.magistrat);
    expect(egal.montantModifie).toBe(false);
  });

  it("forclusion constated by the magistrat → REFUSE with motif FORCLUSION", () => {
    const s = scenario();
    const r = s.faire(s.aTaxer(), { type: "memoire.constater-forclusion", commentaire: "mission achevée en 2021" }, F.magistrat);
    expect(r.etat).toBe("REFUSE");
    expect(r.refus).toMatchObject({ motif: "FORCLUSION", commentaire: "mission achevée en 2021", par: { type: "AGENT", id: "a-magistrat" } });
  });
});

describe("after a refusal", () => {
  it("dupliquer: a new draft with the same fields and attachments, its own TMP number, linked both ways", () => {
    const s = scenario();
    const b = s.brouillon();
    const avecPiece = s.faire(b, { type: "memoire.joindre-piece", piece: F.piece("Réquisition", b.lignes[0]?.id) }, F.prestataire);
    const refuse = s.faire(s.faire(s.envoyer(avecPiece), { type: "memoire.transmettre" }, F.systeme), { type: "memoire.refuser", motif: "DONNEES_ERRONEES" }, F.greffier);
    const r = executer(refuse, { type: "memoire.dupliquer" }, s.ctx(F.prestataire));
    if (Either.isLeft(r)) throw r.left;
    const { memoire: original, duplicata } = r.right;
    if (duplicata === undefined) throw new Error("duplicata attendu");
    expect(original.etat).toBe("DUPLIQUE_POST_REFUS");
    expect(duplicata.etat).toBe("BROUILLON");
    expect(original.dupliqueEn).toBe(duplicata.id);
    expect(duplicata.duplicataDe).toBe(original.id);
    expect(duplicata.numero).toMatch(/^TMP2021\d{8}$/);
    expect(duplicata.numero).not.toBe(original.numeroProvisoire);
    expect(duplicata.enTete).toEqual(original.enTete);
    expect(duplicata.lignes.map(({ id: _id, ...l }) => l)).toEqual(original.lignes.map(({ id: _id, ...l }) => l));
    expect(duplicata.piecesJointes[0]?.ligneId).toBe(duplicata.lignes[0]?.id);
    expect(duplicata.piecesJointes[0]?.empreinte).toBe(original.piecesJointes[0]?.empreinte);
    expect(r.right.evenements.map((e) => e.commande)).toEqual(["memoire.dupliquer", "memoire.creer"]);
  });

  it("abandonner ends it", () => {
    const s = scenario();
    expect(s.faire(s.refuse(), { type: "memoire.abandonner" }, F.prestataire).etat).toBe("ABANDONNE");
  });
});

describe("creating a draft and asking beforehand", () => {
  it("creerBrouillon names each invalid field and checks the actor may write on the structure", () => {
    const s = scenario();
    const r = creerBrouillon({ enTete: F.enTete, lignes: [ligne2021, { ...ligne2021, tauxTva: "7", typePrestation: "INCONNU" }] }, s.ctx(F.prestataire));
    expect(invalide(r).erreurs.map((e) => e.chemin).sort()).toEqual(["lignes[1].tauxTva", "lignes[1].typePrestation"]);
    const e = refusee(creerBrouillon({ enTete: F.enTete }, s.ctx(F.prestataireConsultation)));
    expect(e).toMatchObject({ evenement: "memoire.creer", garde: "acteurNonAutorise" });
    expect(s.numerotation.appels()).toBe(0);
  });

  it("peut gives the same answer as executer, without drawing a number", () => {
    const s = scenario();
    const b = s.brouillon();
    const appels = s.numerotation.appels();
    expect(peut(b, envoi, s.ctx(F.prestataire))).toEqual(Either.right(true));
    expect(refusee(peut(b, { ...envoi, attestationSurLHonneur: false }, s.ctx(F.prestataire))).garde).toBe("attestationSurLHonneurAbsente");
    expect(s.numerotation.appels()).toBe(appels);
  });
});

describe("an ordonnance de taxe that differs from the request is executed only after its appeal delay (CPP R228, R228-1, art. 801)", () => {
  const jour = (iso: string) => Temporal.PlainDate.from(iso);

  it("the delay ends ten days after the notification, or on the next working day", () => {
    // Wednesday 2 June 2021 + 10 = Saturday 12 June → Monday 14 June.
    expect(finDuDelaiDeRecours(jour("2021-06-02")).toString()).toBe("2021-06-14");
    // Thursday 3 June 2021 + 10 = Sunday → Monday 14 June.
    expect(finDuDelaiDeRecours(jour("2021-06-03")).toString()).toBe("2021-06-14");
    // Tuesday 1 June 2021 + 10 = Friday 11 June, a working day.
    expect(finDuDelaiDeRecours(jour("2021-06-01")).toString()).toBe("2021-06-11");
    // 4 July 2026 + 10 = Tuesday 14 July (fête nationale) → Wednesday 15 July.
    expect(finDuDelaiDeRecours(jour("2026-07-04")).toString()).toBe("2026-07-15");
    // 4 May 2026 + 10 = Thursday 14 May (Ascension) → Friday 15 May.
    expect(finDuDelaiDeRecours(jour("2026-05-04")).toString()).toBe("2026-05-15");
  });

  /** A mémoire taxed below its request on Tuesday 1 June 2021 (the scenario's clock). */
  const taxeEnDessous = () => {
    const s = scenario();
    const m = s.aTaxer();
    const t = s.faire(m, { type: "memoire.taxer", taxation: { lignes: [{ ligneId: m.lignes[0]?.id ?? "", montantHtTaxe: "100.00" }], motif: "présence réduite" } }, F.magistrat);
    expect(t.montantModifie).toBe(true);
    return { s, t, a: (acteur: ContexteMemoire["acteur"], iso: string) => F.fabriqueContextes(s.numerotation)(acteur, new Date(iso)) };
  };
  const notifier = (notifieeLe: string): Commande => ({ type: "memoire.constater-notification-taxe", notifieeLe });
  const valider: Commande = { type: "memoire.valider-paiement" };

  it("delaiDeRecoursEnCours: no validation before the notification is recorded, nor before the delay has run", () => {
    const { s, t, a } = taxeEnDessous();
    const avant = refusee(refuser(s, t, valider, a(F.ordonnateur, "2021-09-01T08:00:00Z")));
    expect(avant.garde).toBe("delaiDeRecoursEnCours");
    expect(avant.detail).toContain("notification au prestataire n'est pas constatée (CPP R228)");
    expect(evenementsPossibles(t, { acteur: F.ordonnateur, maintenant: new Date("2021-09-01T08:00:00Z"), espacesOuverts: F.ESPACES })).not.toContain("memoire.valider-paiement");
    const r = executer(t, notifier("2021-06-02"), a(F.greffier, "2021-06-04T08:00:00Z"));
    if (Either.isLeft(r)) throw r.left;
    const n = r.right.memoire;
    expect(n.etat).toBe("TAXE");
    expect(n.taxation?.notifieeLe).toBe("2021-06-02");
    expect(r.right.evenements.map((e) => [e.commande, e.de, e.vers, e.details])).toEqual([["memoire.constater-notification-taxe", "TAXE", "TAXE", { notifieeLe: "2021-06-02" }]]);
    // Monday 14 June at 23:30 in Paris is still the last day of the delay.
    const dernierJour = refusee(refuser(s, n, valider, a(F.ordonnateur, "2021-06-14T21:30:00Z")));
    expect(dernierJour.garde).toBe("delaiDeRecoursEnCours");
    expect(dernierJour.detail).toContain("jusqu'au 14/06/2021 inclus (notifiée le 02/06/2021");
    expect(dernierJour.detail).toContain("à partir du 15/06/2021");
    const valide = executer(n, valider, a(F.ordonnateur, "2021-06-14T22:30:00Z"));
    expect(Either.isRight(valide) && valide.right.memoire.etat).toBe("VALIDE");
  });

  it("the notification: recorded by the greffier once, on a day between the taxation and today", () => {
    const { s, t, a } = taxeEnDessous();
    expect(refusee(refuser(s, t, notifier("2021-06-02"), a(F.magistrat, "2021-06-04T08:00:00Z"))).garde).toBe("acteurNonAutorise");
    expect(refusee(refuser(s, t, notifier("2021-05-31"), a(F.greffier, "2021-06-04T08:00:00Z")))).toMatchObject({ garde: "notificationTaxeInvalide" });
    expect(refusee(refuser(s, t, notifier("2021-06-05"), a(F.greffier, "2021-06-04T08:00:00Z"))).detail).toContain("05/06/2021 est dans le futur");
    expect(invalide(refuser(s, t, notifier("2021-02-30"), a(F.greffier, "2021-06-04T08:00:00Z"))).erreurs[0]?.chemin).toBe("notifieeLe");
    const r = executer(t, notifier("2021-06-01"), a(F.greffier, "2021-06-04T08:00:00Z"));
    if (Either.isLeft(r)) throw r.left;
    const deux = refusee(refuser(s, r.right.memoire, notifier("2021-06-03"), a(F.greffier, "2021-06-04T09:00:00Z")));
    expect(deux).toMatchObject({ garde: "notificationTaxeSansObjet" });
    expect(deux.detail).toContain("déjà été constatée (reçue le 01/06/2021)");
  });

  it("a taxation that grants the request is not notified, and its payment is validated at once; a certified mémoire too", () => {
    const s = scenario();
    const m = s.aTaxer();
    const egal = s.faire(m, { type: "memoire.taxer", taxation: { lignes: [{ ligneId: m.lignes[0]?.id ?? "", montantHtTaxe: "150" }], motif: "conforme" } }, F.magistrat);
    expect(egal.montantModifie).toBe(false);
    expect(refusee(refuser(s, egal, notifier("2021-06-02"), s.ctx(F.greffier))).garde).toBe("notificationTaxeSansObjet");
    expect(evenementsPossibles(egal, { acteur: F.greffier, maintenant: s.maintenant(), espacesOuverts: F.ESPACES })).not.toContain("memoire.constater-notification-taxe");
    expect(s.faire(egal, valider, F.ordonnateur).etat).toBe("VALIDE");
    const aCertifier = s.misADisposition();
    const redresse = s.faire(aCertifier, { type: "memoire.certifier", redressements: [{ ligneId: aCertifier.lignes[0]?.id ?? "", quantite: "0.5", motif: "demi-heure" }] }, F.greffier);
    expect(redresse.montantModifie).toBe(true);
    expect(s.faire(redresse, valider, F.ordonnateur).etat).toBe("VALIDE");
  });

  // The appeal (CPP R228-1, R230): filed at the greffe within the delay, it suspends execution until
  // the chambre de l'instruction decides; the greffier records both.
  const recours = (formeLe: string, par: "PARTIE_PRENANTE" | "MINISTERE_PUBLIC" = "PARTIE_PRENANTE", commentaire?: string): Commande => ({
    type: "memoire.constater-recours-taxe",
    formeLe,
    par,
    ...(commentaire === undefined ? {} : { commentaire }),
  });
  const decision = (rendueLe: string, sens: "CONFIRMATION" | "REFORMATION" | "IRRECEVABILITE" | "DESISTEMENT", lignes?: ReadonlyArray<{ ligneId: string; montantHtTaxe: string }>): Commande => ({
    type: "memoire.constater-decision-recours",
    decision: { rendueLe, sens, motif: `Arrêt de la chambre de l'instruction du ${rendueLe}`, ...(lignes === undefined ? {} : { lignes }) },
  });
  const ok = (r: ReturnType<typeof executer>) => {
    if (Either.isLeft(r)) throw r.left;
    return r.right;
  };

  it("an appeal recorded in the delay holds the payment until the chambre's decision is recorded; a confirmation is executable at once", () => {
    const { s, t, a } = taxeEnDessous();
    expect(executionDeLaTaxe(t)).toEqual({ statut: "A_NOTIFIER" });
    const n = ok(executer(t, notifier("2021-06-02"), a(F.greffier, "2021-06-04T08:00:00Z"))).memoire;
    expect(executionDeLaTaxe(n)).toMatchObject({ statut: "DELAI_DE_RECOURS" });
    // Filed on the last day of the delay (Monday 14 June), recorded the day after.
    const r = ok(executer(n, recours("2021-06-14", "PARTIE_PRENANTE", "lettre recommandée reçue le 14/06"), a(F.greffier, "2021-06-15T08:00:00Z")));
    expect(r.memoire.etat).toBe("TAXE");
    expect(r.memoire.taxation?.recours).toEqual({ formeLe: "2021-06-14", par: "PARTIE_PRENANTE", commentaire: "lettre recommandée reçue le 14/06" });
    expect(r.evenements.map((e) => [e.commande, e.de, e.vers, e.motif, e.details])).toEqual([
      ["memoire.constater-recours-taxe", "TAXE", "TAXE", "lettre recommandée reçue le 14/06", { formeLe: "2021-06-14", par: "PARTIE_PRENANTE" }],
    ]);
    expect(executionDeLaTaxe(r.memoire)).toMatchObject({ statut: "RECOURS_EN_INSTANCE", par: "PARTIE_PRENANTE" });
    // Months after the delay the payment still waits for the decision.
    const suspendu = refusee(refuser(s, r.memoire, valider, a(F.ordonnateur, "2021-09-01T08:00:00Z")));
    expect(suspendu.garde).toBe("recoursEnInstance");
    expect(suspendu.detail).toContain("recours formé le 14/06/2021 par le prestataire");
    expect(suspendu.detail).toContain("jusqu'à la décision de la chambre de l'instruction (CPP R228-1)");
    const septembre = new Date("2021-09-01T08:00:00Z");
    expect(evenementsPossibles(r.memoire, { acteur: F.ordonnateur, maintenant: septembre, espacesOuverts: F.ESPACES })).not.toContain("memoire.valider-paiement");
    const greffe = evenementsPossibles(r.memoire, { acteur: F.greffier, maintenant: septembre, espacesOuverts: F.ESPACES });
    expect(greffe).toContain("memoire.constater-decision-recours");
    expect(greffe).not.toContain("memoire.constater-recours-taxe");
    const d = ok(executer(r.memoire, decision("2021-09-15", "CONFIRMATION"), a(F.greffier, "2021-09-20T08:00:00Z")));
    expect(d.memoire.montants).toEqual(r.memoire.montants);
    expect(d.memoire.montantModifie).toBe(true);
    expect(d.memoire.taxation?.recours?.decision).toEqual({ rendueLe: "2021-09-15", sens: "CONFIRMATION", motif: "Arrêt de la chambre de l'instruction du 2021-09-15" });
    expect(d.evenements[0]?.details).toEqual({ rendueLe: "2021-09-15", sens: "CONFIRMATION" });
    expect(executionDeLaTaxe(d.memoire)).toMatchObject({ statut: "DECIDEE" });
    expect(ok(executer(d.memoire, valider, a(F.ordonnateur, "2021-09-20T09:00:00Z"))).memoire.etat).toBe("VALIDE");
  });

  it("a reformation re-prices the lines it names: new totals, « montant modifié » recomputed, the audit event has both totals", () => {
    const { s, t, a } = taxeEnDessous();
    const ligne = t.lignes[0]?.id ?? "";
    const r = ok(executer(t, recours("2021-06-03"), a(F.greffier, "2021-06-04T08:00:00Z"))).memoire;
    // The chambre allows the whole request (150 HT): the mémoire no longer differs from it.
    const d = ok(executer(r, decision("2021-10-05", "REFORMATION", [{ ligneId: ligne, montantHtTaxe: "150" }]), a(F.greffier, "2021-10-06T08:00:00Z")));
    expect(d.memoire.montantModifie).toBe(false);
    expect(totauxEgaux(totaux(d.memoire.montants), totaux(d.memoire.montantsDemandes ?? d.memoire.montants))).toBe(true);
    expect(d.memoire.taxation?.lignes).toEqual(t.taxation?.lignes);
    expect(d.memoire.taxation?.recours?.decision?.lignes?.map((l) => [l.ligneId, formaterMontant(l.montantHtTaxe)])).toEqual([[ligne, "150.00"]]);
    const [e] = d.evenements;
    expect(formaterMontant(e?.montantsAvant.montantHt ?? BigDecimal.make(0n, 0))).toBe("100.00");
    expect(formaterMontant(e?.montantsApres.montantHt ?? BigDecimal.make(0n, 0))).toBe("150.00");
    // Lowered further: still « modifié ».
    const plusBas = ok(executer(r, decision("2021-10-05", "REFORMATION", [{ ligneId: ligne, montantHtTaxe: "80" }]), a(F.greffier, "2021-10-06T08:00:00Z"))).memoire;
    expect(plusBas.montantModifie).toBe(true);
    expect(formaterMontant(plusBas.montants.montantHt)).toBe("80.00");
    // What a decision's input must hold.
    const ctx = a(F.greffier, "2021-10-06T08:00:00Z");
    expect(invalide(refuser(s, r, decision("2021-10-05", "REFORMATION", [{ ligneId: "inconnue", montantHtTaxe: "80" }]), ctx)).erreurs[0]).toMatchObject({ chemin: "decision.lignes[0].ligneId" });
    expect(invalide(refuser(s, r, decision("2021-10-05", "REFORMATION"), ctx)).erreurs[0]?.raison).toContain("au moins une ligne");
    expect(invalide(refuser(s, r, decision("2021-10-05", "CONFIRMATION", [{ ligneId: ligne, montantHtTaxe: "80" }]), ctx)).erreurs[0]?.raison).toContain("seule une réformation");
    expect(invalide(refuser(s, r, { type: "memoire.constater-decision-recours", decision: { rendueLe: "2021-10-05", sens: "CONFIRMATION", motif: " " } }, ctx)).erreurs[0]?.raison).toContain(
      "motif de la décision obligatoire",
    );
  });

  it("the appeal's rules: the greffier records it once, filed between the ordonnance and today, the prestataire's within the delay", () => {
    const { s, t, a } = taxeEnDessous();
    const juin = (jourEtHeure: string) => a(F.greffier, `2021-06-${jourEtHeure}:00Z`);
    expect(refusee(refuser(s, t, recours("2021-06-02"), a(F.magistrat, "2021-06-04T08:00:00Z"))).garde).toBe("acteurNonAutorise");
    expect(refusee(refuser(s, t, recours("2021-05-31"), juin("04T08:00"))).detail).toContain("ne peut précéder l'ordonnance de taxe du 01/06/2021");
    expect(refusee(refuser(s, t, recours("2021-06-05"), juin("04T08:00"))).detail).toContain("05/06/2021 est dans le futur");
    expect(invalide(refuser(s, t, { type: "memoire.constater-recours-taxe", formeLe: "2021-06-02", par: "AVOCAT" as "PARTIE_PRENANTE" }, juin("04T08:00"))).erreurs[0]?.chemin).toBe("par");
    const n = ok(executer(t, notifier("2021-06-02"), juin("04T08:00"))).memoire;
    // The day after the last day of appeal: late, it does not suspend execution.
    const tardif = refusee(refuser(s, n, recours("2021-06-15"), juin("16T08:00")));
    expect(tardif.garde).toBe("recoursTaxeInvalide");
    expect(tardif.detail).toContain("après le dernier jour du délai de recours, le 14/06/2021");
    // The ministère public's delay runs from the parquet's own notification, which is not recorded.
    const parquet = ok(executer(n, recours("2021-06-15", "MINISTERE_PUBLIC"), juin("16T08:00"))).memoire;
    const deux = refusee(refuser(s, parquet, recours("2021-06-14"), juin("16T09:00")));
    expect(deux.garde).toBe("recoursTaxeSansObjet");
    expect(deux.detail).toContain("déjà constaté (formé le 15/06/2021 par le ministère public)");
    expect(refusee(refuser(s, n, decision("2021-06-16", "CONFIRMATION"), juin("16T08:00"))).detail).toContain("aucun recours");
    expect(refusee(refuser(s, parquet, decision("2021-06-14", "CONFIRMATION"), juin("16T09:00"))).detail).toContain("ne peut précéder le recours formé le 15/06/2021");
    expect(refusee(refuser(s, parquet, decision("2021-06-17", "CONFIRMATION"), juin("16T09:00"))).garde).toBe("decisionRecoursInvalide");
    const decide = ok(executer(parquet, decision("2021-06-16", "DESISTEMENT"), juin("16T10:00"))).memoire;
    expect(refusee(refuser(s, decide, decision("2021-06-16", "CONFIRMATION"), juin("16T11:00"))).garde).toBe("decisionRecoursSansObjet");
  });

  it("an ordonnance that grants the request: the prestataire has nothing to appeal, the ministère public's appeal holds the payment", () => {
    const s = scenario();
    const m = s.aTaxer();
    const egal = s.faire(m, { type: "memoire.taxer", taxation: { lignes: [{ ligneId: m.lignes[0]?.id ?? "", montantHtTaxe: "150" }], motif: "conforme" } }, F.magistrat);
    expect(refusee(refuser(s, egal, recours("2021-06-01"), s.ctx(F.greffier))).detail).toContain("accorde au prestataire le montant qu'il a demandé");
    const parquet = s.faire(egal, recours("2021-06-01", "MINISTERE_PUBLIC"), F.greffier);
    expect(refusee(refuser(s, parquet, valider, s.ctx(F.ordonnateur))).garde).toBe("recoursEnInstance");
    const irrecevable = s.faire(parquet, decision("2021-06-01", "IRRECEVABILITE"), F.greffier);
    expect(s.faire(irrecevable, valider, F.ordonnateur).etat).toBe("VALIDE");
  });
});
