/** Directory name of a new migration, as Prisma names them: UTC timestamp then a slug. */
export function migrationDirectoryName(name: string, now = new Date()): string {
  const slug = name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "");
  if (!slug) throw new Error("Donnez un nom à la migration : npm run db:migration -- ajout_des_trophees");
  const stamp = now.toISOString().replace(/[-:T]/g, "").slice(0, 14);
  return `${stamp}_${slug}`;
}
