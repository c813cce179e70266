import React from "react";
import { zero } from "./montants.js";

const s = {
  section: { background: "#fff", padding: "16px 20px", marginBottom: 16, borderRadius: 4, boxShadow: "0 1px 3px rgba(0,0,0,.08)" },
  h: { fontSize: 16, fontWeight: 700, margin: "0 0 12px" },
  table: { width: "100%", borderCollapse: "collapse", fontSize: 13 },
  th: { textAlign: "left", borderBottom: "2px solid #ddd", padding: "6px 6px", fontWeight: 600 },
  td: { borderBottom: "1px solid #eee", padding: "6px 6px", verticalAlign: "top" },
  decision: { margin: "12px 0 0" },
  num: { textAlign: "right", whiteSpace: "nowrap" },
  modifie: { color: "#b34700", fontWeight: 700 },
  grille: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(260px, 1fr))", gap: "8px 24px", fontSize: 13 },
  badge: { display: "inline-block", padding: "2px 10px", borderRadius: 12, background: "#e6f0ff", color: "#003d99", fontWeight: 600 },
};

const Champ = ({ libelle, valeur }) => (
  <div>
    <div style={{ color: "#666", fontSize: 12 }}>{libelle}</div>
    <div>{valeur || "—"}</div>
  </div>
);

const Totaux = ({ titre, t }) =>
  t ? (
    <table style={s.table} data-testid={`totaux-${titre}`}>
      <tbody>
        <tr><td style={s.td}>Montant HT</td><td style={{ ...s.td, ...s.num }}>{t.montantHt}</td></tr>
        <tr><td style={s.td}>TVA</td><td style={{ ...s.td, ...s.num }}>{t.montantTva}</td></tr>
        <tr><td style={s.td}>Débours</td><td style={{ ...s.td, ...s.num }}>{t.montantDebours}</td></tr>
        <tr><td style={s.td}>TTC avant remise globale</td><td style={{ ...s.td, ...s.num }}>{t.montantTtcAvantRemiseGlobale}</td></tr>
        <tr><td style={s.td}>Remise globale TTC</td><td style={{ ...s.td, ...s.num }}>{t.montantRemiseGlobaleTtc}</td></tr>
        <tr><td style={{ ...s.td, fontWeight: 700 }}>Total TTC</td><td style={{ ...s.td, ...s.num, fontWeight: 700 }}>{t.montantTtc}</td></tr>
      </tbody>
    </table>
  ) : null;

