// Child process that serves an embedded PGlite database over the PostgreSQL wire protocol.
// Runs apart from the app so long queries never block the app's event loop, and so the app
// talks to it with the same `pg` driver it uses for a real server.
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

const [dataDir, portArg] = process.argv.slice(2);
// pg_trgm: fast partial and typo-tolerant name search, as on a PostgreSQL server.
const db = await PGlite.create(dataDir && dataDir !== 'memory' ? dataDir : undefined, { extensions: { pg_trgm } });
const server = new PGLiteSocketServer({ db, port: Number(portArg ?? 0), host: '127.0.0.1' });
await server.start();
const address = server.getServerConn();
process.send?.({ ready: true, address });

async function shutdown() {
  try {
    await server.stop();
    await db.close();
  } finally {
    process.exit(0);
  }
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
process.on('disconnect', shutdown);
