// The signed certificate, for `certificate:download` holders of its organization (the mayor).
// The organization comes from the certificate itself; the one in the address must match.
import { downloadCertificate } from "@/lib/certificates/queries";
import { getDb } from "@/lib/db/client";
import { download } from "@/lib/http/download";

const NOT_FOUND = "Ce certificat n'existe pas, ou vous n'y avez pas accès.";

export async function GET(_request: Request, { params }: { params: Promise<{ organizationId: string; certificateId: string }> }) {
  const { organizationId, certificateId } = await params;
  return download(async (actor) => {
    const file = await downloadCertificate(getDb(), actor, certificateId);
    if (!file || file.organizationId !== organizationId) return { notFound: NOT_FOUND };
    return { filename: file.filename, contentType: "application/pdf", content: file.content };
  });
}
