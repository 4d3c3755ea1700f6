// Who is signed in, for the header's account area (components/layout/account-area.tsx): read
// by the browser so that the layout stays free of cookies and public pages can be static.
// Only the caller's own name and address; never cached.
import { getActor } from "@/lib/auth/session";

export async function GET() {
  const actor = await getActor();
  // associationRoles lets the header offer role links (e.g. the reviewers' queue) later.
  const body = actor
    ? { signedIn: true, name: actor.name, email: actor.email, associationRoles: [...new Set(actor.associationRoles.map((grant) => grant.role))] }
    : { signedIn: false };
  return Response.json(body, { headers: { "Cache-Control": "private, no-store", Vary: "Cookie" } });
}
