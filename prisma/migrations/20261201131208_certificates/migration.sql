-- DropIndex
DROP INDEX "Certificate_labelId_key";

-- AlterTable
ALTER TABLE "Certificate" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "generation" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "hologramNumber" TEXT,
ADD COLUMN     "hologramRecordedAt" TIMESTAMP(3),
ADD COLUMN     "hologramRecordedById" TEXT,
ADD COLUMN     "lastAttemptAt" TIMESTAMP(3),
ADD COLUMN     "lastError" TEXT,
ADD COLUMN     "reissueReason" TEXT,
ADD COLUMN     "replacedAt" TIMESTAMP(3),
ADD COLUMN     "replacedById" TEXT,
ALTER COLUMN "pdf" DROP NOT NULL,
ALTER COLUMN "sha256" DROP NOT NULL,
ALTER COLUMN "issuedAt" DROP NOT NULL,
ALTER COLUMN "issuedAt" DROP DEFAULT;

-- AlterTable
ALTER TABLE "Label" ADD COLUMN     "revokedById" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_replacedById_key" ON "Certificate"("replacedById");

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_hologramNumber_key" ON "Certificate"("hologramNumber");

-- CreateIndex
CREATE INDEX "Certificate_issuedAt_idx" ON "Certificate"("issuedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_labelId_generation_key" ON "Certificate"("labelId", "generation");

-- AddForeignKey
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_replacedById_fkey" FOREIGN KEY ("replacedById") REFERENCES "Certificate"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The signed bytes, their hash and the issuing time arrive together, or not at all: a row
-- without them is a reserved serial, never served.
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_issued_whole_check"
  CHECK ((("pdf" IS NULL) = ("issuedAt" IS NULL)) AND (("sha256" IS NULL) = ("issuedAt" IS NULL)));
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_generation_check" CHECK ("generation" >= 1);

-- An issued certificate is a document handed out: its bytes and serial never change afterwards
-- (a correction is a reissue, with a new serial).
CREATE FUNCTION "certificate_is_immutable"() RETURNS trigger AS $$
BEGIN
  IF OLD."issuedAt" IS NOT NULL AND (
    NEW."pdf" IS DISTINCT FROM OLD."pdf" OR NEW."sha256" IS DISTINCT FROM OLD."sha256"
    OR NEW."serial" IS DISTINCT FROM OLD."serial" OR NEW."issuedAt" IS DISTINCT FROM OLD."issuedAt"
    OR NEW."labelId" IS DISTINCT FROM OLD."labelId"
  ) THEN
    RAISE EXCEPTION 'certificat % déjà délivré : son document ne change plus', OLD."serial";
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Certificate_immutable_once_issued" BEFORE UPDATE ON "Certificate"
  FOR EACH ROW EXECUTE FUNCTION "certificate_is_immutable"();
