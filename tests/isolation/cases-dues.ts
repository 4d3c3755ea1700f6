// Isolation cases of the dues (criterion 4): the organization's dues page and its downloads,
// the Stripe webhook, the tiers editor and the treasurer's space. Same rules as cases.ts (read
// its header); kept apart so the feature owns its list.
import { inject } from "vitest";
import { DEMO_DUES_TIERS } from "@/lib/demo/seed-demo";
import { issueInvoice } from "@/lib/dues/invoices";
import { recordTransfer } from "@/lib/dues/payments";
import { FakeStripe } from "@/tests/support/fake-stripe";
import type { IsolationCases, PageCase } from "./case-types";
import { openRound2026 } from "./open-round";
import type { World } from "./world";

// The card action needs Stripe: a local fake, on this issue's ports (one per database run).
const fakeStripe = new FakeStripe(inject("dbKind") === "pglite" ? 27114 : 27115);
Object.assign(process.env, fakeStripe.env);
let stripeStarted: Promise<unknown> | null = null;

/** The open 2026 round with its dues tiers (set while briefly a draft, as the trigger wants). */
async function duesRound(world: World) {
  const round = await openRound2026(world);
  if ((await world.db.duesTier.count({ where: { roundId: round.id } })) === 0) {
    await world.db.round.update({ where: { id: round.id }, data: { status: "DRAFT" } });
    await world.db.duesTier.createMany({ data: DEMO_DUES_TIERS.map((tier) => ({ roundId: round.id, ...tier })) });
    await world.db.round.update({ where: { id: round.id }, data: { status: "OPEN" } });
  }
  return round;
}

const billingOf = (world: World) => ({
  organizationId: world.A.id,
  legalName: `Commune de ${world.A.name}`,
  siret: "21130090100009",
  addressLine: "Place de la Mairie",
  addressLine2: "",
  postalCode: "13100",
  city: world.A.name,
  invoiceEmail: "mairie@isolation.test",
  serviceCode: "",
  commitmentNumber: "",
});

const personOf = (world: World, label: string) => world.people.find((person) => person.label === label)!;

/** A's invoice of the open round, asked for by A's secretary. */
async function invoiceOfA(world: World) {
  await duesRound(world);
  const { organizationId, ...details } = billingOf(world);
  await world.db.billingDetails.upsert({ where: { organizationId }, create: { organizationId, ...details, addressLine2: null, serviceCode: null, commitmentNumber: null }, update: {} });
  const invoice = await issueInvoice(world.db, personOf(world, "SECRETARY of A").grants, { organizationId: world.A.id });
  return { invoiceId: invoice.id, duesId: invoice.duesId, number: invoice.number };
}

/** A credit line of an imported statement, for A's invoice. */
async function bankLineForA(world: World) {
  const { duesId, number } = await invoiceOfA(world);
  const statement = await world.db.bankStatement.create({ data: { sha256: `iso-${Math.random()}`, filename: "releve.csv", encoding: "UTF-8" } });
  const line = await world.db.bankStatementLine.create({
    data: { statementId: statement.id, fingerprint: `iso-${Math.random()}`, bookedOn: new Date(), label: `VIR ${number}`, amountCents: 5_000 },
  });
  return { lineId: line.id, duesId };
}

const cotisation = (world: World) => `/espace/organisations/${world.A.id}/cotisation`;

