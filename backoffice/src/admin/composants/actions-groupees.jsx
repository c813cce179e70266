import React, { useState } from "react";
import { ApiClient } from "adminjs";
import { useTitreAction } from "./titre-action.js";
import { aujourdhuiParis } from "./dates.js";

const api = new ApiClient();
const td = { borderBottom: "1px solid #eee", padding: 6 };
const RESULTATS = { traite: "Traité", refuse: "Refusé", introuvable: "Introuvable ou non autorisé" };

const ActionsGroupees = ({ resource, records, action }) => {
  const titreAction = useTitreAction(action, resource);
  const [rapport, setRapport] = useState(null);
  const [erreur, setErreur] = useState(null);
  const [date, setDate] = useState(aujourdhuiParis);
  const [reference, setReference] = useState("");
  const [envoi, setEnvoi] = useState(false);
  const paiement = action.name === "mettre-en-paiement-groupe";

  const executer = async () => {
    setEnvoi(true);
    setErreur(null);
    try {
      const reponse = await api.bulkAction({
        resourceId: resource.id,
        recordIds: records.map((r) => r.id),
        actionName: action.name,
        data: { saisie: JSON.stringify(paiement ? { paiement: { date, reference } } : {}) },
      });
      setRapport(reponse.data.rapport || []);
    } catch (e) {
      setErreur("Erreur : l'action n'a pas pu être exécutée.");
    } finally {
      setEnvoi(false);
    }
  };

  return (
    <div style={{ background: "#fff", padding: 20, borderRadius: 4 }}>
      <h2 style={{ marginTop: 0 }}>{titreAction}</h2>
      <p>{(records || []).length} mémoire(s) sélectionné(s) : {(records || []).map((r) => r.params.numero).join(", ")}</p>
      {paiement ? (
        <div>
          <label>Date de paiement <input type="date" value={date} onChange={(e) => setDate(e.target.value)} /></label>{" "}
          <label>Référence <input value={reference} onChange={(e) => setReference(e.target.value)} /></label>
        </div>
      ) : null}
      {rapport === null ? (
        <button type="button" onClick={executer} disabled={envoi} style={{ background: "#3040d6", color: "#fff", border: 0, padding: "10px 20px", borderRadius: 4, marginTop: 12 }}>
          {envoi ? "Traitement…" : "Exécuter"}
        </button>
      ) : (
        <table style={{ width: "100%", borderCollapse: "collapse", marginTop: 12 }} data-testid="rapport-groupe">
          <thead><tr><th style={td}>Mémoire</th><th style={td}>Résultat</th><th style={td}>Détail</th></tr></thead>
          <tbody>
            {rapport.map((r) => (
              <tr key={r.id} data-resultat={r.resultat}>
                <td style={td}>{r.numero || r.id}</td>
                <td style={{ ...td, color: r.reussi ? "#060" : "#a00" }}>{RESULTATS[r.resultat] || r.resultat}</td>
                <td style={td}>{r.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {erreur ? <div style={{ color: "#a00", marginTop: 12 }}>{erreur}</div> : null}
    </div>
  );
};

export default ActionsGroupees;
