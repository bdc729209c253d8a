/**
 * A TCP proxy in front of a node that can drop every connection and refuse new ones for a
 * while, with the node itself still running: a network fault, not a node fault.
 */
import { createServer, connect, type Server, type Socket } from "node:net";

export interface DroppingProxy {
  url: string;
  /** Cuts every open connection and refuses new ones for `ms`. */
  drop(ms: number): Promise<void>;
  close(): Promise<void>;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const address = server.address();
      resolve(typeof address === "object" && address !== null ? address.port : port);
    });
  });
}

export async function startDroppingProxy(targetPort: number): Promise<DroppingProxy> {
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
  };
  const makeServer = () =>
    createServer((client) => {
      const upstream = connect(targetPort, "127.0.0.1");
      track(client);
      track(upstream);
      client.pipe(upstream).pipe(client);
      client.on("close", () => upstream.destroy());
      upstream.on("close", () => client.destroy());
    });
  let server = makeServer();
  const port = await listen(server, 0);
  const close = () => new Promise<void>((done) => server.close(() => done()));
  return {
    url: `http://127.0.0.1:${port}`,
    drop: async (ms) => {
      const closed = close();
      for (const socket of sockets) socket.destroy();
      await closed;
      await new Promise((wait) => setTimeout(wait, ms));
      server = makeServer();
      await listen(server, port);
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await close();
    },
  };
}
