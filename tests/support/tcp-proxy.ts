import net from 'node:net';

/**
 * A TCP proxy in front of PostgreSQL that a test controls, to fail the database for the app
 * without touching the shared server: `cut()` drops every connection through it and refuses new
 * ones (as a server that restarts does), `resume()` accepts them again.
 */
export async function tcpProxy(target: { host: string; port: number }) {
  const sockets = new Set<net.Socket>();
  let up = true;
  const server = net.createServer((client) => {
    if (!up) return client.destroy();
    const upstream = net.connect(target);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {});
    }
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    /** The URL `url` through this proxy. */
    url(url: string) {
      const u = new URL(url);
      u.hostname = '127.0.0.1';
      u.port = String(port);
      return u.toString();
    },
    /** How many connections are open through it. */
    connections: () => sockets.size / 2,
    cut() {
      up = false;
      for (const s of sockets) s.destroy();
    },
    resume() {
      up = true;
    },
    close() {
      up = false;
      for (const s of sockets) s.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
