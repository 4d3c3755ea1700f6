// The HTTP server of `npm start` / `npm run dev` (spawned by launch.ts): Next's own request
// handler, as `next start` / `next dev` run it, plus one thing Next does not give route
// handlers — the socket's address, for the per-client sign-in budget. It travels in a header
// named after AUTH_SECRET (lib/http/client-address.ts); one the client sent is dropped first.
import http from "node:http";
import next from "next";
import { peerHeaderName } from "@/lib/http/client-address";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const secret = process.env.AUTH_SECRET;
if (!secret) throw new Error("AUTH_SECRET manque au serveur (il est donné par le lanceur, lib/runtime/launch.ts).");
const peerHeader = peerHeaderName(secret);

async function main() {
  const app = next({ dev, dir: process.cwd(), port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = http.createServer((request, response) => {
    delete request.headers[peerHeader];
    request.headers[peerHeader] = request.socket.remoteAddress ?? "";
    void handle(request, response);
  });
  if (dev) server.on("upgrade", app.getUpgradeHandler());
  server.listen(port, () => console.log(`[ccd] Prêt sur le port ${port}`));
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error: unknown) => {
  console.error(`✖ ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
