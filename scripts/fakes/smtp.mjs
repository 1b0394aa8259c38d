// A real SMTP server for the tests (the `smtp-server` package), keeping every message it receives
// in memory, parsed (`mailparser`), and listing them over HTTP for the e2e tests:
//   GET    <inboxUrl>/messages?to=<address>   the messages to that address (all without ?to), oldest first
//   DELETE <inboxUrl>/messages                forget them all
// `failNext(n)` makes the next n messages fail with a temporary refusal (451), as a mail server
// that is down would, so the tests can see the app try again; `failNext(n, 550)` refuses them
// for good, as for a mailbox that does not exist.
import http from 'node:http';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * @typedef {{ from: string, to: string[], subject: string, text: string, html: string, date: string }} Received
 * @typedef {{ url: string, inboxUrl: string, messages: (to?: string) => Received[], clear: () => void,
 *   failNext: (n?: number, code?: number) => void, stop: () => Promise<void> }} FakeSmtp
 */

/**
 * Starts the SMTP server on `port` (0: any free port) and its inbox over HTTP on `httpPort`
 * (port + 1 by default; 0 with port 0).
 * @param {number} port
 * @param {{ httpPort?: number, host?: string }} [options]
 * @returns {Promise<FakeSmtp>}
 */
export async function start(port, options = {}) {
  const host = options.host ?? '127.0.0.1';
  /** @type {Received[]} */
  const inbox = [];
  let failing = 0;
  let failCode = 451;

  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      if (failing > 0) {
        failing--;
        stream.resume();
        const code = failCode;
        stream.on('end', () =>
          callback(
            Object.assign(new Error(code >= 500 ? 'No such mailbox here' : 'Try again later'), {
              responseCode: code,
            }),
          ),
        );
        return;
      }
      simpleParser(stream)
        .then((mail) => {
          inbox.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            html: typeof mail.html === 'string' ? mail.html : '',
            date: new Date().toISOString(),
          });
          callback();
        })
        .catch((/** @type {Error} */ error) => callback(error));
    },
  });
  await new Promise((resolve, reject) => {
    smtp.once('error', reject);
    smtp.listen(port, host, () => resolve(undefined));
  });
  const smtpPort = /** @type {import('node:net').AddressInfo} */ (smtp.server.address()).port;

  /** @param {string} [to] */
  const messages = (to) => inbox.filter((m) => !to || m.to.includes(to.toLowerCase()));
  const web = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== '/messages') {
      res.writeHead(404).end();
      return;
    }
    if (req.method === 'DELETE') inbox.length = 0;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(messages(url.searchParams.get('to') ?? undefined)));
  });
  const httpPort = options.httpPort ?? (port === 0 ? 0 : port + 1);
  await new Promise((resolve, reject) => {
    web.once('error', reject);
    web.listen(httpPort, host, () => resolve(undefined));
  });
  const webPort = /** @type {import('node:net').AddressInfo} */ (web.address()).port;

  return {
    url: `smtp://${host}:${smtpPort}`,
    inboxUrl: `http://${host}:${webPort}`,
    messages,
    clear: () => void (inbox.length = 0),
    failNext: (n = 1, code = 451) => {
      failing = n;
      failCode = code;
    },
    stop: () =>
      new Promise((resolve) => {
        web.close();
        smtp.close(() => resolve(undefined));
      }),
  };
}
