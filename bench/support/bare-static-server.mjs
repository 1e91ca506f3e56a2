// @ts-check
/**
 * The raw limit of `app.cold_start_ms`: a bare Fastify process serving the same built renderer
 * files, started the same way (plain node, no TypeScript loader). `npm run bench -- --suite app`
 * spawns it.
 * Usage: bare-static-server <rendererDir> <port>
 */
import fastifyStatic from '@fastify/static';
import Fastify from 'fastify';

const [root, port] = process.argv.slice(2);
if (root === undefined || port === undefined) throw new Error('usage: bare-static-server <rendererDir> <port>');
const app = Fastify();
await app.register(fastifyStatic, { root });
await app.listen({ host: '127.0.0.1', port: Number(port) });
process.on('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});
