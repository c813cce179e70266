import React from "react";

const s = {
  section: { background: "#fff", padding: "16px 20px", marginBottom: 16, borderRadius: 4, boxShadow: "0 1px 3px rgba(0,0,0,.08)" },
  h: { fontSize: 16, fontWeight: 700, margin: "0 0 12px" },
  grille: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(260px, 1fr))", gap: "8px 24px", fontSize: 13 },
  badge: { display: "inline-block", padding: "2px 10px", borderRadius: 12, background: "#e6f0ff", color: "#003d99", fontWeight: 600 },
  ligne: { borderLeft: "3px solid #3366cc", padding: "6px 12px", marginBottom: 10, fontSize: 13 },
  interne: { borderLeft: "3px solid #b34700", background: "#fff4e5", padding: "6px 12px", marginBottom: 10, fontSize: 13 },
  marque: { display: "inline-block", marginLeft: 8, padding: "0 8px", borderRadius: 10, background: "#b34700", color: "#fff", fontSize: 11, fontWeight: 700 },
  texte: { whiteSpace: "pre-wrap", margin: "4px 0 0" },
};

const Champ = ({ libelle, valeur, testid }) => (
  <div>
    <div style={{ color: "#666", fontSize: 12 }}>{libelle}</div>
    <div data-testid={testid}>{valeur || "—"}</div>
  </div>
);

/** The ticket page of the support agents: ticket, linked mémoire, attachments, the whole journal. */
const SupportTicket = ({ record }) => {
  let d;
  try {
    d = JSON.parse(record.params.detail);
  } catch (e) {
    return <div>Détail indisponible.</div>;
  }
  return (
    <div data-testid="ticket-detail">
      <div style={s.section}>
        <div style={{ display: "flex", justifyContent: "space-between", alignItems: "center", marginBottom: 12 }}>
          <div>
            <div style={{ fontSize: 20, fontWeight: 700 }} data-testid="ticket-numero">{d.numero}</div>
            <div style={{ fontSize: 15 }} data-testid="ticket-titre">{d.titre}</div>
          </div>
          <span style={s.badge} data-testid="ticket-etat">{d.etatLibelle}</span>
        </div>
        <div style={s.grille}>
          <Champ libelle="File" valeur={d.file} testid="ticket-file" />
          <Champ libelle="Agent affecté" valeur={d.agent ? (d.affecteAMoi ? `${d.agent} (vous)` : d.agent) : "Non affecté"} testid="ticket-agent" />
          <Champ libelle="Catégorie" valeur={d.categorie} />
          <Champ libelle="Sous-catégorie" valeur={d.sousCategorie} />
          <Champ libelle="Type d'objet" valeur={d.objet.type} />
          <Champ libelle="N° objet" valeur={d.objet.numero} />
          <Champ libelle="Ouvert le" valeur={d.ouvertLe} />
          <Champ libelle="Dernière activité" valeur={d.modifieLe} />
          {d.resoluLe ? <Champ libelle="Solution proposée le" valeur={d.resoluLe} /> : null}
          {d.clotureLe ? <Champ libelle="Clôturé le" valeur={d.clotureLe} /> : null}
        </div>
        {d.actions.length === 0 ? (
          <p style={{ marginTop: 14, color: "#666" }} data-testid="ticket-aucune-action">
            {d.etat === "CLOTURE" ? "Ticket clôturé : lecture seule." : "Aucune action possible pour vous dans l'état actuel du ticket."}
          </p>
        ) : null}
      </div>

      <div style={s.section}>
        <div style={s.h}>Émetteur</div>
        <div style={s.grille}>
          <Champ libelle="Organisation" valeur={d.emetteur.organisation} />
          <Champ libelle="Désignation" valeur={d.emetteur.designation} />
          <Champ libelle="Service" valeur={d.emetteur.service} />
          <Champ libelle="Adresse électronique" valeur={d.emetteur.email} />
          <Champ libelle="Téléphone" valeur={d.emetteur.telephone} />
        </div>
      </div>

      {d.memoire ? (
        <div style={s.section} data-testid="ticket-memoire">
          <div style={s.h}>Mémoire concerné</div>
          <div style={s.grille}>
            <Champ libelle="Numéro" valeur={d.memoire.lien ? <a href={d.memoire.lien} data-testid="lien-memoire">{d.memoire.numero}</a> : d.memoire.numero} />
            <Champ libelle="État" valeur={d.memoire.etatLibelle} testid="memoire-lie-etat" />
          </div>
          {d.memoire.lien ? null : <p style={{ color: "#666", fontSize: 12, marginBottom: 0 }}>Vous n'avez pas accès à la page de ce mémoire.</p>}
        </div>
      ) : null}

      <div style={s.section}>
        <div style={s.h}>Description</div>
        <p style={s.texte} data-testid="ticket-description">{d.description || "—"}</p>
      </div>

      <div style={s.section}>
        <div style={s.h}>Pièces jointes</div>
        {d.piecesJointes.length === 0 ? <p style={{ margin: 0 }}>Aucune pièce jointe.</p> : (
          <ul style={{ margin: 0 }} data-testid="ticket-pieces">
            {d.piecesJointes.map((p) => <li key={p.id}><a href={p.lien}>{p.nom}</a> ({p.taille})</li>)}
          </ul>
        )}
      </div>

      {d.messages && d.messages.length > 0 ? (
        <div style={s.section}>
          <div style={s.h}>Messages envoyés</div>
          <ul style={{ margin: 0, fontSize: 13 }} data-testid="ticket-messages">
            {d.messages.map((m) => <li key={m.id}>{m.le} — {m.sujet} — à {m.destinataire} ({m.statut})</li>)}
          </ul>
        </div>
      ) : null}

      <div style={s.section}>
        <div style={s.h}>Journal d'activité</div>
        <div data-testid="ticket-journal">
          {d.journal.map((l) => (
            <div key={l.id} style={l.interne ? s.interne : s.ligne} data-testid={l.interne ? "journal-note-interne" : "journal-ligne"}>
              <div>
                <strong>{l.libelle}</strong>
                {l.interne ? <span style={s.marque}>Note interne — jamais montrée au demandeur</span> : null}
                <span style={{ color: "#666" }}> — {l.le} — {l.auteur}</span>
                {l.transition ? <span style={{ color: "#666" }}> — {l.transition}</span> : null}
              </div>
              {l.texte ? <p style={s.texte}>{l.texte}</p> : null}
              {l.pieceJointe ? <div><a href={l.pieceJointe.lien}>{l.pieceJointe.nom}</a></div> : null}
            </div>
          ))}
        </div>
      </div>
    </div>
  );
};

export default SupportTicket;
