-- Rules that must never break, enforced by the database itself.
-- The Prisma schema language has no CHECK constraints and the engine ignores them when diffing,
-- so they live here (see docs/decisions/002-check-constraints-in-migrations.md).

-- Territories: INSEE codes for communes (2A/2B for Corsica), SIREN for EPCI.
ALTER TABLE "Territory"
  ADD CONSTRAINT "Territory_code_format_check" CHECK (
    ("kind" = 'COMMUNE' AND "code" ~ '^[0-9][0-9AB][0-9]{3}$')
    OR ("kind" = 'EPCI' AND "code" ~ '^[0-9]{9}$')
  ),
  ADD CONSTRAINT "Territory_siren_format_check" CHECK ("siren" IS NULL OR "siren" ~ '^[0-9]{9}$'),
  ADD CONSTRAINT "Territory_population_check" CHECK ("population" >= 0),
  ADD CONSTRAINT "Territory_epci_fields_check" CHECK (
    ("kind" = 'EPCI' AND "epciCode" IS NULL)
    OR ("kind" = 'COMMUNE' AND "epciKind" IS NULL)
  ),
  ADD CONSTRAINT "Territory_search_name_check" CHECK ("searchName" <> '');

ALTER TABLE "Organization"
  ADD CONSTRAINT "Organization_validated_check" CHECK ("status" <> 'ACTIVE' OR "validatedAt" IS NOT NULL);

-- A département correspondent follows a département, other association roles do not.
ALTER TABLE "AssociationRoleGrant"
  ADD CONSTRAINT "AssociationRoleGrant_department_check" CHECK (
    ("role" = 'DEPARTMENT_CORRESPONDENT') = ("departmentCode" <> '')
  );

ALTER TABLE "Invitation"
  ADD CONSTRAINT "Invitation_email_check" CHECK ("email" ~ '^[^@\s]+@[^@\s]+$');

ALTER TABLE "Round"
  ADD CONSTRAINT "Round_year_check" CHECK ("year" BETWEEN 2021 AND 2100),
  ADD CONSTRAINT "Round_dates_check" CHECK ("opensAt" < "closesAt" AND "closesAt" <= "labelValidUntil"),
  ADD CONSTRAINT "Round_plan_rule_check" CHECK ("minPlanCriteria" >= 1 AND "minPlanActions" >= 1);

ALTER TABLE "QuestionnaireVersion"
  ADD CONSTRAINT "QuestionnaireVersion_published_check" CHECK ("status" <> 'PUBLISHED' OR "publishedAt" IS NOT NULL);

ALTER TABLE "Question"
  ADD CONSTRAINT "Question_weight_check" CHECK ("weight" BETWEEN 1 AND 10),
  ADD CONSTRAINT "Question_applies_check" CHECK (cardinality("sizeBands") > 0 AND cardinality("territoryKinds") > 0);

ALTER TABLE "AnswerOption"
  ADD CONSTRAINT "AnswerOption_score_check" CHECK ("score" BETWEEN 0 AND 3);

-- An answer is an option or "Je ne sais pas", never both.
ALTER TABLE "Answer"
  ADD CONSTRAINT "Answer_option_or_dont_know_check" CHECK (NOT ("optionId" IS NOT NULL AND "dontKnow")),
  ADD CONSTRAINT "Answer_comment_length_check" CHECK ("comment" IS NULL OR char_length("comment") <= 5000);

ALTER TABLE "Assessment"
  ADD CONSTRAINT "Assessment_score_check" CHECK ("score" IS NULL OR "score" BETWEEN 0 AND 100),
  ADD CONSTRAINT "Assessment_completed_check" CHECK ("status" <> 'COMPLETED' OR "completedAt" IS NOT NULL);

-- Uploaded files: 10 MB at most, SHA-256 in hex.
ALTER TABLE "StoredFile"
  ADD CONSTRAINT "StoredFile_size_check" CHECK ("size" BETWEEN 1 AND 10485760 AND "size" = octet_length("content")),
  ADD CONSTRAINT "StoredFile_sha256_check" CHECK ("sha256" ~ '^[0-9a-f]{64}$');

ALTER TABLE "Action"
  ADD CONSTRAINT "Action_progress_check" CHECK ("progress" BETWEEN 0 AND 100),
  ADD CONSTRAINT "Action_abandon_reason_check" CHECK (
    "status" <> 'ABANDONED' OR ("abandonReason" IS NOT NULL AND btrim("abandonReason") <> '')
  ),
  ADD CONSTRAINT "Action_title_check" CHECK (btrim("title") <> '');

ALTER TABLE "ActionEvidence"
  ADD CONSTRAINT "ActionEvidence_target_check" CHECK (("fileId" IS NULL) <> ("url" IS NULL));

ALTER TABLE "ChampionDesignation"
  ADD CONSTRAINT "ChampionDesignation_accepted_check" CHECK ("status" <> 'ACCEPTED' OR "respondedAt" IS NOT NULL);

ALTER TABLE "DuesTier"
  ADD CONSTRAINT "DuesTier_amount_check" CHECK ("amountCents" >= 0),
  ADD CONSTRAINT "DuesTier_range_check" CHECK ("minPopulation" >= 0 AND ("maxPopulation" IS NULL OR "maxPopulation" > "minPopulation"));

ALTER TABLE "Dues"
  ADD CONSTRAINT "Dues_amount_check" CHECK ("amountCents" >= 0),
  ADD CONSTRAINT "Dues_paid_check" CHECK ("status" <> 'PAID' OR "paidAt" IS NOT NULL);

ALTER TABLE "Payment"
  ADD CONSTRAINT "Payment_amount_check" CHECK ("amountCents" > 0),
  ADD CONSTRAINT "Payment_card_check" CHECK ("method" <> 'CARD' OR "stripeCheckoutSessionId" IS NOT NULL);

ALTER TABLE "Candidacy"
  ADD CONSTRAINT "Candidacy_submitted_check" CHECK ("status" = 'DRAFT' OR "submittedAt" IS NOT NULL),
  ADD CONSTRAINT "Candidacy_progression_check" CHECK ("progressionScore" IS NULL OR "progressionScore" BETWEEN 0 AND 100);

-- Returning or rejecting a candidacy always says why.
ALTER TABLE "ReviewDecision"
  ADD CONSTRAINT "ReviewDecision_comment_check" CHECK (
    "outcome" = 'APPROVE' OR ("comment" IS NOT NULL AND btrim("comment") <> '')
  );

ALTER TABLE "Label"
  ADD CONSTRAINT "Label_validity_check" CHECK ("validUntil" > "awardedAt"),
  ADD CONSTRAINT "Label_revoked_check" CHECK ("revokedAt" IS NULL OR "revokeReason" IS NOT NULL);

ALTER TABLE "Certificate"
  ADD CONSTRAINT "Certificate_sha256_check" CHECK ("sha256" ~ '^[0-9a-f]{64}$');

ALTER TABLE "AuditEvent"
  ADD CONSTRAINT "AuditEvent_action_check" CHECK ("action" ~ '^[a-z_]+(\.[a-z_]+)+$');
