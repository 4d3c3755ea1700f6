// Drives Prisma's schema engine compiled to WebAssembly, through the pg driver adapter.
// The Prisma CLI downloads a native engine, which this project cannot rely on (offline
// machines); the wasm engine applies the same `prisma/migrations` folder and records
// `_prisma_migrations` exactly as `prisma migrate deploy` does. See docs/decisions/001.
import { readFile, readdir, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { ColumnTypeEnum, bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";

const require = createRequire(import.meta.url);

export const projectRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
export const schemaPath = path.join(projectRoot, "prisma/schema.prisma");
export const migrationsDir = path.join(projectRoot, "prisma/migrations");

type Engine = {
  applyMigrations(input: unknown): Promise<{ appliedMigrationNames: string[] }>;
  markMigrationRolledBack(input: { migrationName: string }): Promise<unknown>;
  diff(input: unknown): Promise<{ exitCode: number; stdout: string | null }>;
  diagnoseMigrationHistory(input: unknown): Promise<unknown>;
  free(): void;
};

type EngineModule = { SchemaEngine: { new: (options: unknown, log: (msg: string) => void, adapter: object) => Promise<Engine> } };

// The bindings module is one per process even when this file is loaded twice (test runners
// load it once per project): the instance and the queue must be one per process too.
const shared = globalThis as unknown as { __ccdSchemaEngine?: Promise<EngineModule>; __ccdSchemaEngineQueue?: Promise<unknown> };

/** The wasm engine reports panics through this global before aborting. */
const panicRegistry = { message: "", set_message(message: string) { this.message = message; if (process.env.DEBUG_SCHEMA_ENGINE) console.error("PANIC:", message); } };
(globalThis as unknown as { PRISMA_WASM_PANIC_REGISTRY: typeof panicRegistry }).PRISMA_WASM_PANIC_REGISTRY = panicRegistry;

/** Instantiates the wasm module once per process. */
function loadEngineModule(): Promise<EngineModule> {
  shared.__ccdSchemaEngine ??= (async () => {
    const bindings = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const wasmPath = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")), "schema_engine_bg.wasm");
    const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), {
      "./schema_engine_bg.js": bindings as unknown as WebAssembly.ModuleImports,
    });
    (bindings as unknown as { __wbg_set_wasm(exports: unknown): void }).__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
    return bindings as unknown as EngineModule;
  })();
  return shared.__ccdSchemaEngine;
}

export async function readSchema() {
  return { files: [{ path: schemaPath, content: await readFile(schemaPath, "utf8") }] };
}

/** The migrations folder in the shape the engine expects. */
export async function readMigrations(dir = migrationsDir) {
  const entries = await readdir(dir).catch(() => [] as string[]);
  const migrationDirectories = [];
  for (const name of entries.sort((a, b) => a.localeCompare(b))) {
    if (!(await stat(path.join(dir, name))).isDirectory()) continue;
    const content = await readFile(path.join(dir, name, "migration.sql"), "utf8").then(
      (value) => ({ tag: "ok" as const, value }),
      (error: Error) => ({ tag: "error" as const, value: error.message }),
    );
    // Same shape as the Prisma CLI builds: the directory name is the migration name.
    migrationDirectories.push({ path: name, migrationFile: { path: "migration.sql", content } });
  }
  const lockPath = path.join(dir, "migration_lock.toml");
  const lockContent = await readFile(lockPath, "utf8").catch(() => null);
  return {
    baseDir: dir,
    lockfile: { path: lockPath, content: lockContent },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

type EngineAdapter = {
  client: pg.Pool;
  executeScript(script: string): Promise<void>;
  onError(error: unknown): never;
  performIO(query: unknown): Promise<{ fields: { dataTypeID: number }[] }>;
  queryRaw(query: unknown): Promise<{ columnTypes: number[] }>;
};

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

/**
 * Two gaps between the pg adapter and the schema engine, closed here:
 * - the adapter runs a migration script by splitting it on ";" and sending each piece on its
 *   own, so a failure halfway leaves half a migration behind, and a ";" inside a comment or a
 *   string breaks the script. The native engine sends the script whole, which PostgreSQL runs
 *   as one implicit transaction: we do the same;
 * - the engine reads catalog columns of type "char" (pg_constraint.contype...), which the
 *   adapter does not map: we hand them over as the Character type the engine expects.
 */
class EnginePg extends PrismaPg {
  private readonly opened: { dispose(): Promise<void> }[] = [];
  override async connect() {
    return this.track(adaptForSchemaEngine(await super.connect()));
  }
  override async connectToShadowDb() {
    return this.track(adaptForSchemaEngine(await super.connectToShadowDb()));
  }
  /** Freeing the engine does not close its connections: we do. */
  async closeAll() {
    await Promise.allSettled(this.opened.splice(0).map((adapter) => adapter.dispose()));
  }
  private track<T extends { dispose(): Promise<void> }>(adapter: T): T {
    this.opened.push(adapter);
    return adapter;
  }
}

function adaptForSchemaEngine<T extends object>(adapter: T): T {
  const target = adapter as unknown as EngineAdapter;
  const performIO = target.performIO.bind(target);
  const queryRaw = target.queryRaw.bind(target);
  // The engine awaits each query before the next on its single connection.
  let charColumns: number[] = [];
  target.performIO = async (query) => {
    const result = await performIO(query);
    charColumns = [];
    result.fields.forEach((field, index) => {
      if (field.dataTypeID === PG_CHAR_OID) {
        field.dataTypeID = PG_TEXT_OID;
        charColumns.push(index);
      }
    });
    return result;
  };
  target.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const index of charColumns) result.columnTypes[index] = ColumnTypeEnum.Character;
    return result;
  };
  target.executeScript = async (script: string) => {
    try {
      await target.client.query(script);
    } catch (error) {
      target.onError(error);
    }
  };
  return adapter;
}

