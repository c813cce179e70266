import React, { useState } from "react";
import { ApiClient } from "adminjs";
import { useTitreAction } from "./titre-action.js";

const api = new ApiClient();
const s = {
  boite: { background: "#fff", padding: 20, borderRadius: 4, boxShadow: "0 1px 3px rgba(0,0,0,.08)" },
  input: { padding: 6, border: "1px solid #bbb", borderRadius: 3, width: "100%", boxSizing: "border-box", fontFamily: "inherit", fontSize: 14 },
  label: { display: "block", fontWeight: 600, margin: "10px 0 4px" },
  bouton: { background: "#3040d6", color: "#fff", border: 0, padding: "10px 20px", borderRadius: 4, cursor: "pointer", fontSize: 14, marginTop: 12 },
  erreur: { background: "#fdecea", color: "#a00", padding: 10, borderRadius: 4, marginTop: 12 },
  aide: { color: "#555", fontSize: 13 },
};

const AIDES = {
  "m-assigner": "Le ticket vous sera affecté et passera « En cours ».",
  repondre: "Commentaire public : le demandeur le verra dans le journal du ticket.",
  "note-interne": "Note interne : visible des seuls agents, jamais montrée au demandeur.",
  "demander-informations": "Le ticket passera « En attente d'informations » et apparaîtra dans l'onglet « Actions requises » du demandeur, qui est prévenu par message.",
  "proposer-solution": "Le ticket passera « Résolu » : le demandeur accepte ou refuse la solution ; sans réponse, il est relancé puis le ticket est clôturé automatiquement.",
  transferer: "Le ticket quittera cette file pour la file du support national, non affecté.",
  cloturer: "Le ticket sera clôturé et passera en lecture seule.",
};

/** Form of an agent action on a ticket: a text (with the réponses types filled for this ticket) and a POST. */
const SupportAction = ({ resource, record, action }) => {
  const titreAction = useTitreAction(action, resource);
  let d = { actions: [], reponsesTypes: [], numero: record.id };
  try {
    d = JSON.parse(record.params.detail);
  } catch (e) {
    /* the form still posts; the server answers */
  }
  const nom = action.name;
  const definition = d.actions.find((a) => a.nom === nom);
  const exigence = definition ? definition.texte : "facultatif";
  const [texte, setTexte] = useState("");
  const [erreur, setErreur] = useState(null);
  const [envoi, setEnvoi] = useState(false);

  const valider = async (ev) => {
    ev.preventDefault();
    setEnvoi(true);
    setErreur(null);
    try {
      const reponse = await api.recordAction({
        resourceId: resource.id,
        recordId: record.id,
        actionName: nom,
        data: { version: String(record.params.version), texte },
      });
      const notice = reponse.data && reponse.data.notice;
      if (notice && notice.type === "error") setErreur(notice.message);
      else window.location.href = (reponse.data && reponse.data.redirectUrl) || window.location.href;
    } catch (e) {
      const notice = e && e.response && e.response.data && e.response.data.notice;
      setErreur(notice ? notice.message : "Erreur : rien n'a été enregistré.");
    } finally {
      setEnvoi(false);
    }
  };

  return (
    <form style={s.boite} onSubmit={valider} data-testid="formulaire-action">
      <h2 style={{ marginTop: 0 }}>{titreAction} — {d.numero}</h2>
      {d.titre ? <p style={{ marginTop: 0 }}>{d.titre} ({d.etatLibelle})</p> : null}
      <p style={s.aide}>{AIDES[nom] || ""}</p>
      {exigence !== "aucun" ? (
        <div>
          {d.reponsesTypes.length > 0 && nom !== "note-interne" ? (
            <div>
              <label style={s.label} htmlFor="reponse-type">Réponse type</label>
              <select
                id="reponse-type"
                style={s.input}
                data-testid="reponse-type"
                defaultValue=""
                onChange={(e) => {
                  const r = d.reponsesTypes.find((x) => x.code === e.target.value);
                  if (r && r.texte !== undefined) setTexte(r.texte);
                  else if (r && r.erreur) setErreur(`Réponse type inutilisable : ${r.erreur}`);
                }}
              >
                <option value="">— aucune —</option>
                {d.reponsesTypes.map((r) => <option key={r.code} value={r.code}>{r.titre}</option>)}
              </select>
            </div>
          ) : null}
          <label style={s.label} htmlFor="texte">{exigence === "obligatoire" ? "Texte (obligatoire)" : "Commentaire (facultatif)"}</label>
          <textarea id="texte" rows={8} style={s.input} data-testid="texte" value={texte} onChange={(e) => setTexte(e.target.value)} />
        </div>
      ) : null}
      {erreur ? <div style={s.erreur} data-testid="erreur-action">{erreur}</div> : null}
      <button type="submit" style={s.bouton} disabled={envoi} data-testid="valider-action">{envoi ? "Enregistrement…" : titreAction}</button>
    </form>
  );
};

export default SupportAction;