const MemoireDetail = ({ record }) => {
  let d;
  try {
    d = JSON.parse(record.params.detail);
  } catch (e) {
    return <div>Détail indisponible.</div>;
  }
  const e = d.enTete;
  return (
    <div data-testid="memoire-detail">
      <div style={s.section}>
        <div style={{ display: "flex", justifyContent: "space-between", alignItems: "center", marginBottom: 12 }}>
          <div style={{ fontSize: 20, fontWeight: 700 }} data-testid="memoire-numero">{d.numero}</div>
          <span style={s.badge} data-testid="memoire-etat">{d.etatLibelle}</span>
        </div>
        <div style={s.grille}>
          <Champ libelle="Juridiction" valeur={e.juridiction} />
          <div data-testid="memoire-prestataire"><Champ libelle="Prestataire" valeur={e.structure} /></div>
          <Champ libelle="Identifiant du prestataire" valeur={e.identifiantPrestataire} />
          <Champ libelle="Service" valeur={e.service} />
          <div data-testid="memoire-categorie"><Champ libelle="Catégorie de prestataire" valeur={e.categoriePrestataire} /></div>
          <Champ libelle="Texte de référence" valeur={e.texteReference} />
          <Champ libelle="Type de TVA" valeur={e.typeTva} />
          <Champ libelle="N° de facture" valeur={e.numeroFacture} />
          <Champ libelle="N° d'engagement juridique" valeur={e.numeroEngagementJuridique} />
          <Champ libelle="Mode de dépôt" valeur={e.modeDepot} />
          <Champ libelle="Déposé le" valeur={e.envoyeLe} />
          <Champ libelle="Mis à disposition le" valeur={e.misADispositionLe} />
          <Champ libelle="Agent en charge" valeur={e.agentEnCharge} />
          <Champ libelle="N° provisoire" valeur={d.numeroProvisoire} />
          <Champ libelle="État depuis le" valeur={d.etatLe} />
        </div>
        {d.refus ? <p style={{ ...s.decision, color: "#a00" }}>Refusé le {d.refus.le} — {d.refus.motif}{d.refus.commentaire ? ` : ${d.refus.commentaire}` : ""}</p> : null}
        {d.taxation ? <p style={s.decision}>Ordonnance de taxe du {d.taxation.le} par {d.taxation.magistrat} — {d.taxation.motif}</p> : null}
        {d.taxation && d.taxation.recours ? (
          <p style={s.decision} data-testid="recours-taxe">
            Recours formé le {d.taxation.recours.formeLe} par {d.taxation.recours.par} devant la chambre de l'instruction
            {d.taxation.recours.commentaire ? ` (${d.taxation.recours.commentaire})` : ""} —{" "}
            {d.taxation.recours.decision
              ? `décision du ${d.taxation.recours.decision.rendueLe} : ${d.taxation.recours.decision.sens} — ${d.taxation.recours.decision.motif}${d.taxation.recours.decision.reformation ? " (montants de la décision ci-dessous)" : ""}`
              : "en attente de la décision : l'exécution de l'ordonnance est suspendue (art. R228-1 du code de procédure pénale)"}
          </p>
        ) : null}
        {d.paiement ? <p style={s.decision}>Mis en paiement le {d.paiement.date}, référence {d.paiement.reference}</p> : null}
      </div>

      {d.avisPrestataire ? (
        <div style={s.section} data-testid="avis-prestataire">
          <div style={s.h}>Avis au prestataire</div>
          <p style={{ margin: "0 0 8px", fontSize: 13 }}>
            Le montant taxé diffère de la demande : l'ordonnance de taxe est notifiée au prestataire par le greffe, par lettre recommandée
            (art. R228 du code de procédure pénale) ; il peut former un recours dans les dix jours de cette notification (art. R228-1).
            Le prestataire en est aussi averti par courriel.
          </p>
          <p style={{ margin: "0 0 8px", fontSize: 13, fontWeight: 600 }} data-testid="avis-notification">
            {d.taxation && d.taxation.recours
              ? `${d.avisPrestataire.notification ? `Notification reçue par le prestataire le ${d.avisPrestataire.notification.le}. ` : ""}Un recours a été formé le ${d.taxation.recours.formeLe} : ${d.taxation.recours.decision ? `la décision de la chambre de l'instruction du ${d.taxation.recours.decision.rendueLe} est exécutoire.` : "la demande de paiement ne peut pas être validée avant la décision de la chambre de l'instruction."}`
              : d.avisPrestataire.notification
                ? `Notification reçue par le prestataire le ${d.avisPrestataire.notification.le} : délai de recours jusqu'au ${d.avisPrestataire.notification.finDelaiRecours} inclus ; la demande de paiement peut être validée à partir du lendemain.`
                : "Notification par le greffe non encore constatée : la demande de paiement ne peut pas être validée (délai de recours suspensif, art. R228-1)."}
          </p>
          {d.avisPrestataire.envois.length === 0 ? (
            <div data-testid="avis-aucun">
              Aucun avis par courriel pour cette taxation : la structure n'avait aucun utilisateur actif à prévenir, ou le mémoire a été
              repris tel quel d'un autre système (données importées, jeu de données initial).
            </div>
          ) : (
            <table style={s.table}>
              <thead><tr><th style={s.th}>Destinataire</th><th style={s.th}>Objet</th><th style={s.th}>Écrit le</th><th style={s.th}>Envoi</th></tr></thead>
              <tbody>
                {d.avisPrestataire.envois.map((n) => (
                  <tr key={n.id} data-testid="avis-envoi">
                    <td style={s.td}>{n.destinataire}</td><td style={s.td}>{n.sujet}</td><td style={s.td}>{n.ecritLe}</td>
                    <td style={{ ...s.td, ...(n.statut === "ECHEC" ? { color: "#a00" } : {}) }}>{n.libelle}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      ) : null}

      <div style={{ ...s.section, overflowX: "auto" }}>
        <div style={s.h}>Lignes de prestation</div>
        <table style={s.table} data-testid="lignes">
          <thead>
            <tr>
              <th style={s.th}>#</th><th style={s.th}>N° d'affaire</th><th style={s.th}>Prestation</th><th style={s.th}>Date</th>
              <th style={s.th}>Autorité requérante</th><th style={{ ...s.th, ...s.num }}>Quantité</th><th style={{ ...s.th, ...s.num }}>Tarif HT</th>
              <th style={{ ...s.th, ...s.num }}>Frais divers</th><th style={{ ...s.th, ...s.num }}>Remise</th>
              <th style={{ ...s.th, ...s.num }}>TVA</th><th style={{ ...s.th, ...s.num }}>HT demandé</th><th style={{ ...s.th, ...s.num }}>HT retenu</th>
              <th style={{ ...s.th, ...s.num }}>Débours</th><th style={{ ...s.th, ...s.num }}>TTC</th>
            </tr>
          </thead>
          <tbody>
            {d.lignes.map((l) => (
              <tr key={l.id} data-testid={`ligne-${l.rang}`}>
                <td style={s.td}>{l.rang}</td><td style={s.td}>{l.numeroAffaire}</td><td style={s.td}>{l.typePrestation}</td>
                <td style={s.td}>{l.datePrestation}</td><td style={s.td}>{l.autoriteRequerante}</td>
                <td style={{ ...s.td, ...s.num }}>{l.quantite}</td><td style={{ ...s.td, ...s.num }}>{l.tarifHt}</td>
                <td style={{ ...s.td, ...s.num }}>{zero(l.fraisDivers)}</td>
                <td style={{ ...s.td, ...s.num }}>{zero(l.remise)}</td>
                <td style={{ ...s.td, ...s.num }}>{l.tauxTva}</td><td style={{ ...s.td, ...s.num }}>{l.montantHtDemande}</td>
                <td style={{ ...s.td, ...s.num, ...(l.modifie ? s.modifie : {}) }}>
                  {l.montantHt}
                  {l.modifie ? <div style={{ fontSize: 11 }}>montant modifié</div> : null}
                  {l.redressement ? <div style={{ fontSize: 11, fontWeight: 400 }}>redressé (avant : {l.redressement.quantiteAvant} × {l.redressement.tarifHtAvant}) — {l.redressement.motif}</div> : null}
                  {l.montantHtTaxe ? <div style={{ fontSize: 11, fontWeight: 400 }}>taxé : {l.montantHtTaxe}</div> : null}
                </td>
                <td style={{ ...s.td, ...s.num }}>{zero(l.debours)}</td>
                <td style={{ ...s.td, ...s.num }}>{l.montantTtc}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <div style={{ display: "grid", gridTemplateColumns: "1fr 1fr 1fr", gap: 16 }}>
        <div style={s.section}>
          <div style={s.h}>Récapitulatif TVA</div>
          <table style={s.table}>
            <thead><tr><th style={s.th}>Taux</th><th style={{ ...s.th, ...s.num }}>Base HT</th><th style={{ ...s.th, ...s.num }}>TVA</th></tr></thead>
            <tbody>
              {d.recapitulatifTva.map((r) => (
                <tr key={r.tauxTva}><td style={s.td}>{r.tauxTva}</td><td style={{ ...s.td, ...s.num }}>{r.baseHt}</td><td style={{ ...s.td, ...s.num }}>{r.montantTva}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
        <div style={s.section}>
          <div style={s.h}>Montants demandés</div>
          <Totaux titre="demandes" t={d.totauxDemandes || d.totaux} />
        </div>
        <div style={s.section}>
          <div style={s.h}>Montants retenus {d.montantModifie ? <span style={s.modifie}>(montant modifié)</span> : null}</div>
          <Totaux titre="retenus" t={d.totaux} />
        </div>
      </div>

      <div style={s.section}>
        <div style={s.h}>Pièces jointes</div>
        {d.piecesJointes.length === 0 ? <div>Aucune pièce jointe.</div> : (
          <ul>
            {d.piecesJointes.map((p) => (
              <li key={p.id}>
                <a href={`${window.location.pathname.split("/resources/")[0]}/pieces-jointes/${record.id}/${p.id}`}>{p.designation}</a> ({p.type}, {p.nomFichier}, {Math.ceil(p.taille / 1024)} Ko)
              </li>
            ))}
          </ul>
        )}
      </div>

      <div style={s.section}>
        <div style={s.h}>Certificat de dépôt</div>
        {d.certificat ? (
          <div data-testid="certificat">
            <div>N° {d.certificat.numero}, déposé le {d.certificat.dateDepot}</div>
            <div style={{ fontFamily: "monospace", fontSize: 12 }}>Empreinte : {d.certificat.empreinte}</div>
            {d.certificat.valide ? <div style={{ color: "#060", fontWeight: 700 }}>✔ Empreinte vérifiée : le mémoire correspond au certificat.</div> : (
              <div style={{ color: "#a00" }}>
                <div style={{ fontWeight: 700 }}>✘ Le certificat ne correspond pas au mémoire :</div>
                <ul>{d.certificat.ecarts.map((x) => <li key={x}>{x}</li>)}</ul>
              </div>
            )}
          </div>
        ) : <div>Pas encore de certificat (mémoire non envoyé).</div>}
      </div>

      <div style={s.section}>
        <div style={s.h}>Historique</div>
        <ol style={{ listStyle: "none", padding: 0, margin: 0, borderLeft: "3px solid #c5d5ee" }} data-testid="historique">
          {d.historique.map((h, i) => (
            <li key={i} style={{ padding: "6px 12px", position: "relative" }} data-testid="historique-entree">
              <span style={{ position: "absolute", left: -8, top: 10, width: 12, height: 12, borderRadius: 6, background: h.changementEtat ? "#3366cc" : "#aaa" }} />
              <div><strong>{h.libelle}</strong> — {h.le} — {h.auteur}</div>
              <div style={{ fontSize: 12, color: "#444" }}>
                {h.changementEtat ? `${h.de} → ${h.vers}` : h.vers}
                {h.montantsModifies ? ` — TTC ${h.montantTtcAvant} → ${h.montantTtcApres}` : ""}
                {h.motif ? ` — motif : ${h.motif}` : ""}
              </div>
            </li>
          ))}
        </ol>
      </div>
    </div>
  );
};

export default MemoireDetail;