export const DUES_CASES: IsolationCases = {
  "app/espace/organisations/[organizationId]/cotisation/actions.ts#saveBillingDetailsAction": {
    kind: "tenant",
    permission: "dues:pay",
    // The organization comes in the form: members of B send A's id (a forged tenant).
    arrange: async (world) => ({ input: billingOf(world), organizationId: world.A.id }),
  },

  "app/espace/organisations/[organizationId]/cotisation/actions.ts#issueInvoiceAction": {
    kind: "tenant",
    permission: "dues:pay",
    arrange: async (world) => {
      await duesRound(world);
      const { organizationId, ...details } = billingOf(world);
      await world.db.billingDetails.upsert({ where: { organizationId }, create: { organizationId, ...details, addressLine2: null, serviceCode: null, commitmentNumber: null }, update: {} });
      return { input: { organizationId: world.A.id }, organizationId: world.A.id };
    },
  },

  "app/espace/organisations/[organizationId]/cotisation/actions.ts#startCardPaymentAction": {
    kind: "tenant",
    permission: "dues:pay",
    arrange: async (world) => {
      stripeStarted ??= fakeStripe.start();
      await stripeStarted;
      await invoiceOfA(world);
      return { input: { organizationId: world.A.id }, organizationId: world.A.id };
    },
  },

  "app/espace/organisations/[organizationId]/cotisation/facture/[invoiceId]/route.ts#GET": {
    kind: "tenant",
    permission: "dues:read",
    // The tenant is the invoice's organization: B's members name B's id in the path beside A's invoice.
    arrange: async (world) => {
      const { invoiceId } = await invoiceOfA(world);
      return { request: { path: `${cotisation(world)}/facture/${invoiceId}`, params: { organizationId: world.A.id, invoiceId } }, organizationId: world.A.id };
    },
  },

  "app/espace/organisations/[organizationId]/cotisation/acquit/[duesId]/route.ts#GET": {
    kind: "tenant",
    permission: "dues:read",
    arrange: async (world) => {
      const { duesId } = await invoiceOfA(world);
      const dues = await world.db.dues.findUniqueOrThrow({ where: { id: duesId }, select: { status: true } });
      if (dues.status !== "PAID") await recordTransfer(world.db, personOf(world, "TREASURER").grants, { duesId, receivedOn: "2026-04-01", amount: "50", reference: "VIR ISOLATION" });
      return { request: { path: `${cotisation(world)}/acquit/${duesId}`, params: { organizationId: world.A.id, duesId } }, organizationId: world.A.id };
    },
  },

  "app/api/stripe/webhook/route.ts#POST": {
    kind: "public",
    why: "Stripe calls it without a session; only a valid signature on the raw body makes it act, so unsigned requests from anyone change nothing.",
    probes: async (world) => {
      const { duesId } = await invoiceOfA(world);
      const refused = (body: unknown) => {
        if (typeof body !== "object" || body === null || !("outcome" in body) || !String((body as { outcome: string }).outcome).includes("Signature")) {
          throw new Error(`une requête non signée doit être refusée, réponse : ${JSON.stringify(body)}`);
        }
      };
      return [
        {
          label: "unsigned checkout.session.completed",
          request: { path: "/api/stripe/webhook", json: { id: "evt_forged", type: "checkout.session.completed", data: { object: { id: "cs_forged", payment_status: "paid", metadata: { duesId } } } } },
          check: refused,
        },
      ];
    },
  },

  "app/admin/campagnes/[roundId]/cotisations/actions.ts#saveTiersAction": {
    kind: "association",
    permission: "round:manage",
    arrange: async (world) => {
      // A year of its own: other cases keep rounds in 2030–2089 (createRoundAction), 2091
      // (labels), 2094 (progression), 2098–2100 (open, close, carry over). A random 2090–2100
      // here once replaced the 2100 draft by one without questionnaire: openRoundAction's
      // positive control then failed, one run in eleven.
      const year = 2093;
      await world.db.duesTier.deleteMany({ where: { round: { year, status: "DRAFT" } } });
      await world.db.round.deleteMany({ where: { year, status: "DRAFT" } });
      const round = await world.db.round.create({
        data: { year, name: `Campagne ${year}`, status: "DRAFT", opensAt: new Date(`${year}-03-01`), closesAt: new Date(`${year}-12-31`), labelValidUntil: new Date(`${year + 1}-12-31`) },
      });
      return {
        input: {
          roundId: round.id,
          tiers: [
            { territoryKind: "COMMUNE", minPopulation: "0", maxPopulation: "", amount: "60" },
            { territoryKind: "EPCI", minPopulation: "0", maxPopulation: "", amount: "300" },
          ],
        },
        organizationId: world.A.id,
      };
    },
  },

  "app/admin/tresorerie/actions.ts#recordTransferAction": {
    kind: "tenant",
    permission: "dues:record",
    // The tenant is the dues' organization, never a field of the form.
    arrange: async (world) => {
      const { duesId } = await invoiceOfA(world);
      return { input: { duesId, receivedOn: "2026-04-02", amount: "20,00", reference: "VIR DGFIP 123", mandateNumber: "M-42" }, organizationId: world.A.id };
    },
  },

  "app/admin/tresorerie/actions.ts#cancelInvoiceAction": {
    kind: "tenant",
    permission: "dues:record",
    arrange: async (world) => {
      const { invoiceId } = await invoiceOfA(world);
      return { input: { invoiceId, reason: "Raison sociale erronée", reissue: true }, organizationId: world.A.id };
    },
  },

  "app/admin/tresorerie/actions.ts#importStatementAction": {
    kind: "association",
    permission: "dues:record",
    arrange: async (world) => {
      const { number } = await invoiceOfA(world);
      const form = new FormData();
      form.set("file", new File([`Date;Libellé;Montant\n02/04/2026;VIR ${number} ${Math.random()};50,00\n`], "releve.csv", { type: "text/csv" }));
      return { input: form, organizationId: world.A.id };
    },
  },

  "app/admin/tresorerie/actions.ts#confirmBankLineAction": {
    kind: "association",
    permission: "dues:record",
    arrange: async (world) => ({ input: await bankLineForA(world), organizationId: world.A.id }),
  },

  "app/admin/tresorerie/actions.ts#ignoreBankLineAction": {
    kind: "association",
    permission: "dues:record",
    arrange: async (world) => ({ input: { lineId: (await bankLineForA(world)).lineId }, organizationId: world.A.id }),
  },

  "app/admin/tresorerie/export/route.ts#GET": {
    kind: "association",
    permission: "dues:read",
    arrange: async (world) => {
      await invoiceOfA(world);
      return { request: { path: "/admin/tresorerie/export" }, organizationId: world.A.id };
    },
  },
};

export const DUES_PAGE_CASES: Record<string, PageCase> = {
  "/espace/organisations/[organizationId]/cotisation": { kind: "tenant", permission: "dues:read", params: (world) => ({ organizationId: world.A.id }) },
  "/espace/organisations/[organizationId]/cotisation/retour": { kind: "tenant", permission: "dues:read", params: (world) => ({ organizationId: world.A.id }) },
  "/admin/campagnes/[roundId]/cotisations": { kind: "association", permission: "round:manage" },
  "/admin/tresorerie": { kind: "association", permission: "dues:read" },
  "/admin/tresorerie/releves": { kind: "association", permission: "dues:record" },
  "/admin/tresorerie/organisations/[organizationId]": { kind: "association", permission: "dues:read" },
};