const noFilter = { externalTables: [], externalEnums: [] };

// One engine at a time per process: they share the wasm module's memory.

/** Runs `work` with an engine connected to `connectionString`, and frees it afterwards. */
export function withSchemaEngine<T>(connectionString: string, work: (engine: Engine) => Promise<T>): Promise<T> {
  const run = (shared.__ccdSchemaEngineQueue ?? Promise.resolve()).then(() => runWithEngine(connectionString, work));
  shared.__ccdSchemaEngineQueue = run.catch(() => undefined);
  return run;
}

async function runWithEngine<T>(connectionString: string, work: (engine: Engine) => Promise<T>): Promise<T> {
  const { SchemaEngine } = await loadEngineModule();
  const schema = await readSchema();
  const pgFactory = new EnginePg({ connectionString, max: 1 });
  const factory = bindMigrationAwareSqlAdapterFactory(pgFactory);
  const logs: string[] = [];
  const engine = await SchemaEngine.new(
    { datamodels: schema.files.map((file) => [file.path, file.content]) },
    (message: string) => logs.push(message),
    factory,
  );
  try {
    return await work(engine);
  } finally {
    engine.free();
    await pgFactory.closeAll();
  }
}

export class MigrationFailedError extends Error {
  constructor(
    readonly migrationName: string | undefined,
    readonly cause: unknown,
  ) {
    super(
      `La migration ${migrationName ?? "(inconnue)"} a échoué et a été annulée : la base est restée dans son état précédent. ` +
        `Corrigez le fichier migration.sql puis relancez \`npm run db:migrate\`.\n` +
        `Détail : ${cause instanceof Error ? cause.message : String(cause)}`,
    );
    this.name = "MigrationFailedError";
  }
}

/**
 * Applies pending migrations; returns the names applied. Same effect as `prisma migrate deploy`.
 * Each migration script runs as one implicit transaction on PostgreSQL, so a failing one changes
 * nothing; we then mark it rolled back (as `prisma migrate resolve --rolled-back` would) so that
 * the corrected migration can be applied by the next run.
 */
export async function applyMigrations(connectionString: string, dir = migrationsDir): Promise<string[]> {
  const migrationsList = await readMigrations(dir);
  return withSchemaEngine(connectionString, async (engine) => {
    try {
      const result = await engine.applyMigrations({ migrationsList, filters: noFilter });
      return result.appliedMigrationNames;
    } catch (error) {
      const failed = await unfinishedMigrations(connectionString);
      for (const migrationName of failed) await engine.markMigrationRolledBack({ migrationName });
      throw new MigrationFailedError(failed[0], error);
    }
  });
}

async function unfinishedMigrations(connectionString: string): Promise<string[]> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const { rows } = await client.query<{ migration_name: string }>(
      `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NULL AND rolled_back_at IS NULL ORDER BY started_at`,
    );
    return rows.map((row) => row.migration_name);
  } catch {
    return [];
  } finally {
    await client.end();
  }
}

/** SQL that would bring the live database to what schema.prisma describes (see `meaningfulSql`). */
export async function diffDatabaseToSchema(connectionString: string): Promise<string> {
  const schema = await readSchema();
  return withSchemaEngine(connectionString, async (engine) => {
    const result = await engine.diff({
      // "schemaDatasource" is the live database the engine is connected to.
      from: { tag: "schemaDatasource", ...schema, configDir: projectRoot },
      to: { tag: "schemaDatamodel", ...schema },
      script: true,
      exitCode: null,
      filters: noFilter,
    });
    return (result.stdout ?? "").trim();
  });
}

/** SQL that creates schema.prisma on an empty database. */
export async function diffEmptyToSchema(connectionString: string): Promise<string> {
  const schema = await readSchema();
  return withSchemaEngine(connectionString, async (engine) => {
    const result = await engine.diff({
      from: { tag: "empty" },
      to: { tag: "schemaDatamodel", ...schema },
      script: true,
      exitCode: null,
      filters: noFilter,
    });
    return result.stdout ?? "";
  });
}

/** The statements of a script without comments: "" when the engine had nothing to do. */
export function meaningfulSql(sql: string): string {
  const meaningful = sql
    .split("\n")
    .filter((line) => line.trim() !== "" && !line.trim().startsWith("--"))
    .join("\n");
  return meaningful.trim();
}
