import type { ComponentProps } from "react";

export function Card({ className = "", ...props }: ComponentProps<"div">) {
  return <div className={`rounded-lg border border-line bg-white p-5 sm:p-6 ${className}`.trim()} {...props} />;
}
