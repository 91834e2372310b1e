// PGlite with the real TimescaleDB extension behind a PostgreSQL socket, for Fleetcare's
// TimescaleDB tests. Usage: node server.mjs [port]  (prints "READY <port>" once it accepts).
// Limits of PGlite: one connection at a time, no COPY, no extended query protocol — connect
// with pgjdbc's preferQueryMode=simple.
import { PGlite } from '@electric-sql/pglite';
import { timescaledb } from '@electric-sql/pglite/timescaledb';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

const port = Number.parseInt(process.argv[2] ?? '5499', 10);
const db = await PGlite.create({ extensions: { timescaledb } });
await db.exec('CREATE EXTENSION IF NOT EXISTS timescaledb');
const server = new PGLiteSocketServer({ db, port, host: '127.0.0.1' });
await server.start();
const version = await db.query("SELECT extversion FROM pg_extension WHERE extname = 'timescaledb'");
console.log(`READY ${port} timescaledb ${version.rows[0].extversion}`);

const stop = async () => {
  await server.stop();
  await db.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
