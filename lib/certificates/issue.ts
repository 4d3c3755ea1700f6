// Issuing a label's certificate, exactly once whatever the retries: the job (or a retry, or a
// duplicate) reserves the row of the issuance (unique labelId + generation) with its serial,
// renders and signs outside any transaction (signing is the last change to the bytes), then
// stores the bytes, their SHA-256 and issuedAt in ONE write guarded by « not issued yet », with
// the audit event and the e-mails in the same transaction. Two workers racing both sign, one
// stores, the other finds it done. A failure is counted on the reserved row (visible to the
// administrators) and rethrown for the queue to retry; a half-made document is never stored.
import "server-only";
import { createHash } from "node:crypto";
import { recordAudit } from "@/lib/audit/record";
import { env } from "@/lib/config/env";
import type { Db } from "@/lib/db/create-client";
import { Prisma } from "@/lib/db/generated/client";
import { queueEmail } from "@/lib/notifications/outbox";
import { certificateTerritory, mayorAndSecretary, territorySelect } from "./records";
import { renderCertificate, type CertificateContent } from "./render";
import { generateSerial } from "./serial";
import { signPdf, signingIdentity } from "./signing";
import { changingPublicLabels } from "@/lib/public/cache";

export const CERTIFICATE_ISSUE_JOB = "certificate.issue";
export type CertificateIssueJobData = { labelId: string };

export type IssueResult = { certificateId: string; serial: string; generation: number; issuedNow: boolean } | null;

/** Timings of the last issuance (the benchmark reads them). */
export type IssueTimings = { renderMs: number; signMs: number; storeMs: number };

let timingsObserver: ((timings: IssueTimings) => void) | undefined;

/** For the benchmark: called with the timings of every certificate issued in this process. */
export function observeIssueTimings(observer: ((timings: IssueTimings) => void) | undefined): void {
  timingsObserver = observer;
}

function isUniqueViolation(error: unknown, field?: string): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return false;
  if (!field) return true;
  return JSON.stringify(error.meta ?? {}).includes(field);
}

/** The issuance to work on: the label's newest certificate, reserved (serial chosen) if none yet. */
async function reserve(db: Db, labelId: string) {
  const label = await db.label.findUnique({
    where: { id: labelId },
    select: { id: true, revokedAt: true, round: { select: { year: true } } },
  });
  if (!label) return null;
  const latest = await db.certificate.findFirst({ where: { labelId }, orderBy: { generation: "desc" }, select: { id: true, serial: true, generation: true, issuedAt: true } });
  if (latest) return { label, certificate: latest };
  // A revoked label gets no first certificate (it may still have a reserved or issued one).
  if (label.revokedAt) return null;
  for (let attempt = 0; ; attempt++) {
    try {
      const certificate = await db.certificate.create({
        data: { labelId, generation: 1, serial: generateSerial(label.round.year) },
        select: { id: true, serial: true, generation: true, issuedAt: true },
      });
      return { label, certificate };
    } catch (error) {
      if (isUniqueViolation(error, "serial") && attempt < 5) continue;
      // Another worker reserved it a moment ago: work on theirs.
      if (isUniqueViolation(error)) {
        const theirs = await db.certificate.findUniqueOrThrow({ where: { labelId_generation: { labelId, generation: 1 } }, select: { id: true, serial: true, generation: true, issuedAt: true } });
        return { label, certificate: theirs };
      }
      throw error;
    }
  }
}

