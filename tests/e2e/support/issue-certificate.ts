// Issues a label's certificate with the application's own code, for browser tests that need one
// without waiting for the job queue: `tsx --conditions=react-server issue-certificate.ts <labelId>`
// with DATABASE_URL and APP_URL of the test stack. Prints {"serial", "certificateId"}.
import { issueCertificate } from "@/lib/certificates/issue";
import { createPrismaClient } from "@/lib/db/create-client";

const labelId = process.argv[2];
const db = createPrismaClient(process.env.DATABASE_URL!, { max: 1 });
try {
  const result = await issueCertificate(db, labelId!);
  if (!result) throw new Error(`Aucun label ${labelId}`);
  process.stdout.write(JSON.stringify({ serial: result.serial, certificateId: result.certificateId }));
} finally {
  await db.$disconnect();
}
