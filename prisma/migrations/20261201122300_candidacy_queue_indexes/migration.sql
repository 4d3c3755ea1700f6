-- The review queue's sort over every status, and its kind and size-band filters, read the
-- Candidacy indexes alone (npm run bench:review).

-- CreateIndex
CREATE INDEX "Candidacy_roundId_submittedAt_idx" ON "Candidacy"("roundId", "submittedAt");

-- CreateIndex
CREATE INDEX "Candidacy_roundId_territoryKind_status_submittedAt_idx" ON "Candidacy"("roundId", "territoryKind", "status", "submittedAt");

-- CreateIndex
CREATE INDEX "Candidacy_roundId_sizeBand_status_submittedAt_idx" ON "Candidacy"("roundId", "sizeBand", "status", "submittedAt");