/** What the certificate says, read from the label, its candidacy, territory and round. */
async function contentOf(db: Db, certificateId: string, issuedAt: Date, demonstration: boolean): Promise<CertificateContent> {
  const certificate = await db.certificate.findUniqueOrThrow({
    where: { id: certificateId },
    select: {
      serial: true,
      label: {
        select: {
          awardedAt: true,
          validUntil: true,
          candidacy: { select: { isRenewal: true } },
          round: { select: { year: true } },
          organization: {
            select: {
              name: true,
              territory: { select: territorySelect },
            },
          },
        },
      },
    },
  });
  const { label } = certificate;
  const territory = label.organization.territory;
  const config = env();
  return {
    serial: certificate.serial,
    year: label.round.year,
    territory: certificateTerritory(territory),
    validFrom: label.awardedAt,
    validUntil: label.validUntil,
    isRenewal: label.candidacy.isRenewal,
    verificationUrl: `${config.APP_URL.replace(/\/$/, "")}/verifier/${certificate.serial}`,
    signatoryName: config.CERTIFICATE_SIGNATORY_NAME,
    signatoryRole: config.CERTIFICATE_SIGNATORY_ROLE,
    issuedAt,
    demonstration,
  };
}

/**
 * Issues the label's pending certificate (the first one, or the one a reissue reserved).
 * Idempotent: an issued certificate is returned as it is. Null when there is nothing to issue
 * (unknown label, revoked before any certificate).
 */
export async function issueCertificate(db: Db, labelId: string, timings?: IssueTimings): Promise<IssueResult> {
  const reserved = await reserve(db, labelId);
  if (!reserved) return null;
  const { certificate } = reserved;
  if (certificate.issuedAt) return { certificateId: certificate.id, serial: certificate.serial, generation: certificate.generation, issuedNow: false };
  try {
    const identity = await signingIdentity();
    const issuedAt = new Date();
    const started = performance.now();
    const unsigned = await renderCertificate(await contentOf(db, certificate.id, issuedAt, identity.demonstration));
    const rendered = performance.now();
    const pdf = await signPdf(unsigned, { reason: `Certificat ${certificate.serial} du label Commune Cyber Dynamique`, location: "France", signingTime: issuedAt }, identity);
    const signed = performance.now();
    const sha256 = createHash("sha256").update(pdf).digest("hex");
    const issuedNow = await changingPublicLabels(db.$transaction(async (tx) => {
      const stored = await tx.certificate.updateMany({ where: { id: certificate.id, issuedAt: null }, data: { pdf: Buffer.from(pdf), sha256, issuedAt, lastError: null } });
      if (stored.count === 0) return false;
      const label = await tx.label.findUniqueOrThrow({ where: { id: labelId }, select: { organizationId: true, round: { select: { year: true } } } });
      if (certificate.generation > 1) {
        await tx.certificate.updateMany({
          where: { labelId, generation: certificate.generation - 1, replacedById: null },
          data: { replacedById: certificate.id, replacedAt: issuedAt },
        });
      }
      await recordAudit(tx, {
        actorId: null,
        organizationId: label.organizationId,
        action: "certificate.issued",
        targetType: "Certificate",
        targetId: certificate.id,
        data: { serial: certificate.serial, generation: certificate.generation, year: label.round.year, sha256 },
      });
      for (const to of await mayorAndSecretary(tx, label.organizationId)) {
        await queueEmail(tx, {
          to,
          template: "certificate.issued",
          data: { certificateId: certificate.id },
          idempotencyKey: `certificate.issued:${certificate.id}:${to}`,
          organizationId: label.organizationId,
        });
      }
      return true;
    }));
    const measured = { renderMs: rendered - started, signMs: signed - rendered, storeMs: performance.now() - signed };
    if (timings) Object.assign(timings, measured);
    if (issuedNow) timingsObserver?.(measured);
    return { certificateId: certificate.id, serial: certificate.serial, generation: certificate.generation, issuedNow };
  } catch (error) {
    await db.certificate
      .updateMany({
        where: { id: certificate.id, issuedAt: null },
        data: { attempts: { increment: 1 }, lastError: String(error instanceof Error ? error.message : error).slice(0, 500), lastAttemptAt: new Date() },
      })
      .catch(() => undefined);
    throw error;
  }
}

/** The job's handler: `certificate.issue` with { labelId }. */
export async function runCertificateIssueJob(data: CertificateIssueJobData, { db }: { db: Db }): Promise<void> {
  if (!data || typeof data.labelId !== "string") throw new Error("certificate.issue : labelId manquant");
  await issueCertificate(db, data.labelId);
}
