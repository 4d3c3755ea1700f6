// What every sign-in test needs: addresses no earlier run used, and its own client IP.
//
// The e2e database survives runs and the sign-in limits count per address (5) and per IP (30)
// over 15 minutes. Every address is unique to the run, and every browser context announces its
// own client address through X-Forwarded-For (believed as one trusted proxy hop: the stack
// starts the application with TRUSTED_PROXY_HOPS=1, see lib/http/client-address.ts), so a
// run never trips a limit it does not mean to test, however often it is repeated.
import { randomBytes, randomInt } from "node:crypto";
import { test as base, expect, type Browser, type BrowserContext, type Page } from "@playwright/test";

/** An address on a reserved domain (.test never receives mail) that no other run or test uses. */
export function uniqueEmail(label: string): string {
  return `${label}.${Date.now().toString(36)}${randomBytes(3).toString("hex")}@e2e.ccd.test`;
}

export function randomClientIp(): string {
  return `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
}

export type Person = { context: BrowserContext; page: Page; email: string };

/** A second (third…) person in the same test: own browser context, own cookies, own client IP. */
export async function newPerson(browser: Browser, label: string): Promise<Person> {
  const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": randomClientIp() } });
  return { context, page: await context.newPage(), email: uniqueEmail(label) };
}

export const test = base.extend({
  extraHTTPHeaders: async ({}, use) => {
    await use({ "X-Forwarded-For": randomClientIp() });
  },
});

export { expect };
