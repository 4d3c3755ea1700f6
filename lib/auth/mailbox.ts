// One person's mailbox, whatever spelling reaches it: budgets and person-based rules compare
// this, not the address as typed. "Maire+X@Mairie.fr " and "maire@mairie.fr" are one mailbox
// (sub-addressing: most providers deliver "local+tag@" to "local@").

export function mailboxKey(email: string): string {
  const address = email.trim().toLowerCase();
  const at = address.lastIndexOf("@");
  if (at <= 0) return address;
  const local = address.slice(0, at);
  const plus = local.indexOf("+");
  return `${plus > 0 ? local.slice(0, plus) : local}${address.slice(at)}`;
}

export function sameMailbox(a: string, b: string): boolean {
  return mailboxKey(a) === mailboxKey(b);
}
