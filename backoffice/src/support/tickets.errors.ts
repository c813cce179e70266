import { Data } from "effect";

/** No ticket has this id or number, or it is outside what the reader may see (not revealed). Maps to a 404. */
export class TicketIntrouvable extends Data.TaggedError("TicketIntrouvable")<{ readonly reference: string }> {
  override get message(): string {
    return `aucun ticket ${this.reference}`;
  }
}

/** The ticket has no attachment with this id (neither in its list nor in its journal). Maps to a 404. */
export class PieceIntrouvable extends Data.TaggedError("PieceIntrouvable")<{ readonly ticketId: string; readonly pieceId: string }> {
  override get message(): string {
    return `aucune pièce jointe ${this.pieceId} sur le ticket ${this.ticketId}`;
  }
}

/** No réponse type has this code. Maps to a 404. */
export class ReponseTypeIntrouvable extends Data.TaggedError("ReponseTypeIntrouvable")<{ readonly code: string }> {
  override get message(): string {
    return `aucune réponse type ${this.code}`;
  }
}
