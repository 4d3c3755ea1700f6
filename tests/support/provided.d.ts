import "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    dbKind: "pglite" | "postgres";
    /** PGlite: path of a data dump holding the migrated, empty schema. */
    pgliteDumpPath: string;
    /** PostgreSQL: server URL and the migrated template database each file copies. */
    postgresUrl: string;
    postgresTemplate: string;
  }
}
