import React, { useState } from "react";
import { ApiClient } from "adminjs";
import { useTitreAction } from "./titre-action.js";

const api = new ApiClient();

/** A confirmation page for a record action that takes no input: POSTs it, then follows its redirect. */
const ActionConfirmer = ({ resource, record, action }) => {
  const titreAction = useTitreAction(action, resource);
  const [erreur, setErreur] = useState(null);
  const [envoi, setEnvoi] = useState(false);
  const confirmer = async () => {
    setEnvoi(true);
    setErreur(null);
    try {
      const r = await api.recordAction({ resourceId: resource.id, recordId: record.id, actionName: action.name, data: { confirmation: "oui" } });
      window.location.href = (r.data && r.data.redirectUrl) || window.location.href;
    } catch (e) {
      const notice = e && e.response && e.response.data && e.response.data.notice;
      setErreur(notice ? notice.message : "Erreur : rien n'a été enregistré.");
    } finally {
      setEnvoi(false);
    }
  };
  return (
    <div style={{ background: "#fff", padding: 20, borderRadius: 4 }}>
      <h2 style={{ marginTop: 0 }}>{titreAction} — {record.title}</h2>
      {erreur ? <div style={{ color: "#a00", marginBottom: 12 }} data-testid="erreur-action">{erreur}</div> : null}
      <button type="button" onClick={confirmer} disabled={envoi} data-testid="valider-action" style={{ background: "#3040d6", color: "#fff", border: 0, padding: "10px 20px", borderRadius: 4 }}>
        {envoi ? "Enregistrement…" : "Confirmer"}
      </button>
    </div>
  );
};

export default ActionConfirmer;
