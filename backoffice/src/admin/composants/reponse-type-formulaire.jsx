import React, { useState } from "react";
import { posterAction } from "./poster-action.js";
import { useTitreAction } from "./titre-action.js";

const champ = { display: "block", width: "100%", padding: 6, border: "1px solid #bbb", borderRadius: 3, boxSizing: "border-box", marginBottom: 10, fontFamily: "inherit", fontSize: 14 };
const VARIABLES = "{{numero}}, {{demandeur}}, {{objet}}, {{titre}}, {{categorie}}, {{sousCategorie}}";

/**
 * The réponses types' actions: a new one (code, titre, texte), a change (titre, texte), archive or
 * reactivate (a confirmation). Every change carries the version the page was read at: a newer one
 * stored meanwhile is refused (409) with its message, nothing written.
 */
const ReponseTypeFormulaire = ({ resource, record, action }) => {
  const titreAction = useTitreAction(action, resource);
  const saisie = action.name === "new" || action.name === "modifier";
  const [s, setS] = useState({ code: "", titre: record ? record.params.titre : "", texte: record ? record.params.texte : "" });
  const [erreur, setErreur] = useState(null);
  const [envoi, setEnvoi] = useState(false);
  const maj = (k) => (e) => setS({ ...s, [k]: e.target.value });
  const envoyer = async (e) => {
    e.preventDefault();
    setEnvoi(true);
    setErreur(null);
    setErreur(await posterAction({ resource, record, action, data: { saisie: JSON.stringify(record ? { ...s, version: record.params.version } : s) } }));
    setEnvoi(false);
  };
  return (
    <form onSubmit={envoyer} style={{ background: "#fff", padding: 20, borderRadius: 4, maxWidth: 760 }} data-testid="formulaire-reponse-type">
      <h2 style={{ marginTop: 0 }}>{record ? `${titreAction} — ${record.params.code}` : titreAction}</h2>
      {action.name === "new" ? (
        <label>
          Code (majuscules, chiffres et _)
          <input style={champ} value={s.code} onChange={maj("code")} data-testid="code" />
        </label>
      ) : null}
      {saisie ? (
        <div>
          <label>
            Titre
            <input style={champ} value={s.titre} onChange={maj("titre")} data-testid="titre" />
          </label>
          <label>
            Texte
            <textarea style={{ ...champ, minHeight: 180 }} value={s.texte} onChange={maj("texte")} data-testid="texte" />
          </label>
          <p style={{ fontSize: 12, color: "#555", marginTop: 0 }}>Variables remplies depuis le ticket : {VARIABLES}</p>
        </div>
      ) : (
        <p>{action.name === "archiver" ? "Elle ne sera plus proposée sur les pages des tickets ; les réponses déjà envoyées restent dans leur journal." : "Elle sera de nouveau proposée sur les pages des tickets."}</p>
      )}
      {erreur ? <div style={{ color: "#a00", marginBottom: 10 }} data-testid="erreur-action">{erreur}</div> : null}
      <button type="submit" disabled={envoi} data-testid="valider-action" style={{ background: "#3040d6", color: "#fff", border: 0, padding: "10px 20px", borderRadius: 4 }}>
        {envoi ? "Enregistrement…" : saisie ? "Enregistrer" : "Confirmer"}
      </button>
    </form>
  );
};

export default ReponseTypeFormulaire;
