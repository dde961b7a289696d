/**
 * A bare Fastify POST route on 127.0.0.1 (random port), as the HTTP-layer
 * baseline of the worker benchmark. Prints its base URL.
 */
import Fastify from 'fastify';

const app = Fastify();
app.post('/api/chat', async () => ({ answer: 'ok' }));
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
if (address && typeof address === 'object') process.stdout.write(`http://127.0.0.1:${address.port}/\n`);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
