/**
 * Start-up preflight: bind `host:port` once and release it, so a port in use
 * or a host that is not this machine is reported in a second, before the
 * knowledge base and channels are loaded. The real `listen` maps its own
 * errors the same way (the port could be taken in between).
 */
import { createServer } from 'node:net';
import { listenError } from './listen-error.js';

/**
 * Resolve when `host:port` can be bound; reject with the one-line {@link listenError}.
 * @example await checkCanListen('127.0.0.1', 3000);
 */
export function checkCanListen(host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (err) => reject(listenError(err, host, port)));
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve()));
  });
}
