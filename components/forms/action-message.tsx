import { Notice } from "@/components/ui/notice";
import type { ClientActionResult } from "./use-action";

/** The outcome of an action, read out by screen readers (alert for errors, status otherwise). */
export function ActionMessage({ result, success }: { result: ClientActionResult | null; success?: string }) {
  if (!result) return null;
  if (!result.ok) {
    return (
      <div role="alert">
        <Notice tone="danger">{result.message}</Notice>
      </div>
    );
  }
  const text = result.message ?? success;
  if (!text) return null;
  return (
    <div role="status">
      <Notice tone="success">{text}</Notice>
    </div>
  );
}
