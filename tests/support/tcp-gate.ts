import net from "node:net";

/**
 * A TCP forwarder the test can shut: the app reaches PostgreSQL through it, and `shut()` is the
 * database going away (open connections cut, new ones refused) until `open()` again. With
 * `delayMs`, everything the app sends arrives that much later: each round trip to the database
 * costs `delayMs` more, as with a managed database in another building. Nothing about the app or
 * the driver is faked; only the network between them is slow or fails.
 */
export class TcpGate {
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();

  constructor(
    readonly port: number,
    private readonly target: { host: string; port: number },
    private readonly delayMs = 0,
  ) {}

  async open(): Promise<void> {
    if (this.server) return;
    const server = net.createServer((client) => {
      const upstream = net.connect(this.target);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on("close", () => this.sockets.delete(socket));
        socket.on("error", () => {
          client.destroy();
          upstream.destroy();
        });
      }
      upstream.pipe(client);
      if (this.delayMs === 0) client.pipe(upstream);
      else {
        // Timers of one delay fire in the order they were set, so the bytes keep their order.
        client.on("data", (chunk: Buffer) => setTimeout(() => upstream.write(chunk), this.delayMs));
        client.on("end", () => setTimeout(() => upstream.end(), this.delayMs));
      }
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.port, "127.0.0.1", resolve);
    });
    this.server = server;
  }

  async shut(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const socket of this.sockets) socket.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
