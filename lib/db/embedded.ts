// The embedded PostgreSQL: PGlite (PostgreSQL compiled to WebAssembly) served over the
// Postgres wire protocol, so the application and Prisma talk to it exactly as to a server.
import { mkdir } from "node:fs/promises";
import net from "node:net";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export type EmbeddedPostgres = {
  url: string;
  port: number;
  db: PGlite;
  stop(): Promise<void>;
};

export type EmbeddedOptions = {
  /** Folder holding the data; omitted = in memory. */
  dataDir?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Socket connections accepted at once (queries still run one at a time). */
  maxConnections?: number;
  /** Start from a data dump made by `dumpDataDir` (tests). */
  loadDataDir?: Blob | File;
};

export class EmbeddedPortBusyError extends Error {
  constructor(readonly port: number) {
    super(
      `Le port ${port} de la base embarquée est déjà utilisé : l'application tourne peut-être déjà. ` +
        `Arrêtez-la, ou choisissez un autre port avec EMBEDDED_DB_PORT.`,
    );
  }
}

function portIsFree(port: number): Promise<boolean> {
  if (port === 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

export async function startEmbeddedPostgres(options: EmbeddedOptions = {}): Promise<EmbeddedPostgres> {
  const port = options.port ?? 0;
  // Two processes on one data folder would corrupt it: the busy port is our lock.
  if (!(await portIsFree(port))) throw new EmbeddedPortBusyError(port);
  if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
  const db = await PGlite.create({ dataDir: options.dataDir, loadDataDir: options.loadDataDir });
  const server = new PGLiteSocketServer({
    db,
    port,
    host: "127.0.0.1",
    maxConnections: options.maxConnections ?? 50,
  });
  await server.start();
  const actualPort = Number(server.getServerConn().split(":").pop());
  return {
    url: `postgresql://postgres@127.0.0.1:${actualPort}/postgres`,
    port: actualPort,
    db,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
