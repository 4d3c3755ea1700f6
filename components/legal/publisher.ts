// Who publishes the platform. One place for the association's details quoted on the legal
// pages; fields left null are rendered as "published at launch" rather than invented.
export const publisher = {
  name: "Association des Communes Cyber Dynamiques (ACCD)",
  legalForm: "association régie par la loi du 1er juillet 1901",
  /** Registered office, as in the statutes filed at the préfecture. */
  address: null as string | null,
  /** RNA number (répertoire national des associations). */
  rna: null as string | null,
  publicationDirector: "la présidente ou le président de l’association",
  /** One mailbox for questions, accessibility problems and personal-data requests. */
  contactEmail: null as string | null,
  host: null as { name: string; address: string } | null,
};
