/** The product's mark: a shield with a check. Decorative next to the product name. */
export function LabelMark({ className = "h-10 w-10" }: { className?: string }) {
  return (
    <svg viewBox="0 0 40 40" className={className} aria-hidden="true" focusable="false">
      <path
        d="M20 2.5 5 8v11.2c0 9.3 6.3 16.4 15 18.8 8.7-2.4 15-9.5 15-18.8V8L20 2.5Z"
        fill="#1f3f8a"
      />
      <path d="M20 6.6 8.6 10.8v8.4c0 7.2 4.7 12.8 11.4 15v-27.6Z" fill="#2a4fa3" />
      <path d="m13.5 20.2 4.6 4.6 8.6-9.4" fill="none" stroke="#ffffff" strokeWidth="3.2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
