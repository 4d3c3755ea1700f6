import type { Metadata, Viewport } from "next";
import localFont from "next/font/local";
import type { ReactNode } from "react";
import { DemoBanner } from "@/components/layout/demo-banner";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { SkipLink } from "@/components/layout/skip-link";
import "./globals.css";

// Geist, cut down to the characters of French text (app/fonts/README.md): half the bytes.
const geistSans = localFont({
  src: "./fonts/geist-sans-latin.woff2",
  variable: "--font-geist-sans",
  weight: "100 900",
  display: "swap",
});

export const metadata: Metadata = {
  title: {
    default: "Label Commune Cyber Dynamique",
    template: "%s – Label Commune Cyber Dynamique",
  },
  description:
    "Le label annuel de l’Association des Communes Cyber Dynamiques pour les communes et intercommunalités qui s’engagent pour leur cybersécurité.",
  applicationName: "Label Commune Cyber Dynamique",
};

export const viewport: Viewport = {
  themeColor: "#1f3f8a",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="fr" className={geistSans.variable}>
      <body className="flex min-h-screen flex-col">
        <SkipLink />
        <DemoBanner />
        <SiteHeader />
        {/* tabIndex -1 lets the skip link move keyboard focus here, not only the scroll position. */}
        <main id="contenu" tabIndex={-1} className="flex-1 focus:outline-none">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
