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

/** What the socket server's query queue exposes (pglite-socket 0.2.x keeps it private). */
type QueryQueue = {
  queue: { handlerId: number; message: Uint8Array; resolve(bytes: number): void; reject(error: unknown): void; onData(data: Uint8Array): void }[];
  processing: boolean;
  lastHandlerId: number | null;
  db: PGlite;
  processQueue(): Promise<void>;
  clearTransactionIfNeeded(handlerId: number): Promise<void>;
};

// Messages after which a connection has no statement half-way: Sync ends an extended-protocol
// sequence, Query is a whole simple query, Terminate closes, 0 starts a connection.
const SEQUENCE_ENDS = new Set([0x53, 0x51, 0x58, 0x00]);

/**
 * pglite-socket runs every connection's messages on PGlite's single backend, one message at a
 * time, keeping to one connection only while it is inside a transaction. A connection between
 * Parse and Sync is not inside one: another connection's BEGIN or Parse then ran in between and
 * replaced its unnamed statement ("bind message supplies 3 parameters, but prepared statement
 * requires 2", or a query answering no row; electric-sql/pglite#1046). The queue below also
 * keeps to a connection until its sequence ends, and never stays stuck after an error or when
 * the connection goes away.
 */
function keepSequencesTogether(queryQueue: QueryQueue) {
  let midSequence = false;
  queryQueue.processQueue = async function processQueue(this: QueryQueue) {
    if (this.processing || this.queue.length === 0) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const sticky = this.lastHandlerId !== null && (midSequence || this.db.isInTransaction());
        const index = sticky ? this.queue.findIndex((item) => item.handlerId === this.lastHandlerId) : 0;
        if (index === -1) break; // wait for that connection's next message
        const [item] = this.queue.splice(index, 1);
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item!.message, {
              onRawData: (data: Uint8Array) => {
                bytes += data.length;
                item!.onData(data);
              },
            }),
          );
        } catch (error) {
          midSequence = false;
          item!.reject(error);
          continue;
        }
        midSequence = !SEQUENCE_ENDS.has(item!.message[0]!);
        this.lastHandlerId = item!.handlerId;
        item!.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  };
  const clear = queryQueue.clearTransactionIfNeeded.bind(queryQueue);
  queryQueue.clearTransactionIfNeeded = async (handlerId: number) => {
    if (queryQueue.lastHandlerId === handlerId) midSequence = false;
    await clear(handlerId);
    await queryQueue.processQueue();
  };
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
  keepSequencesTogether((server as unknown as { queryQueue: QueryQueue }).queryQueue);
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
