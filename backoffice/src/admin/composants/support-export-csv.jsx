import React from "react";

/** Link to the streamed CSV export of the current ticket queue (the list's filters and sort). */
const SupportExportCsv = () => {
  const racine = window.location.pathname.split("/resources/")[0];
  const lien = `${racine}/export/tickets.csv${window.location.search}`;
  return (
    <div style={{ background: "#fff", padding: 20, borderRadius: 4 }}>
      <h2 style={{ marginTop: 0 }}>Export CSV de la file</h2>
      <p>Le fichier contient tous les tickets de la liste filtrée de vos files (séparateur « ; », encodage UTF-8).</p>
      <a href={lien} data-testid="lien-export-tickets" style={{ background: "#3040d6", color: "#fff", padding: "10px 20px", borderRadius: 4, textDecoration: "none" }}>
        Télécharger le fichier
      </a>
    </div>
  );
};

export default SupportExportCsv;
