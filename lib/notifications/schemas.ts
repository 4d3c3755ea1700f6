import { z } from "zod";

export const OUTBOX_STATUS_FILTERS = ["ALL", "PENDING", "FAILED", "SENT", "SKIPPED"] as const;

export const retryMessageSchema = z.object({ messageId: z.string().min(1).max(100) });

export const remindersPreferenceSchema = z.object({
  // A checkbox sends "on" when ticked and nothing otherwise; the page also sends "true"/"false".
  remindersEnabled: z
    .union([z.literal("on"), z.literal("true"), z.literal("false"), z.boolean()])
    .optional()
    .transform((value) => value === "on" || value === "true" || value === true),
});
