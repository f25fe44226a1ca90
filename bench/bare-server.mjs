// The floor for emulator throughput: a bare node:http server answering every request with
// the same fixed JSON body (one project as the emulator would send it), keep-alive on.
// Prints `{url}` once listening; exits when stdin closes. Usage: node bench/bare-server.mjs <bodyFile>
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const body = readFileSync(process.argv[2] ?? '/dev/null');
const server = createServer({ keepAliveTimeout: 5000 }, (request, response) => {
  request.resume();
  response.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
  response.end(body);
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${address.port}` })}\n`);
});
process.stdin.resume();
process.stdin.on('end', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
