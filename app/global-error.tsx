"use client";

// Replaces the root layout when the layout itself fails: no shared styles or components are
// guaranteed here, so the page is self-contained with inline styles.
export default function GlobalError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="fr">
      <body style={{ margin: 0, fontFamily: "system-ui, sans-serif", color: "#161616", lineHeight: 1.6 }}>
        <title>Une erreur est survenue – Label Commune Cyber Dynamique</title>
        <main style={{ maxWidth: "40rem", margin: "0 auto", padding: "4rem 1.5rem" }}>
          <p style={{ fontWeight: 700, color: "#0f2150" }}>Label Commune Cyber Dynamique</p>
          <h1 style={{ color: "#0f2150", fontSize: "2rem", lineHeight: 1.25 }}>Une erreur est survenue</h1>
          <p style={{ fontSize: "1.125rem" }}>
            La plateforme n’a pas pu s’afficher. Ce n’est pas de votre fait. Réessayez dans quelques instants ; si le
            problème continue, revenez plus tard.
          </p>
          <p style={{ display: "flex", gap: "1rem", flexWrap: "wrap", marginTop: "2rem" }}>
            <button
              type="button"
              onClick={() => retry()}
              style={{
                background: "#1f3f8a",
                color: "#fff",
                border: 0,
                borderRadius: 6,
                padding: "0.75rem 1.25rem",
                fontSize: "1rem",
                fontWeight: 600,
                cursor: "pointer",
              }}
            >
              Réessayer
            </button>
            {/* A full reload on purpose: the client router may be what failed. */}
            <a href="/" style={{ color: "#1f3f8a", padding: "0.75rem 0", fontWeight: 600 }}>
              Revenir à l’accueil
            </a>
          </p>
        </main>
      </body>
    </html>
  );
}
