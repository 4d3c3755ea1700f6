/** First focusable element of every page (RGAA 12.7): hidden until it receives focus. */
export function SkipLink() {
  return (
    <a
      href="#contenu"
      className="sr-only z-50 rounded-md bg-brand-900 px-4 py-3 font-semibold text-white focus:not-sr-only focus:absolute focus:left-4 focus:top-4"
      style={{ ["--focus-ring" as string]: "#ffffff" }}
    >
      Aller au contenu principal
    </a>
  );
}
