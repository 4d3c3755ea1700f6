-- AlterTable
ALTER TABLE "Candidacy" ADD COLUMN     "assignedAt" TIMESTAMP(3),
ADD COLUMN     "assignedReviewerId" TEXT,
ADD COLUMN     "decidedAt" TIMESTAMP(3),
ADD COLUMN     "departmentCode" TEXT,
ADD COLUMN     "mayorAskedAt" TIMESTAMP(3),
ADD COLUMN     "note" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "regionCode" TEXT,
ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "sizeBand" "SizeBand",
ADD COLUMN     "territoryKind" "TerritoryKind",
ADD COLUMN     "withdrawnAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "ReviewDecision" ADD COLUMN     "criteria" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "revisionId" TEXT;

-- CreateTable
CREATE TABLE "CandidacyRevision" (
    "id" TEXT NOT NULL,
    "candidacyId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "submittedById" TEXT,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CandidacyRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CandidacyAttachment" (
    "id" TEXT NOT NULL,
    "candidacyId" TEXT NOT NULL,
    "fileId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "addedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removedAt" TIMESTAMP(3),

    CONSTRAINT "CandidacyAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewConflict" (
    "id" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewConflict_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CorrespondentOpinion" (
    "id" TEXT NOT NULL,
    "candidacyId" TEXT NOT NULL,
    "authorId" TEXT,
    "revisionNumber" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CorrespondentOpinion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CandidacyRevision_candidacyId_number_key" ON "CandidacyRevision"("candidacyId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "CandidacyAttachment_fileId_key" ON "CandidacyAttachment"("fileId");

-- CreateIndex
CREATE INDEX "CandidacyAttachment_candidacyId_idx" ON "CandidacyAttachment"("candidacyId");

-- CreateIndex
CREATE INDEX "ReviewConflict_organizationId_idx" ON "ReviewConflict"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewConflict_reviewerId_organizationId_key" ON "ReviewConflict"("reviewerId", "organizationId");

-- CreateIndex
CREATE INDEX "CorrespondentOpinion_candidacyId_idx" ON "CorrespondentOpinion"("candidacyId");

-- CreateIndex
CREATE INDEX "Candidacy_roundId_status_submittedAt_idx" ON "Candidacy"("roundId", "status", "submittedAt");

-- CreateIndex
CREATE INDEX "Candidacy_roundId_departmentCode_submittedAt_idx" ON "Candidacy"("roundId", "departmentCode", "submittedAt");

-- CreateIndex
CREATE INDEX "Candidacy_roundId_regionCode_submittedAt_idx" ON "Candidacy"("roundId", "regionCode", "submittedAt");

-- CreateIndex
CREATE INDEX "Candidacy_assignedReviewerId_idx" ON "Candidacy"("assignedReviewerId");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewDecision_revisionId_key" ON "ReviewDecision"("revisionId");

-- AddForeignKey
ALTER TABLE "Candidacy" ADD CONSTRAINT "Candidacy_assignedReviewerId_fkey" FOREIGN KEY ("assignedReviewerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CandidacyRevision" ADD CONSTRAINT "CandidacyRevision_candidacyId_fkey" FOREIGN KEY ("candidacyId") REFERENCES "Candidacy"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CandidacyRevision" ADD CONSTRAINT "CandidacyRevision_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CandidacyAttachment" ADD CONSTRAINT "CandidacyAttachment_candidacyId_fkey" FOREIGN KEY ("candidacyId") REFERENCES "Candidacy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CandidacyAttachment" ADD CONSTRAINT "CandidacyAttachment_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CandidacyAttachment" ADD CONSTRAINT "CandidacyAttachment_addedById_fkey" FOREIGN KEY ("addedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewConflict" ADD CONSTRAINT "ReviewConflict_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewConflict" ADD CONSTRAINT "ReviewConflict_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CorrespondentOpinion" ADD CONSTRAINT "CorrespondentOpinion_candidacyId_fkey" FOREIGN KEY ("candidacyId") REFERENCES "Candidacy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CorrespondentOpinion" ADD CONSTRAINT "CorrespondentOpinion_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewDecision" ADD CONSTRAINT "ReviewDecision_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "CandidacyRevision"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A submitted revision is what the reviewers read and what the decision was made on: it never
-- changes and is never removed, whatever code runs (docs: lib/candidacy/snapshot.ts).
CREATE FUNCTION refuse_candidacy_revision_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'candidacy revision % is frozen and cannot change', OLD.id
    USING ERRCODE = 'check_violation';
END
$$;

CREATE TRIGGER "CandidacyRevision_frozen" BEFORE UPDATE OR DELETE ON "CandidacyRevision"
  FOR EACH ROW EXECUTE FUNCTION refuse_candidacy_revision_change();

ALTER TABLE "CandidacyRevision"
  ADD CONSTRAINT "CandidacyRevision_number_check" CHECK ("number" >= 1);

ALTER TABLE "Candidacy"
  ADD CONSTRAINT "Candidacy_revision_check" CHECK ("revision" >= 0 AND ("status" = 'DRAFT' OR "revision" >= 1));

ALTER TABLE "ReviewConflict"
  ADD CONSTRAINT "ReviewConflict_reason_check" CHECK (btrim("reason") <> '');

ALTER TABLE "CorrespondentOpinion"
  ADD CONSTRAINT "CorrespondentOpinion_body_check" CHECK (btrim("body") <> '');
