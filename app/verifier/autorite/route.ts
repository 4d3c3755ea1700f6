// The certificate of the authority that signs the PDFs, for readers to import and trust once
// they checked its fingerprint on the verification page. Public, no session.
import { signingIdentity } from "@/lib/certificates/signing";

export async function GET() {
  const identity = await signingIdentity();
  return new Response(Buffer.from(identity.authorityDer), {
    headers: {
      "content-type": "application/pkix-cert",
      "content-disposition": `attachment; filename="${identity.demonstration ? "autorite-demonstration-ccd.cer" : "autorite-ccd.cer"}"`,
      "cache-control": "public, max-age=3600",
      "x-content-type-options": "nosniff",
    },
  });
}
