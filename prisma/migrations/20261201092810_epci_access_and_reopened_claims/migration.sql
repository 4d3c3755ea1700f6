-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "reopenedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "EpciAccessRefusal" (
    "organizationId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EpciAccessRefusal_pkey" PRIMARY KEY ("organizationId")
);

-- AddForeignKey
ALTER TABLE "EpciAccessRefusal" ADD CONSTRAINT "EpciAccessRefusal_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
