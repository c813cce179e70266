import React from "react";
import { List } from "adminjs";

/** Above this count the server stops counting (memoires.requete.ts, PLAFOND_COMPTE). */
const PLAFOND = 10000;

/**
 * AdminJS's list, whose header badge says "plus de 10 000" when the server's capped count
 * (PLAFOND + 1) says there are more: large lists are not counted row by row.
 */
const ListeMemoires = (props) => {
  const { setTag } = props;
  const etiquette = setTag ? (total) => setTag(Number(total) > PLAFOND ? "plus de 10 000" : total) : undefined;
  return <List {...props} setTag={etiquette} />;
};

export default ListeMemoires;
