import type { ReactNode } from "react";

type Tone = "info" | "success" | "danger";

const tones: Record<Tone, string> = {
  info: "border-brand-700 bg-info-50",
  success: "border-success-700 bg-success-50",
  danger: "border-danger-700 bg-danger-50",
};

/** A short boxed message with a coloured left edge; the colour is never the only signal. */
export function Notice({ tone = "info", title, children }: { tone?: Tone; title?: ReactNode; children: ReactNode }) {
  return (
    <div className={`border-l-4 px-4 py-3 ${tones[tone]}`}>
      {title ? <p className="font-semibold text-ink">{title}</p> : null}
      <div className={title ? "mt-1" : undefined}>{children}</div>
    </div>
  );
}
