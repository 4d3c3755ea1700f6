// A real SMTP server that keeps what it receives in memory: for the outbox's fault tests and
// the benchmark. It can be closed and started again on the same port (SMTP down, then back).
import { SMTPServer } from "smtp-server";

export type SunkMessage = { to: string[]; subject: string; messageId: string; raw: string; receivedAt: number };

export type SmtpSink = { port: number; received: SunkMessage[]; close(): Promise<void>; url: string };

export async function startSmtpSink(port = 0, received: SunkMessage[] = []): Promise<SmtpSink> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    disableReverseLookup: true,
    size: 5 * 1024 * 1024,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, "im").exec(raw)?.[1]?.trim() ?? "";
        received.push({
          to: session.envelope.rcptTo.map((recipient) => recipient.address.toLowerCase()),
          subject: header("Subject"),
          messageId: header("Message-ID"),
          raw,
          receivedAt: Date.now(),
        });
        callback();
      });
    },
  });
  // Answer each command at once (as mail servers do), not after the peer's delayed ACK.
  server.server.on("connection", (socket: import("node:net").Socket) => socket.setNoDelay(true));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const address = server.server.address();
  const actual = typeof address === "object" && address ? address.port : port;
  return {
    port: actual,
    received,
    url: `smtp://127.0.0.1:${actual}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
