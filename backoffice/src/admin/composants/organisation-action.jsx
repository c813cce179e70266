import React, { useState } from "react";
import { ApiClient } from "adminjs";
import { useTitreAction } from "./titre-action.js";

const api = new ApiClient();
const lire = (texte) => {
  try {
    return JSON.parse(texte);
  } catch (e) {
    return null;
  }
};

/** What each action may target, read from the structure's detail. */
const candidats = (nom, d) => {
  if (!d) return [];
  switch (nom) {
    case "desactiver-coordonnee":
      return d.coordonnees.filter((c) => c.active).map((c) => ({ id: c.id, libelle: `${c.libelle} — ${c.compte}` }));
    case "reactiver-coordonnee":
      return d.coordonnees.filter((c) => !c.active).map((c) => ({ id: c.id, libelle: `${c.libelle} — ${c.compte} (${c.etat})` }));
    case "revoquer-mandat":
      return d.mandats.filter((m) => m.code !== "REVOQUE").map((m) => ({ id: m.id, libelle: `${m.libelle} — ${m.statut}, créé le ${m.creeLe}` }));
    case "revoquer-habilitation":
      return d.membres.flatMap((m) => m.habilitations.map((h) => ({ id: h.id, libelle: `${m.nom} : ${h.profil} (${h.portee})` })));
    default:
      return [];
  }
};

/** A structure action on one of its parts (bank details, mandat, habilitation): choose it, confirm, POST. */
const OrganisationAction = ({ resource, record, action }) => {
  const titreAction = useTitreAction(action, resource);
  const liste = candidats(action.name, lire(record.params.detail));
  const [cible, setCible] = useState(liste.length === 1 ? liste[0].id : "");
  const [erreur, setErreur] = useState(null);
  const [envoi, setEnvoi] = useState(false);
  const confirmer = async () => {
    setEnvoi(true);
    setErreur(null);
    try {
      const r = await api.recordAction({ resourceId: resource.id, recordId: record.id, actionName: action.name, data: { cible } });
      window.location.href = (r.data && r.data.redirectUrl) || window.location.href;
    } catch (e) {
      const notice = e && e.response && e.response.data && e.response.data.notice;
      setErreur(notice ? notice.message : "Erreur : rien n'a été enregistré.");
    } finally {
      setEnvoi(false);
    }
  };
  return (
    <div style={{ background: "#fff", padding: 20, borderRadius: 4, maxWidth: 720 }}>
      <h2 style={{ marginTop: 0 }}>{titreAction} — {record.title}</h2>
      {liste.length === 0 ? <p data-testid="aucune-cible">Aucun élément concerné.</p> : null}
      {liste.map((c) => (
        <label key={c.id} style={{ display: "block", marginBottom: 8 }}>
          <input type="radio" name="cible" value={c.id} checked={cible === c.id} onChange={() => setCible(c.id)} data-testid={`cible-${c.id}`} /> {c.libelle}
        </label>
      ))}
      {erreur ? <div style={{ color: "#a00", margin: "12px 0" }} data-testid="erreur-action">{erreur}</div> : null}
      <button type="button" onClick={confirmer} disabled={envoi || cible === ""} data-testid="valider-action" style={{ background: "#3040d6", color: "#fff", border: 0, padding: "10px 20px", borderRadius: 4, marginTop: 8 }}>
        {envoi ? "Enregistrement…" : "Confirmer"}
      </button>
    </div>
  );
};

export default OrganisationAction;
