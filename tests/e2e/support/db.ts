// Direct access to the test database, for what a browser cannot do: make a link expire without
// waiting 15 minutes, forget earlier runs' rate-limit counters for the shared demo accounts,
// find a commune nobody has claimed yet, and check what a refused action left unchanged.
import pg from "pg";
import { DATABASE_URL } from "./stack-config";

export async function query<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** Every pending sign-in link for the address expires now (as after 15 minutes). */
export async function expireSignInLinks(email: string): Promise<number> {
  const rows = await query<{ token: string }>(
    `UPDATE "VerificationToken" SET expires = now() - interval '1 minute' WHERE identifier = $1 RETURNING token`,
    [email],
  );
  return rows.length;
}

/**
 * The demo accounts are the same in every run, and the data folder survives runs: forget the
 * sign-in requests earlier runs made for one, so a run never trips the per-address limit.
 */
export async function forgetSignInRequests(email: string): Promise<void> {
  await query(`DELETE FROM "RateLimitBucket" WHERE key = $1`, [`sign-in:email:${email}`]);
}

export type Commune = { code: string; name: string; departmentCode: string };

/**
 * A small commune that no organization acts for yet, with a name no other commune has, so the
 * test can find it by name in the combobox. Random, so runs sharing a database do not collide.
 */
export async function unclaimedCommune(): Promise<Commune> {
  // A window function rather than a correlated count: there is no index on searchName.
  const rows = await query<Commune>(
    `WITH named AS (
       SELECT code, name, kind, population, "departmentCode", count(*) OVER (PARTITION BY "searchName") AS homonyms
         FROM "Territory")
     SELECT code, name, "departmentCode"
       FROM named
      WHERE kind = 'COMMUNE'
        AND homonyms = 1
        AND population BETWEEN 150 AND 3000
        AND name ~ '^[A-Za-zÀ-ÿ'' -]{4,30}$'
        AND "departmentCode" IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM "Organization" o WHERE o."territoryCode" = named.code)
      ORDER BY random()
      LIMIT 1`,
  );
  if (!rows[0]) throw new Error("Aucune commune libre trouvée dans la base de test");
  return rows[0];
}

export async function organizationIdFor(territoryCode: string): Promise<string> {
  const rows = await query<{ id: string }>(`SELECT id FROM "Organization" WHERE "territoryCode" = $1`, [territoryCode]);
  if (!rows[0]) throw new Error(`Aucune organisation pour le territoire ${territoryCode}`);
  return rows[0].id;
}

export async function usersWithEmail(email: string) {
  return query<{ id: string; name: string | null }>(`SELECT id, name FROM "User" WHERE email = $1`, [email]);
}

export async function accountsOf(userId: string) {
  return query<{ provider: string; providerAccountId: string }>(
    `SELECT provider, "providerAccountId" FROM "Account" WHERE "userId" = $1 ORDER BY provider`,
    [userId],
  );
}

export async function invitationsFor(email: string) {
  return query<{ organizationId: string }>(`SELECT "organizationId" FROM "Invitation" WHERE email = $1`, [email]);
}
