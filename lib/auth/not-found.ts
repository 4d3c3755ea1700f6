import "server-only";
import { notFound } from "next/navigation";
import { AccessDeniedError } from "./errors";

/**
 * For pages: a refusal looks exactly like a missing page, so nobody learns whether another
 * organization's resource exists.
 */
export async function orNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof AccessDeniedError) notFound();
    throw error;
  }
}
