"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { signOutEverywhere } from "@/lib/auth/sessions";
import { getDb } from "@/lib/db/client";
import { runAction } from "@/lib/auth/action";
import { ACTIVE_ORGANIZATION_COOKIE, cookieOptions } from "@/lib/auth/cookies";
import { AccessDeniedError } from "@/lib/auth/errors";
import { organizationIdSchema } from "@/lib/organizations/schemas";

/** Chooses the organization the person acts for (a comfort: checks use each resource's tenant). */
export async function switchOrganizationAction(input: unknown) {
  return runAction(organizationIdSchema, input, async ({ organizationId }, actor) => {
    if (!actor.memberships.some((membership) => membership.organizationId === organizationId)) throw new AccessDeniedError();
    (await cookies()).set(ACTIVE_ORGANIZATION_COOKIE, organizationId, { ...cookieOptions(), maxAge: 365 * 24 * 3600 });
    return { organizationId };
  });
}

export async function signOutEverywhereAction(input: unknown) {
  return runAction(z.object({}), input ?? {}, (_, actor) => signOutEverywhere(getDb(), actor));
}
