// A real SMTP server for the browser tests: the application sends its e-mails to it over SMTP
// (nodemailer, SMTP_URL), it keeps them in memory, and a tiny HTTP endpoint lets the tests read
// them: GET /messages?to=address[&since=epoch-ms].
import { createServer, type Server } from "node:http";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type ReceivedMessage = {
  id: number;
  /** Envelope recipients, lower case. */
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string | null;
  receivedAt: number;
};

export type MailServer = { close(): Promise<void> };

export async function startMailServer({ smtpPort, httpPort }: { smtpPort: number; httpPort: number }): Promise<MailServer> {
  const messages: ReceivedMessage[] = [];
  let nextId = 1;

  const smtp = new SMTPServer({
    // Plain, unauthenticated connections on the loopback: what nodemailer does with smtp://host:port.
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    banner: "CCD e2e",
    size: 5 * 1024 * 1024,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          messages.push({
            id: nextId++,
            to: session.envelope.rcptTo.map((recipient) => recipient.address.toLowerCase()),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: typeof parsed.html === "string" ? parsed.html : null,
            receivedAt: Date.now(),
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });

  const http: Server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    if (request.method === "GET" && url.pathname === "/messages") {
      const to = url.searchParams.get("to")?.toLowerCase();
      const since = Number(url.searchParams.get("since") ?? 0);
      const found = messages.filter((message) => (!to || message.to.includes(to)) && message.receivedAt >= since);
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify(found));
      return;
    }
    if (request.method === "GET" && url.pathname === "/health") {
      response.writeHead(200, { "content-type": "text/plain" });
      response.end("ok");
      return;
    }
    response.writeHead(404).end();
  });

  await new Promise<void>((resolve, reject) => {
    smtp.once("error", reject);
    smtp.listen(smtpPort, "127.0.0.1", () => resolve());
  });
  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(httpPort, "127.0.0.1", () => resolve());
  });

  return {
    async close() {
      http.closeAllConnections();
      await Promise.all([
        new Promise<void>((resolve) => http.close(() => resolve())),
        new Promise<void>((resolve) => smtp.close(() => resolve())),
      ]);
    },
  };
}
