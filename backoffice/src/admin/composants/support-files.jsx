import React, { useEffect, useState } from "react";
import { ApiClient } from "adminjs";

const api = new ApiClient();
const s = {
  boite: { background: "#fff", padding: 20, borderRadius: 4, boxShadow: "0 1px 3px rgba(0,0,0,.08)" },
  table: { width: "100%", borderCollapse: "collapse", fontSize: 13 },
  th: { textAlign: "left", borderBottom: "2px solid #ddd", padding: 6 },
  td: { borderBottom: "1px solid #eee", padding: 6 },
  num: { textAlign: "right" },
};

/**
 * The agent's queues by destination and catégorie, with their open, waiting and overdue counts; each
 * row links to the ticket list filtered on that queue and catégorie.
 */
const SupportFiles = ({ resource }) => {
  const [d, setD] = useState(null);
  const [erreur, setErreur] = useState(null);
  useEffect(() => {
    api
      .resourceAction({ resourceId: resource.id, actionName: "files" })
      .then((r) => setD(r.data.files))
      .catch(() => setErreur("Impossible de charger les files."));
  }, []);
  if (erreur) return <div style={s.boite}>{erreur}</div>;
  if (!d) return <div style={s.boite}>Chargement…</div>;
  const racine = window.location.pathname.split("/resources/")[0];
  const liste = (params) => `${racine}/resources/${resource.id}?${new URLSearchParams(params).toString()}`;
  return (
    <div style={s.boite} data-testid="files-tickets">
      <h2 style={{ marginTop: 0 }}>Mes files de tickets</h2>
      {d.files.length === 0 ? <p>Votre rôle et votre périmètre ne vous donnent accès à aucune file de support.</p> : (
        <table style={s.table}>
          <thead>
            <tr><th style={s.th}>File</th><th style={s.th}>Catégorie</th><th style={{ ...s.th, ...s.num }}>Ouverts</th><th style={{ ...s.th, ...s.num }}>En attente du demandeur</th><th style={{ ...s.th, ...s.num }}>En retard</th></tr>
          </thead>
          <tbody>
            {d.files.map((f) => (
              <React.Fragment key={f.cle}>
                <tr>
                  <td style={{ ...s.td, fontWeight: 700 }}><a href={liste({ "filters.file": f.cle })} data-testid={`file-${f.cle}`}>{f.libelle}</a></td>
                  <td style={s.td}>Toutes</td>
                  <td style={{ ...s.td, ...s.num }}>{f.ouverts}</td><td style={{ ...s.td, ...s.num }}>{f.enAttente}</td><td style={{ ...s.td, ...s.num }}>{f.enRetard}</td>
                </tr>
                {f.categories.map((c) => (
                  <tr key={`${f.cle}-${c.code}`}>
                    <td style={s.td}></td>
                    <td style={s.td}><a href={liste({ "filters.file": f.cle, "filters.categorie": c.code })}>{c.libelle}</a></td>
                    <td style={{ ...s.td, ...s.num }}>{c.ouverts}</td><td style={{ ...s.td, ...s.num }}>{c.enAttente}</td><td style={{ ...s.td, ...s.num }}>{c.enRetard}</td>
                  </tr>
                ))}
              </React.Fragment>
            ))}
          </tbody>
        </table>
      )}
      <p style={{ color: "#555", fontSize: 12, marginBottom: 0 }}>Ouverts : nouveaux et en cours. En attente du demandeur : informations demandées ou solution proposée. En retard : ouverts sans activité depuis {d.joursAvantRetard} jours.</p>
    </div>
  );
};

export default SupportFiles;
