import PDFDocument from "pdfkit";

/** What a demo réquisition states: the mission a line of the mémoire bills. */
export interface DonneesRequisition {
  readonly juridiction: string;
  readonly autoriteRequerante: string;
  readonly numeroAffaire: string;
  /** Day of the réquisition, `AAAA-MM-JJ`. */
  readonly dateRequisition: string;
  readonly prestataire: string;
  readonly prestation: string;
  readonly quantite: string;
}

const jourFrancais = (jour: string): string => jour.split("-").reverse().join("/");

/**
 * A one-page PDF réquisition for the demo data (the document a provider attaches to the line it
 * bills): the juridiction, the autorité requérante, the case number, the mission. The same input
 * gives the same bytes (fixed creation date, no random id), so a demo mémoire's attachment and its
 * empreinte do not change from one first start to the next.
 */
export const requisitionPdf = (d: DonneesRequisition): Promise<Uint8Array> =>
  new Promise((ok, ko) => {
    const date = new Date(`${d.dateRequisition}T09:00:00Z`);
    const doc = new PDFDocument({ size: "A4", margin: 56, info: { Title: `Réquisition ${d.numeroAffaire}`, Author: d.autoriteRequerante, CreationDate: date, ModDate: date } });
    const morceaux: Array<Buffer> = [];
    doc.on("data", (m: Buffer) => morceaux.push(m));
    doc.on("end", () => ok(new Uint8Array(Buffer.concat(morceaux))));
    doc.on("error", ko);
    doc.font("Helvetica-Bold").fontSize(12).text("RÉPUBLIQUE FRANÇAISE");
    doc.font("Helvetica").fontSize(10).text(d.juridiction).moveDown(2);
    doc.font("Helvetica-Bold").fontSize(16).text("RÉQUISITION", { align: "center" }).moveDown();
    doc.font("Helvetica").fontSize(11);
    doc.text(`Affaire n° ${d.numeroAffaire}`);
    doc.text(`Autorité requérante : ${d.autoriteRequerante}`);
    doc.text(`Date : ${jourFrancais(d.dateRequisition)}`).moveDown();
    doc.text(`Requiert ${d.prestataire} de procéder à la mission suivante : ${d.prestation} (quantité : ${d.quantite}).`).moveDown();
    doc.text("Les frais seront réglés sur mémoire, au titre des frais de justice (articles R. 91 et suivants du code de procédure pénale).");
    doc.moveDown(3).text("Signature et cachet de l'autorité requérante", { align: "right" });
    doc.end();
  });
