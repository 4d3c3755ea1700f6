import { publisher } from "./publisher";

/** How to write to the association; says so plainly while the address is not yet set. */
export function ContactLine({ subject }: { subject?: string }) {
  if (publisher.contactEmail) {
    const href = `mailto:${publisher.contactEmail}${subject ? `?subject=${encodeURIComponent(subject)}` : ""}`;
    return (
      <>
        par courriel à <a href={href}>{publisher.contactEmail}</a>
      </>
    );
  }
  return <>à l’adresse de contact de l’association, qui sera indiquée ici à la mise en service de la plateforme</>;
}
