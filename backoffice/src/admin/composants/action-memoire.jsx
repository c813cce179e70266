import React, { useState } from "react";
import { ApiClient } from "adminjs";
import { useTitreAction } from "./titre-action.js";
import { aujourdhuiParis } from "./dates.js";
import { zero } from "./montants.js";

const api = new ApiClient();
const s = {
  boite: { background: "#fff", padding: 20, borderRadius: 4, boxShadow: "0 1px 3px rgba(0,0,0,.08)" },
  table: { width: "100%", borderCollapse: "collapse", fontSize: 13, marginBottom: 12 },
  th: { textAlign: "left", borderBottom: "2px solid #ddd", padding: 6 },
  td: { borderBottom: "1px solid #eee", padding: 6 },
  input: { padding: 6, border: "1px solid #bbb", borderRadius: 3, width: "100%", boxSizing: "border-box" },
  label: { display: "block", fontWeight: 600, margin: "10px 0 4px" },
  bouton: { background: "#3040d6", color: "#fff", border: 0, padding: "10px 20px", borderRadius: 4, cursor: "pointer", fontSize: 14, marginTop: 12 },
  erreur: { background: "#fdecea", color: "#a00", padding: 10, borderRadius: 4, marginTop: 12 },
};

const MOTIFS = [
  ["DONNEES_ERRONEES", "Données erronées"],
  ["PIECE_JOINTE_MANQUANTE", "Pièce jointe manquante"],
  ["FORCLUSION", "Forclusion"],
  ["HORS_FRAIS_DE_JUSTICE", "Hors frais de justice"],
  ["DOUBLON", "Doublon"],
  ["AUTRE", "Autre"],
];

const AUTEURS_RECOURS = [
  ["PARTIE_PRENANTE", "Le prestataire (partie prenante)"],
  ["MINISTERE_PUBLIC", "Le ministère public"],
];

const SENS_DECISION = [
  ["CONFIRMATION", "Confirmation de l'ordonnance"],
  ["REFORMATION", "Réformation : nouveaux montants"],
  ["IRRECEVABILITE", "Irrecevabilité du recours"],
  ["DESISTEMENT", "Désistement constaté"],
];

/** An amount as the agent types it, with a decimal comma (« 364,07 »); the server reads either mark. */
const saisieFrancaise = (montant) => String(montant).replace(".", ",");

