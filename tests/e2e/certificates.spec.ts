// The certificate, end to end: the mayor downloads the signed PDF from the organization page; an
// anonymous visitor opens the QR code's address, drops the genuine PDF (« identique ») and a
// modified one (« modifié »); bad input never gives a 500; an administrator revokes and the page
// says « révoqué ». Each test has its own commune with an approved candidacy and a label written
// in the database, and its certificate issued by the application's own code.
import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { signInByEmail } from "./support/auth";
import { expectNoAxeViolation } from "./support/axe";
import { forgetSignInRequests, query, unclaimedCommune } from "./support/db";
import { expect, newPerson, test, uniqueEmail } from "./support/fixtures";
import { snapshot } from "./support/snapshot";
import { APP_URL, DATABASE_URL } from "./support/stack-config";
import { generateSerial } from "@/lib/certificates/serial";

const id = (prefix: string) => `${prefix}-${randomBytes(6).toString("hex")}`;

/** A commune with a mayor, its approved 2026 candidacy, its label and its signed certificate. */
async function labelledCommune() {
  const commune = await unclaimedCommune();
  const organizationId = id("e2e-cert-org");
  const mayor = uniqueEmail("maire");
  await query(`INSERT INTO "Organization" (id, "territoryCode", name, status, "validatedAt", "updatedAt") VALUES ($1, $2, $3, 'ACTIVE', now(), now())`, [organizationId, commune.code, commune.name]);
  const userId = id("e2e-user");
  await query(`INSERT INTO "User" (id, email, name, "updatedAt") VALUES ($1, $2, 'Maire', now())`, [userId, mayor]);
  await query(`INSERT INTO "Membership" (id, "userId", "organizationId", role, title) VALUES ($1, $2, $3, 'MAYOR', 'Maire')`, [id("e2e-membership"), userId, organizationId]);
  const [round] = await query<{ id: string; labelValidUntil: Date }>(`SELECT id, "labelValidUntil" FROM "Round" WHERE year = 2026`);
  const candidacyId = id("e2e-candidacy");
  await query(`INSERT INTO "Candidacy" (id, "organizationId", "roundId", status, revision, "submittedAt", "updatedAt") VALUES ($1, $2, $3, 'APPROVED', 1, now(), now())`, [candidacyId, organizationId, round!.id]);
  const labelId = id("e2e-label");
  await query(`INSERT INTO "Label" (id, "organizationId", "roundId", "candidacyId", "validUntil") VALUES ($1, $2, $3, $4, $5)`, [labelId, organizationId, round!.id, candidacyId, round!.labelValidUntil]);
  const output = execFileSync("npx", ["tsx", "--conditions=react-server", "tests/e2e/support/issue-certificate.ts", labelId], {
    env: { ...process.env, DATABASE_URL, APP_URL },
    encoding: "utf8",
  });
  const { serial, certificateId } = JSON.parse(output.trim().split("\n").at(-1)!) as { serial: string; certificateId: string };
  return { ...commune, organizationId, mayor, serial, certificateId };
}

async function fileOf(name: string, content: Uint8Array | string): Promise<string> {
  const file = path.join(tmpdir(), `${randomBytes(4).toString("hex")}-${name}`);
  await writeFile(file, content);
  return file;
}

