import type { Orm } from "../base/orm.js";
import type { DepotMemoires } from "../memoire/memoire.repository.js";
import type { DepotVues } from "../memoire/memoire.vues.repository.js";
import type { DepotsOrganisation } from "../organisation/organisation.repository.js";
import type { StockagePieces } from "../pieces-jointes/stockage.js";
import type { DepotJetons } from "./jetons.repository.js";

/** What the API's routers share: the repositories, the file store and the clock. */
export interface ContexteApi {
  readonly orm: Orm;
  readonly memoires: DepotMemoires;
  readonly vues: DepotVues;
  readonly organisation: DepotsOrganisation;
  readonly stockage: StockagePieces;
  readonly jetons: DepotJetons;
  readonly maintenant: () => Date;
}
