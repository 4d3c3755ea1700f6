import type { ComponentProps } from "react";

/** The page's horizontal frame: one max width and gutter for every section. */
export function Container({ className = "", ...props }: ComponentProps<"div">) {
  return <div className={`mx-auto w-full max-w-6xl px-4 sm:px-6 lg:px-8 ${className}`.trim()} {...props} />;
}
