/** Refusal of an action: the same words whether the resource exists or not. */
export class AccessDeniedError extends Error {
  constructor(message = "Vous n'avez pas accès à cette ressource, ou elle n'existe pas.") {
    super(message);
    this.name = "AccessDeniedError";
  }
}

export class NotSignedInError extends Error {
  constructor() {
    super("Votre session a expiré : reconnectez-vous pour continuer.");
    this.name = "NotSignedInError";
  }
}

/** A rule of the domain the request breaks: its message is shown to the person as is. */
export class DomainError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "DomainError";
  }
}
