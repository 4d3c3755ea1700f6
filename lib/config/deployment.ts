// The one place deciding what kind of instance this is, and so what it may expose. Fails
// closed: an instance reachable at a public address (APP_URL not a loopback address) never
// serves the development mailbox nor seeds the demo accounts — an administrator among them —
// unless it is declared a public demonstration (APP_ENV=demo), in which case every page says
// so and the mailbox shows only messages to the demo's reserved .test addresses.
//
//   local       a developer's machine: APP_URL on localhost / 127.0.0.1 / ::1
//   demo        a public demonstration: banner on every page, mailbox limited to .test
//   production  the real service: SMTP, no mailbox, no demo data
import { EnvError, env, type Env } from "./env";

export type DeploymentMode = "local" | "demo" | "production";

export type Deployment = {
  mode: DeploymentMode;
  /** APP_URL is not a loopback address: people other than the developer can reach it. */
  publicAddress: boolean;
  /** /dev/boite-mail exists and e-mails land there (no SMTP_URL). */
  devMailbox: boolean;
  /** Demo round and accounts may be created (npm start on an empty base, npm run db:seed). */
  demoSeeding: boolean;
  /** The « Démonstration » banner on every page. */
  demoBanner: boolean;
};

export function isLoopbackUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  if (host === "[::1]") return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** The demo's people use reserved .test addresses (RFC 2606): no real mailbox has one. */
export function isDemoAddress(email: string): boolean {
  const domain = email.trim().toLowerCase().split("@")[1] ?? "";
  return domain === "test" || domain.endsWith(".test");
}

/** What is wrong with this combination of variables, one French line per variable. */
export function deploymentProblems(config: Env): string[] {
  const problems: string[] = [];
  const mode = config.APP_ENV;
  if (mode === "production" && config.SEED_DEMO === true) {
    problems.push(
      "la variable SEED_DEMO ne peut pas valoir true quand APP_ENV=production : les comptes de démonstration (dont un administrateur) n'ont pas leur place sur le service réel",
    );
  }
  if (mode === "local" && !isLoopbackUrl(config.APP_URL)) {
    if (!config.SMTP_URL) {
      problems.push(
        `la variable APP_ENV vaut local alors que APP_URL (${config.APP_URL}) n'est pas une adresse de cette machine : sans SMTP_URL, la boîte mail de développement montrerait à tous les liens de connexion. ` +
          "Définissez SMTP_URL (et APP_ENV=production pour le service réel), ou APP_ENV=demo pour une démonstration publique",
      );
    }
    if (config.SEED_DEMO === true) {
      problems.push(
        `la variable SEED_DEMO ne peut valoir true sur une adresse publique (APP_URL ${config.APP_URL}) que pour une démonstration déclarée : APP_ENV=demo`,
      );
    }
  }
  return problems;
}

/** The deployment a set of variables describes; an EnvError when they contradict the rule. */
export function deploymentOf(config: Env): Deployment {
  const problems = deploymentProblems(config);
  if (problems.length > 0) throw new EnvError(problems);
  const mode: DeploymentMode = config.APP_ENV;
  const publicAddress = !isLoopbackUrl(config.APP_URL);
  const mayShowDemo = mode === "demo" || (mode === "local" && !publicAddress);
  return {
    mode,
    publicAddress,
    devMailbox: mayShowDemo && !config.SMTP_URL,
    demoSeeding: mayShowDemo && config.SEED_DEMO !== false,
    demoBanner: mode === "demo",
  };
}

let cached: Deployment | undefined;

/** This process's deployment (throws, naming the variables, when they are contradictory). */
export function deployment(): Deployment {
  cached ??= deploymentOf(env());
  return cached;
}

export function devMailboxEnabled(): boolean {
  return deployment().devMailbox;
}

export function shouldSeedDemo(config?: Env): boolean {
  return (config ? deploymentOf(config) : deployment()).demoSeeding;
}

/** Which messages /dev/boite-mail may show: in a public demonstration, the demo's own only. */
export function devMailboxShows(to: string, current: Deployment = deployment()): boolean {
  if (!current.devMailbox) return false;
  return current.mode !== "demo" || isDemoAddress(to);
}