test("the mayor downloads the signed certificate; a visitor checks it by its QR address and compares files", async ({ page, browser }, testInfo) => {
  test.setTimeout(120_000);
  const commune = await labelledCommune();

  await signInByEmail(page, commune.mayor, { retour: `/espace/organisations/${commune.organizationId}` });
  await page.goto(`/espace/organisations/${commune.organizationId}`);
  const panel = page.getByRole("region", { name: "Certificat du label" });
  await expect(panel).toContainText(commune.serial);
  await expect(panel).toContainText("Statut : valide.");
  await expectNoAxeViolation(page);
  await panel.screenshot({ path: testInfo.outputPath("panneau-certificat.png") });
  const downloading = page.waitForEvent("download");
  await panel.getByRole("link", { name: `Télécharger le certificat ${commune.serial} (PDF signé)` }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`certificat-${commune.serial}.pdf`);
  const pdf = await readFile((await download.path())!);
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  const [stored] = await query<{ sha256: string }>(`SELECT sha256 FROM "Certificate" WHERE id = $1`, [commune.certificateId]);
  expect(createHash("sha256").update(pdf).digest("hex")).toBe(stored!.sha256);

  // The QR code's address, opened by someone with no account.
  const visitor = await newPerson(browser, "visiteur");
  const qr = `${APP_URL}/verifier/${commune.serial}`;
  await visitor.page.goto(qr);
  await expect(visitor.page.getByRole("heading", { level: 1 })).toHaveText(`Certificat ${commune.serial}`);
  await expect(visitor.page.getByText("Certificat valide")).toBeVisible();
  await expect(visitor.page.getByText(commune.name).first()).toBeVisible();
  await expectNoAxeViolation(visitor.page);

  const input = visitor.page.getByLabel("Fichier PDF du certificat");
  const compare = visitor.page.getByRole("button", { name: "Comparer" });
  await input.setInputFiles(await fileOf("certificat.pdf", pdf));
  await compare.click();
  await expect(visitor.page.getByRole("status")).toContainText("Identique");
  await expectNoAxeViolation(visitor.page);
  await snapshot(visitor.page, testInfo, "verification-identique", [1280, 375]);

  const modified = new Uint8Array(pdf);
  modified[1000] = modified[1000]! ^ 0x01;
  await input.setInputFiles(await fileOf("certificat-modifie.pdf", modified));
  await compare.click();
  await expect(visitor.page.getByRole("status")).toContainText("Modifié");

  await input.setInputFiles(await fileOf("note.pdf", "ceci n'est pas un PDF"));
  await compare.click();
  await expect(visitor.page.getByRole("status")).toContainText("Ce fichier n'est pas un PDF");

  await input.setInputFiles(await fileOf("enorme.pdf", Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(50 * 1024 * 1024)])));
  await compare.click();
  await expect(visitor.page.getByRole("status")).toContainText("dépasse 5 Mo");
  // The route says the same if a script sends it anyway.
  const big = await visitor.page.request.post(`/verifier/${commune.serial}/comparaison`, { data: Buffer.alloc(50 * 1024 * 1024), headers: { "content-type": "application/pdf" } });
  expect(big.status()).toBe(413);
  await visitor.context.close();
});

test("a typo, a 10,000-character serial and an unknown serial get clear words, never a 500", async ({ page }) => {
  const serial = generateSerial(2026);
  const typo = serial.slice(0, -2) + (serial.at(-2) === "7" ? "8" : "7") + serial.at(-1);

  await page.goto("/verifier");
  await expectNoAxeViolation(page);
  await page.getByLabel("Numéro du certificat").fill(typo);
  await page.getByRole("button", { name: "Vérifier" }).click();
  await expect(page.getByText("Ce numéro contient une erreur de frappe")).toBeVisible();
  await expect(page).toHaveURL(/\/verifier$/);
  await expectNoAxeViolation(page);

  for (const address of [`/verifier/${typo}`, `/verifier/${"X".repeat(10_000)}`, `/verifier?numero=${"Y".repeat(10_000)}`]) {
    const response = await page.goto(address);
    expect(response!.status()).toBeLessThan(500);
    await expect(page.getByText(/Ce numéro contient une erreur de frappe|n'a pas la forme d'un numéro/).first()).toBeVisible();
  }
  await expectNoAxeViolation(page);

  const unknown = await page.goto(`/verifier/${serial}`);
  expect(unknown!.status()).toBe(404);
  await expect(page.getByText("Aucun certificat ne porte ce numéro")).toBeVisible();
  await expectNoAxeViolation(page);
  for (const api of [`/api/certificats/${"X".repeat(10_000)}`, `/api/certificats/${typo}`]) {
    const response = await page.request.get(api);
    expect(response.status()).toBe(400);
  }
});

test("an administrator revokes a certificate with a reason; the verification page and the JSON say révoqué", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const commune = await labelledCommune();
  await forgetSignInRequests("admin@demo.ccd.test");
  await signInByEmail(page, "admin@demo.ccd.test", { retour: "/admin/certificats" });
  await page.goto("/admin/certificats");
  await expectNoAxeViolation(page);
  await snapshot(page, testInfo, "admin-certificats");
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: new RegExp(commune.serial) }) });
  await card.getByRole("button", { name: "Révoquer…" }).click();
  await card.getByLabel(`Motif de la révocation du certificat ${commune.serial} (public, envoyé à la commune)`).fill("Cotisation remboursée à la demande de la commune");
  page.once("dialog", (dialog) => dialog.accept());
  await card.getByRole("button", { name: "Révoquer le certificat et retirer le label" }).click();
  await expect(page.getByText("Label retiré : la page de vérification dit « révoqué »")).toBeVisible();

  await page.goto(`/verifier/${commune.serial}`);
  await expect(page.getByText("Certificat révoqué")).toBeVisible();
  await expect(page.getByText(/Révoqué le .* pour le motif : Cotisation remboursée à la demande de la commune/)).toBeVisible();
  await expectNoAxeViolation(page);
  await snapshot(page, testInfo, "verification-revoque");
  const json = await page.request.get(`/api/certificats/${commune.serial}`);
  expect(json.status()).toBe(410);
  expect(await json.json()).toMatchObject({ status: "révoqué", revocationReason: "Cotisation remboursée à la demande de la commune" });
});