const ActionMemoire = ({ resource, record, action }) => {
  const titreAction = useTitreAction(action, resource);
  const d = JSON.parse(record.params.detail || "{}");
  const lignes = d.lignes || [];
  const [redressements, setRedressements] = useState({});
  // Pre-filled with the requested HT, written as the agent types it ("364,07"); the server reads either mark.
  const [taxes, setTaxes] = useState(() => Object.fromEntries(lignes.map((l) => [l.id, saisieFrancaise(l.montantHtDemandeBrut)])));
  // The chambre's amounts, pre-filled with the ordonnance's (the current HT of each line).
  const [reformes, setReformes] = useState(() => Object.fromEntries(lignes.map((l) => [l.id, saisieFrancaise(l.montantHtBrut)])));
  const [par, setPar] = useState("PARTIE_PRENANTE");
  const [sens, setSens] = useState("CONFIRMATION");
  const [motif, setMotif] = useState("");
  const [commentaire, setCommentaire] = useState("");
  const [date, setDate] = useState(aujourdhuiParis);
  const [reference, setReference] = useState("");
  const [erreur, setErreur] = useState(null);
  const [envoi, setEnvoi] = useState(false);
  const nom = action.name;

  const saisie = () => {
    switch (nom) {
      case "certifier":
        return {
          redressements: Object.entries(redressements)
            .filter(([, r]) => (r.quantite || r.tarifHt))
            .map(([ligneId, r]) => ({ ligneId, quantite: r.quantite || undefined, tarifHt: r.tarifHt || undefined, motif: r.motif || "" })),
        };
      case "taxer":
        return { taxation: { lignes: lignes.map((l) => ({ ligneId: l.id, montantHtTaxe: taxes[l.id] })), motif } };
      case "refuser":
        return { motif, commentaire };
      case "mettre-en-paiement":
        return { paiement: { date, reference } };
      case "constater-notification-taxe":
        return { notifieeLe: date };
      case "constater-recours-taxe":
        return { formeLe: date, par, commentaire };
      case "constater-decision-recours":
        return {
          decision: {
            rendueLe: date,
            sens,
            motif,
            // Only a reformation names amounts: the lines the agent changed.
            ...(sens === "REFORMATION"
              ? { lignes: lignes.filter((l) => reformes[l.id] !== saisieFrancaise(l.montantHtBrut)).map((l) => ({ ligneId: l.id, montantHtTaxe: reformes[l.id] })) }
              : {}),
          },
        };
      default:
        return { commentaire };
    }
  };

  const valider = async (ev) => {
    ev.preventDefault();
    setEnvoi(true);
    setErreur(null);
    try {
      const reponse = await api.recordAction({
        resourceId: resource.id,
        recordId: record.id,
        actionName: nom,
        data: { version: String(record.params.version), saisie: JSON.stringify(saisie()) },
      });
      const notice = reponse.data && reponse.data.notice;
      if (notice && notice.type === "error") {
        setErreur(notice.message);
      } else {
        window.location.href = (reponse.data && reponse.data.redirectUrl) || window.location.href;
      }
    } catch (e) {
      const notice = e && e.response && e.response.data && e.response.data.notice;
      setErreur(notice ? notice.message : "Erreur : rien n'a été enregistré.");
    } finally {
      setEnvoi(false);
    }
  };

  const maj = (ligneId, champ, valeur) => setRedressements((r) => ({ ...r, [ligneId]: { ...(r[ligneId] || {}), [champ]: valeur } }));

  return (
    <form style={s.boite} onSubmit={valider} data-testid="formulaire-action">
      <h2 style={{ marginTop: 0 }}>{titreAction} — {d.numero}</h2>
      {nom === "certifier" ? (
        <div>
          <p>Certifiez le mémoire tel quel, ou corrigez la quantité ou le tarif HT d'une ligne (redressement, motif obligatoire).</p>
          <table style={s.table}>
            <thead><tr><th style={s.th}>#</th><th style={s.th}>Prestation</th><th style={s.th}>Quantité</th><th style={s.th}>Tarif HT</th><th style={s.th}>Frais divers</th><th style={s.th}>HT demandé</th><th style={s.th}>Nouvelle quantité</th><th style={s.th}>Nouveau tarif HT</th><th style={s.th}>Motif du redressement</th></tr></thead>
            <tbody>
              {lignes.map((l) => (
                <tr key={l.id}>
                  <td style={s.td}>{l.rang}</td><td style={s.td}>{l.typePrestation}</td><td style={s.td}>{l.quantite}</td><td style={s.td}>{l.tarifHt}</td>
                  <td style={s.td}>{zero(l.fraisDivers)}</td><td style={s.td}>{l.montantHtDemande}</td>
                  <td style={s.td}><input style={s.input} data-testid={`quantite-${l.rang}`} onChange={(e) => maj(l.id, "quantite", e.target.value)} /></td>
                  <td style={s.td}><input style={s.input} data-testid={`tarif-${l.rang}`} onChange={(e) => maj(l.id, "tarifHt", e.target.value)} /></td>
                  <td style={s.td}><input style={s.input} data-testid={`motif-${l.rang}`} onChange={(e) => maj(l.id, "motif", e.target.value)} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {nom === "taxer" ? (
        <div>
          <p>Ordonnance de taxe : montant HT retenu pour chaque ligne, et le motif.</p>
          <table style={s.table}>
            <thead><tr><th style={s.th}>#</th><th style={s.th}>Prestation</th><th style={s.th}>Quantité</th><th style={s.th}>Tarif HT</th><th style={s.th}>Frais divers</th><th style={s.th}>HT demandé</th><th style={s.th}>HT taxé</th></tr></thead>
            <tbody>
              {lignes.map((l) => (
                <tr key={l.id}>
                  <td style={s.td}>{l.rang}</td><td style={s.td}>{l.typePrestation}</td><td style={s.td}>{l.quantite}</td><td style={s.td}>{l.tarifHt}</td>
                  <td style={s.td}>{zero(l.fraisDivers)}</td><td style={s.td}>{l.montantHtDemande}</td>
                  <td style={s.td}><input style={s.input} data-testid={`taxe-${l.rang}`} value={taxes[l.id] || ""} onChange={(e) => setTaxes((t) => ({ ...t, [l.id]: e.target.value }))} /></td>
                </tr>
              ))}
            </tbody>
          </table>
          <label style={s.label}>Motif de la taxation</label>
          <textarea style={s.input} data-testid="motif" value={motif} onChange={(e) => setMotif(e.target.value)} />
        </div>
      ) : null}
      {nom === "refuser" ? (
        <div>
          <label style={s.label}>Motif du refus (obligatoire)</label>
          <select style={s.input} data-testid="motif" value={motif} onChange={(e) => setMotif(e.target.value)}>
            <option value="">— choisir —</option>
            {MOTIFS.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
          </select>
          <label style={s.label}>Commentaire</label>
          <textarea style={s.input} data-testid="commentaire" value={commentaire} onChange={(e) => setCommentaire(e.target.value)} />
        </div>
      ) : null}
      {nom === "envoyer-en-taxation" || nom === "constater-forclusion" ? (
        <div>
          <label style={s.label}>Commentaire</label>
          <textarea style={s.input} data-testid="commentaire" value={commentaire} onChange={(e) => setCommentaire(e.target.value)} />
        </div>
      ) : null}
      {nom === "mettre-en-paiement" ? (
        <div>
          <label style={s.label}>Date de paiement</label>
          <input type="date" style={s.input} data-testid="date" value={date} onChange={(e) => setDate(e.target.value)} />
          <label style={s.label}>Référence de paiement</label>
          <input style={s.input} data-testid="reference" value={reference} onChange={(e) => setReference(e.target.value)} />
        </div>
      ) : null}
      {nom === "constater-notification-taxe" ? (
        <div>
          <p>
            L'ordonnance de taxe du mémoire {d.numero} diffère de la demande : elle est notifiée au prestataire par le greffe (art. R228 du
            code de procédure pénale). Le délai de recours de dix jours court à compter de cette notification (art. R228-1) ; la demande de
            paiement ne peut être validée qu'après son expiration.
          </p>
          <label style={s.label}>Date de réception de la notification par le prestataire (avis de réception)</label>
          <input type="date" style={s.input} data-testid="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </div>
      ) : null}
      {nom === "constater-recours-taxe" ? (
        <div>
          <p>
            Le prestataire ou le ministère public peut former un recours contre l'ordonnance de taxe devant la chambre de l'instruction, par
            déclaration au greffe du magistrat taxateur ou par lettre recommandée (art. R228-1 et R230 du code de procédure pénale). Formé dans
            le délai de dix jours qui suit la notification, il suspend l'exécution de l'ordonnance jusqu'à la décision de la chambre.
          </p>
          <label style={s.label}>Recours formé par</label>
          <select style={s.input} data-testid="par" value={par} onChange={(e) => setPar(e.target.value)}>
            {AUTEURS_RECOURS.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
          </select>
          <label style={s.label}>Date du recours (déclaration au greffe, ou réception de la lettre recommandée)</label>
          <input type="date" style={s.input} data-testid="date" value={date} onChange={(e) => setDate(e.target.value)} />
          <label style={s.label}>Commentaire</label>
          <textarea style={s.input} data-testid="commentaire" value={commentaire} onChange={(e) => setCommentaire(e.target.value)} />
        </div>
      ) : null}
      {nom === "constater-decision-recours" ? (
        <div>
          <p>La décision de la chambre de l'instruction est adressée au greffe pour exécution (art. R230 du code de procédure pénale).</p>
          <label style={s.label}>Sens de la décision</label>
          <select style={s.input} data-testid="sens" value={sens} onChange={(e) => setSens(e.target.value)}>
            {SENS_DECISION.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
          </select>
          <label style={s.label}>Date de la décision</label>
          <input type="date" style={s.input} data-testid="date" value={date} onChange={(e) => setDate(e.target.value)} />
          {sens === "REFORMATION" ? (
            <table style={{ ...s.table, marginTop: 12 }}>
              <thead><tr><th style={s.th}>#</th><th style={s.th}>Prestation</th><th style={s.th}>HT demandé</th><th style={s.th}>HT de l'ordonnance</th><th style={s.th}>HT fixé par la décision</th></tr></thead>
              <tbody>
                {lignes.map((l) => (
                  <tr key={l.id}>
                    <td style={s.td}>{l.rang}</td><td style={s.td}>{l.typePrestation}</td><td style={s.td}>{l.montantHtDemande}</td><td style={s.td}>{l.montantHt}</td>
                    <td style={s.td}><input style={s.input} data-testid={`reforme-${l.rang}`} value={reformes[l.id] || ""} onChange={(e) => setReformes((t) => ({ ...t, [l.id]: e.target.value }))} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          <label style={s.label}>Référence et motif de l'arrêt</label>
          <textarea style={s.input} data-testid="motif" value={motif} onChange={(e) => setMotif(e.target.value)} />
        </div>
      ) : null}
      {nom === "prendre-en-charge" || nom === "valider-paiement" ? <p>Confirmez l'action sur le mémoire {d.numero}.</p> : null}
      {erreur ? <div style={s.erreur} data-testid="erreur-action">{erreur}</div> : null}
      <button type="submit" style={s.bouton} disabled={envoi} data-testid="valider-action">{envoi ? "Enregistrement…" : titreAction}</button>
    </form>
  );
};

export default ActionMemoire;
