import React from "react";

/** Link to the streamed CSV export of the list, with the filters and sort of the current list. */
const ExportCsv = () => {
  const racine = window.location.pathname.split("/resources/")[0];
  const lien = `${racine}/export/memoires.csv${window.location.search}`;
  return (
    <div style={{ background: "#fff", padding: 20, borderRadius: 4 }}>
      <h2 style={{ marginTop: 0 }}>Export CSV</h2>
      <p>Le fichier contient tous les mémoires de la liste filtrée (séparateur « ; », encodage UTF-8).</p>
      <a href={lien} data-testid="lien-export" style={{ background: "#3040d6", color: "#fff", padding: "10px 20px", borderRadius: 4, textDecoration: "none" }}>
        Télécharger le fichier
      </a>
    </div>
  );
};

export default ExportCsv;
