// The one layout every e-mail shares: the body the template wrote, then who sends it, why the
// person receives it, and (for reminders) how to stop them. A plain-text part and a simple HTML
// part with the same words. Only links to the application's own address become links.
import type { EmailCategory, RenderedEmail } from "./templates";

export const ASSOCIATION_NAME = "Association des Communes Cyber Dynamiques";
export const PLATFORM_NAME = "Label Commune Cyber Dynamique";
export const PREFERENCES_PATH = "/espace/preferences";

export type LayoutInput = {
  rendered: RenderedEmail;
  category: EmailCategory;
  appUrl: string;
  /** The organization the message is about, named at the foot. */
  organizationName?: string | null;
};

export type LaidOutEmail = {
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
};

const DEFAULT_REASONS: Record<EmailCategory, string> = {
  reminder: "Vous recevez ce rappel parce que votre adresse est indiquée comme contact d'une collectivité candidate au label.",
  notice: "Vous recevez ce message parce qu'une action sur la plateforme du label vous concerne.",
  decision: "Vous recevez ce message parce qu'il vous informe d'une décision qui vous concerne ; ce type de message est toujours envoyé.",
  document: "Vous recevez ce message parce qu'il contient un document officiel qui vous concerne ; ce type de message est toujours envoyé.",
};

function escapeHtml(value: string): string {
  return value.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&#39;");
}

/** True when `url` points into the application (same origin as APP_URL). */
export function isAppLink(url: string, appUrl: string): boolean {
  try {
    return new URL(url).origin === new URL(appUrl).origin;
  } catch {
    return false;
  }
}

/** One line of text as HTML, links of the application clickable, any other address left as words. */
function lineToHtml(line: string, appUrl: string): string {
  let html = "";
  let last = 0;
  for (const match of line.matchAll(/https?:\/\/[^\s<>"]+/g)) {
    html += escapeHtml(line.slice(last, match.index));
    const url = match[0];
    html += isAppLink(url, appUrl) ? `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>` : escapeHtml(url);
    last = match.index + url.length;
  }
  return html + escapeHtml(line.slice(last));
}

function paragraphsToHtml(text: string, appUrl: string): string {
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((paragraph) => `<p style="margin:0 0 16px">${paragraph.split("\n").map((line) => lineToHtml(line, appUrl)).join("<br>")}</p>`)
    .join("\n");
}

export function preferencesUrl(appUrl: string): string {
  return `${appUrl.replace(/\/$/, "")}${PREFERENCES_PATH}`;
}

export function renderLayout({ rendered, category, appUrl, organizationName }: LayoutInput): LaidOutEmail {
  const base = appUrl.replace(/\/$/, "");
  const subject = rendered.subject.replace(/\s+/g, " ").trim();
  const body = rendered.text.replace(/\r\n/g, "\n").trim();
  const footer: string[] = [rendered.reason ?? DEFAULT_REASONS[category]];
  if (organizationName) footer.push(`Ce message concerne : ${organizationName}.`);
  if (category === "reminder") footer.push(`Pour ne plus recevoir de rappels, réglez vos préférences : ${preferencesUrl(base)}`);
  footer.push(`${ASSOCIATION_NAME} — ${PLATFORM_NAME} — ${base}`);

  const text = `${body}\n\n-- \n${footer.join("\n")}\n`;
  const html = [
    "<!doctype html>",
    `<html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="margin:0;padding:24px;background:#f6f6f6;font-family:Arial,Helvetica,sans-serif;color:#1e1e1e;font-size:16px;line-height:1.5">',
    '<div style="max-width:600px;margin:0 auto;background:#ffffff;padding:24px;border-top:4px solid #000091">',
    `<p style="margin:0 0 24px;font-weight:bold">${escapeHtml(ASSOCIATION_NAME)}<br><span style="font-weight:normal">${escapeHtml(PLATFORM_NAME)}</span></p>`,
    paragraphsToHtml(body, base),
    '<hr style="border:none;border-top:1px solid #ddd;margin:24px 0">',
    `<p style="margin:0;font-size:14px;color:#555">${footer.map((line) => lineToHtml(line, base)).join("<br>")}</p>`,
    "</div></body></html>",
  ].join("\n");

  const headers: Record<string, string> = {};
  if (category === "reminder") {
    headers["List-Unsubscribe"] = `<${preferencesUrl(base)}>`;
  }
  return { subject, text, html, headers };
}
