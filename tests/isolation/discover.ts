// Finds every endpoint of the application by reading the source tree, so a new one cannot be
// forgotten: each exported function of a "use server" file (a server action: a public POST
// endpoint) and each HTTP method exported by a route handler (app/**/route.ts).
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Where "use server" files may live (Next accepts them anywhere); routes live under app/. */
const SOURCE_FOLDERS = ["app", "components", "lib"];
const SKIPPED_FOLDERS = new Set(["node_modules", "generated", ".next"]);
const SOURCE_FILE = /\.(ts|tsx|js|jsx|mjs)$/;
// Next accepts route.tsx and route.jsx too (issue 9: they were not found).
const ROUTE_FILE = /^route\.(ts|tsx|js|jsx|mjs)$/;
export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

export type Endpoint = {
  /** "app/espace/actions.ts#switchOrganizationAction", "app/api/territories/route.ts#GET". */
  id: string;
  file: string;
  name: string;
  type: "action" | "route";
  handler: (...args: unknown[]) => Promise<unknown>;
};

async function sourceFiles(folder: string): Promise<string[]> {
  const entries = await readdir(path.join(ROOT, folder), { withFileTypes: true }).catch(() => []);
  const files: string[] = [];
  for (const entry of entries) {
    const relative = path.posix.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) files.push(...(await sourceFiles(relative)));
    } else if (SOURCE_FILE.test(entry.name) && !/\.(test|spec)\.|\.d\.ts$/.test(entry.name)) {
      files.push(relative);
    }
  }
  return files;
}

/** The source without its leading comments and blank lines. */
function withoutPreamble(source: string): string {
  let rest = source.replace(/^\uFEFF/, "");
  for (;;) {
    const trimmed = rest.trimStart();
    if (trimmed.startsWith("//")) rest = trimmed.slice(trimmed.indexOf("\n") + 1 || trimmed.length);
    else if (trimmed.startsWith("/*")) rest = trimmed.slice(trimmed.indexOf("*/") + 2);
    else return trimmed;
  }
}

const DIRECTIVE = /^(["'])use server\1\s*;?/;
// Anywhere, not only alone on its line: `async function f() { "use server"; … }` is an action
// too (issue 9: one written on the same line as code was not counted).
const DIRECTIVE_ANYWHERE = /(["'])use server\1/g;

/** True when the file's first statement is the "use server" directive. */
export function isServerActionFile(source: string): boolean {
  return DIRECTIVE.test(withoutPreamble(source));
}

/** "use server" directives inside functions: actions the suite cannot enumerate. */
export function inlineDirectiveCount(source: string): number {
  const all = source.match(DIRECTIVE_ANYWHERE)?.length ?? 0;
  return isServerActionFile(source) ? all - 1 : all;
}

export type SourceScan = { actionFiles: string[]; routeFiles: string[]; inlineDirectives: string[] };

export async function scanSources(): Promise<SourceScan> {
  const scan: SourceScan = { actionFiles: [], routeFiles: [], inlineDirectives: [] };
  for (const folder of SOURCE_FOLDERS) {
    for (const file of await sourceFiles(folder)) {
      const source = await readFile(path.join(ROOT, file), "utf8");
      if (isServerActionFile(source)) scan.actionFiles.push(file);
      if (inlineDirectiveCount(source) > 0) scan.inlineDirectives.push(file);
      if (folder === "app" && ROUTE_FILE.test(path.posix.basename(file))) scan.routeFiles.push(file);
    }
  }
  return scan;
}

/** Imports every action file and route handler and lists their endpoints. */
export async function discoverEndpoints(scan: SourceScan): Promise<Endpoint[]> {
  const endpoints: Endpoint[] = [];
  const load = async (file: string) => (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
  for (const file of scan.actionFiles) {
    for (const [name, value] of Object.entries(await load(file))) {
      if (typeof value === "function") endpoints.push({ id: `${file}#${name}`, file, name, type: "action", handler: value as Endpoint["handler"] });
    }
  }
  for (const file of scan.routeFiles) {
    const module = await load(file);
    for (const name of HTTP_METHODS) {
      const value = module[name];
      if (typeof value === "function") endpoints.push({ id: `${file}#${name}`, file, name, type: "route", handler: value as Endpoint["handler"] });
    }
  }
  return endpoints.sort((a, b) => a.id.localeCompare(b.id));
}
