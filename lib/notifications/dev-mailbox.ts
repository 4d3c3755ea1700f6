import type { Db } from "@/lib/db/create-client";

export type MessagePart = { kind: "text" | "link"; value: string };

/**
 * Splits a plain-text e-mail into text and links, so links can be clicked without raw HTML. A
 * link never ends on the punctuation of the sentence around it (« …/verifier/CCD-…, valable… »).
 */
export function splitLinks(text: string): MessagePart[] {
  const parts: MessagePart[] = [];
  let last = 0;
  for (const match of text.matchAll(/https?:\/\/[^\s<>"]*[^\s<>".,;:!?)»]/g)) {
    if (match.index > last) parts.push({ kind: "text", value: text.slice(last, match.index) });
    parts.push({ kind: "link", value: match[0] });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ kind: "text", value: text.slice(last) });
  return parts;
}

/** The latest messages; in a public demonstration only those to the demo's .test addresses. */
export async function listDevMailbox(db: Db, limit = 50, { onlyDemoAddresses = false }: { onlyDemoAddresses?: boolean } = {}) {
  const messages = await db.devMailboxMessage.findMany({
    where: onlyDemoAddresses ? { to: { endsWith: ".test", mode: "insensitive" } } : {},
    orderBy: { createdAt: "desc" },
    take: limit,
  });
  return messages.map((message) => ({ ...message, parts: splitLinks(message.text) }));
}
