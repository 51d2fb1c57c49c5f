import { createServer } from 'node:net';

export function portMessage(err: unknown, port: number, host: string): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE')
    return `port ${port} on ${host} is already in use (another Arbiter or another program); stop it or choose another port with --port or PORT`;
  if (code === 'EACCES') return `port ${port} on ${host} may not be opened by this user; choose a port above 1023 with --port or PORT`;
  if (code === 'EADDRNOTAVAIL') return `${host} is not an address of this machine; set --host or HOST to one of its addresses (127.0.0.1, 0.0.0.0)`;
  return `cannot listen on ${host}:${port}: ${(err as Error).message}`;
}

/** Throws a readable error when the port cannot be listened on. */
export async function assertPortFree(port: number, host: string): Promise<void> {
  if (port === 0) return;
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', (err) => reject(new Error(portMessage(err, port, host))));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve()));
  });
}

/** The address people open: loopback and the wildcard address are shown as localhost. */
export function publicUrl(host: string, address: string): string {
  return `http://${host === '0.0.0.0' || host === '127.0.0.1' ? 'localhost' : host}:${new URL(address).port}`;
}
