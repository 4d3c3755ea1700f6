// The territory search query as the server validates it (search API, registry): the rule of
// `checkTerritoryQuery`, in zod's terms, with the same French messages.
import { z } from "zod";
import { checkTerritoryQuery, TERRITORY_QUERY_MESSAGES } from "./search-query";

export const territorySearchQuerySchema = z.string({ error: TERRITORY_QUERY_MESSAGES.notText }).transform((value, context) => {
  const checked = checkTerritoryQuery(value);
  if (checked.ok) return checked.query;
  context.addIssue({ code: "custom", message: checked.message });
  return z.NEVER;
});
