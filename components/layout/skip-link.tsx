/** First focusable element of every page (RGAA 12.7): hidden until it receives focus. */
export function SkipLink() {
  return (
    <a
      href="#contenu"
      className="sr-only z-50 rounded-md bg-brand-900 font-semibold text-white no-underline focus:not-sr-only focus:absolute focus:left-4 focus:top-3 focus:px-5 focus:py-3"
    >
      Aller au contenu principal
    </a>
  );
}
