-- CreateEnum
CREATE TYPE "InvoiceKind" AS ENUM ('INVOICE', 'CREDIT_NOTE');

-- CreateEnum
CREATE TYPE "CheckoutStatus" AS ENUM ('OPEN', 'AWAITING_PAYMENT', 'PAID', 'FAILED');

-- AlterTable
ALTER TABLE "Dues" ALTER COLUMN "invoiceNumber" DROP NOT NULL,
ADD COLUMN     "paidCents" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "bankLineId" TEXT,
ADD COLUMN     "mandateNumber" TEXT,
ADD COLUMN     "refundedCents" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "BillingDetails" (
    "organizationId" TEXT NOT NULL,
    "legalName" TEXT NOT NULL,
    "siret" TEXT NOT NULL,
    "addressLine" TEXT NOT NULL,
    "addressLine2" TEXT,
    "postalCode" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "invoiceEmail" TEXT NOT NULL,
    "serviceCode" TEXT,
    "commitmentNumber" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BillingDetails_pkey" PRIMARY KEY ("organizationId")
);

-- CreateTable
CREATE TABLE "Invoice" (
    "id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "sequence" INTEGER NOT NULL,
    "kind" "InvoiceKind" NOT NULL,
    "duesId" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "buyer" JSONB NOT NULL,
    "seller" JSONB NOT NULL,
    "cancelsInvoiceId" TEXT,
    "reason" TEXT,
    "issuedById" TEXT,

    CONSTRAINT "Invoice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InvoiceDocument" (
    "invoiceId" TEXT NOT NULL,
    "pdf" BYTEA NOT NULL,
    "sha256" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InvoiceDocument_pkey" PRIMARY KEY ("invoiceId")
);

-- CreateTable
CREATE TABLE "InvoiceSequence" (
    "year" INTEGER NOT NULL,
    "lastSequence" INTEGER NOT NULL,

    CONSTRAINT "InvoiceSequence_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "CheckoutSession" (
    "id" TEXT NOT NULL,
    "duesId" TEXT NOT NULL,
    "invoiceId" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "status" "CheckoutStatus" NOT NULL DEFAULT 'OPEN',
    "url" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CheckoutSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StripeEvent" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "processedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StripeEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BankStatement" (
    "id" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "filename" TEXT NOT NULL,
    "encoding" TEXT NOT NULL,
    "importedById" TEXT,
    "importedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BankStatement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BankStatementLine" (
    "id" TEXT NOT NULL,
    "statementId" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "bookedOn" TIMESTAMP(3) NOT NULL,
    "label" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "ignoredAt" TIMESTAMP(3),

    CONSTRAINT "BankStatementLine_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Invoice_number_key" ON "Invoice"("number");

-- CreateIndex
CREATE UNIQUE INDEX "Invoice_cancelsInvoiceId_key" ON "Invoice"("cancelsInvoiceId");

-- CreateIndex
CREATE INDEX "Invoice_duesId_idx" ON "Invoice"("duesId");

-- CreateIndex
CREATE UNIQUE INDEX "Invoice_year_sequence_key" ON "Invoice"("year", "sequence");

-- CreateIndex
CREATE INDEX "CheckoutSession_duesId_idx" ON "CheckoutSession"("duesId");

-- CreateIndex
CREATE UNIQUE INDEX "BankStatement_sha256_key" ON "BankStatement"("sha256");

-- CreateIndex
CREATE UNIQUE INDEX "BankStatementLine_fingerprint_key" ON "BankStatementLine"("fingerprint");

-- CreateIndex
CREATE INDEX "BankStatementLine_statementId_idx" ON "BankStatementLine"("statementId");

-- CreateIndex
CREATE INDEX "Dues_roundId_status_idx" ON "Dues"("roundId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_bankLineId_key" ON "Payment"("bankLineId");

-- AddForeignKey
ALTER TABLE "BillingDetails" ADD CONSTRAINT "BillingDetails_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_duesId_fkey" FOREIGN KEY ("duesId") REFERENCES "Dues"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_cancelsInvoiceId_fkey" FOREIGN KEY ("cancelsInvoiceId") REFERENCES "Invoice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvoiceDocument" ADD CONSTRAINT "InvoiceDocument_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_bankLineId_fkey" FOREIGN KEY ("bankLineId") REFERENCES "BankStatementLine"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckoutSession" ADD CONSTRAINT "CheckoutSession_duesId_fkey" FOREIGN KEY ("duesId") REFERENCES "Dues"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckoutSession" ADD CONSTRAINT "CheckoutSession_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BankStatementLine" ADD CONSTRAINT "BankStatementLine_statementId_fkey" FOREIGN KEY ("statementId") REFERENCES "BankStatement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Written by hand (issue 11): rules the application also checks, kept here whatever code runs.

ALTER TABLE "Dues" ADD CONSTRAINT "Dues_paidCents_check" CHECK ("paidCents" >= 0);
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_refund_check" CHECK ("refundedCents" >= 0 AND "refundedCents" <= "amountCents");
ALTER TABLE "BillingDetails"
  ADD CONSTRAINT "BillingDetails_siret_check" CHECK ("siret" ~ '^[0-9]{14}$'),
  ADD CONSTRAINT "BillingDetails_commitment_check" CHECK ("commitmentNumber" IS NULL OR char_length("commitmentNumber") <= 50),
  ADD CONSTRAINT "BillingDetails_service_check" CHECK ("serviceCode" IS NULL OR char_length("serviceCode") <= 100);
ALTER TABLE "Invoice"
  ADD CONSTRAINT "Invoice_amount_check" CHECK ("amountCents" > 0),
  ADD CONSTRAINT "Invoice_sequence_check" CHECK ("sequence" > 0),
  ADD CONSTRAINT "Invoice_credit_note_check" CHECK (("kind" = 'CREDIT_NOTE') = ("cancelsInvoiceId" IS NOT NULL));
ALTER TABLE "InvoiceSequence" ADD CONSTRAINT "InvoiceSequence_check" CHECK ("lastSequence" >= 0);
ALTER TABLE "CheckoutSession" ADD CONSTRAINT "CheckoutSession_amount_check" CHECK ("amountCents" > 0);
ALTER TABLE "BankStatementLine" ADD CONSTRAINT "BankStatementLine_amount_check" CHECK ("amountCents" > 0);

-- The tiers of a round are frozen once it opens: communes were quoted these amounts. The editor
-- refuses such changes; this trigger is the last line (as for published questionnaires).
-- An UPDATE that changes nothing (an upsert finding its row) is let through.
CREATE FUNCTION refuse_frozen_dues_tier_change() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  round_status "RoundStatus";
BEGIN
  IF TG_OP = 'UPDATE' AND to_jsonb(NEW) = to_jsonb(OLD) THEN RETURN NEW; END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    SELECT status INTO round_status FROM "Round" WHERE id = OLD."roundId";
    IF round_status IS DISTINCT FROM 'DRAFT' AND round_status IS NOT NULL THEN
      RAISE EXCEPTION 'dues tiers of round % are frozen once the round is open', OLD."roundId" USING ERRCODE = 'check_violation';
    END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    SELECT status INTO round_status FROM "Round" WHERE id = NEW."roundId";
    IF round_status IS DISTINCT FROM 'DRAFT' THEN
      RAISE EXCEPTION 'dues tiers of round % are frozen once the round is open', NEW."roundId" USING ERRCODE = 'check_violation';
    END IF;
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER "DuesTier_frozen_once_open" BEFORE INSERT OR UPDATE OR DELETE ON "DuesTier"
  FOR EACH ROW EXECUTE FUNCTION refuse_frozen_dues_tier_change();

-- An issued invoice, credit note or their PDF is never edited nor deleted (French invoicing rules).
CREATE FUNCTION refuse_issued_invoice_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% rows are never changed nor deleted once issued: cancel with a credit note', TG_TABLE_NAME
    USING ERRCODE = 'check_violation';
END
$$;

CREATE TRIGGER "Invoice_immutable" BEFORE UPDATE OR DELETE ON "Invoice"
  FOR EACH ROW EXECUTE FUNCTION refuse_issued_invoice_change();
CREATE TRIGGER "InvoiceDocument_immutable" BEFORE UPDATE OR DELETE ON "InvoiceDocument"
  FOR EACH ROW EXECUTE FUNCTION refuse_issued_invoice_change();
