// Who is signed in, for the header's account area (components/layout/account-area.tsx): read
// by the browser so that the layout stays free of cookies and public pages can be static.
// Only the caller's own name and address and the links their roles give; never cached.
import { accountLinks } from "@/lib/auth/account-links";
import { getActor } from "@/lib/auth/session";

export async function GET() {
  const actor = await getActor();
  const body = actor ? { signedIn: true, name: actor.name, email: actor.email, links: accountLinks(actor) } : { signedIn: false };
  return Response.json(body, { headers: { "Cache-Control": "private, no-store", Vary: "Cookie" } });
}
