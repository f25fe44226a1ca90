import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomToken, runCmlsh, type TempHome, tempHome } from './run-cmlsh.js';

const TOKEN = randomToken('tls');
let home: TempHome;
let server: Server;
let url: string;
let certFile: string;

beforeAll(async () => {
  home = tempHome();
  certFile = join(home.dir, 'cert.pem');
  const keyFile = join(home.dir, 'key.pem');
  // A self-signed certificate for 127.0.0.1: untrusted unless cmlsh is told to trust it.
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      keyFile,
      '-out',
      certFile,
    ],
    { stdio: 'ignore' },
  );
  server = createServer({ cert: readFileSync(certFile), key: readFileSync(keyFile) }, (req, res) => {
    const ok = req.headers.authorization === `Bearer ${TOKEN}`;
    res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
    res.end(JSON.stringify(ok ? { valid: true, username: 'tls-user' } : { code: 16, message: 'bad key' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  home.cleanup();
});

describe('TLS options over real HTTPS', () => {
  const env = () => home.env({ CML_HOST: url, CML_API_KEY: TOKEN });

  it('an untrusted certificate is a network error (exit 1)', async () => {
    const result = await runCmlsh(['whoami'], env());
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
  });

  it('--ca-cert FILE trusts it', async () => {
    const result = await runCmlsh(['whoami', '--ca-cert', certFile], env());
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('tls-user');
  });

  it('NODE_EXTRA_CA_CERTS trusts it too, by Node itself', async () => {
    const result = await runCmlsh(['whoami'], { ...env(), NODE_EXTRA_CA_CERTS: certFile });
    expect(result.code, result.stderr).toBe(0);
  });

  it('--insecure skips verification with a visible warning', async () => {
    const result = await runCmlsh(['whoami', '--insecure'], env());
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('NOT verified');
    expect(home.filesContaining(TOKEN)).toEqual([]);
  });
});

describe('proxy from the environment', () => {
  it('HTTPS_PROXY tunnels through the proxy (CONNECT), with --ca-cert still applied', async () => {
    const { createServer: createHttpServer } = await import('node:http');
    const { connect } = await import('node:net');
    const tunnels: string[] = [];
    const proxy = createHttpServer();
    proxy.on('connect', (req, client) => {
      tunnels.push(req.url ?? '');
      const [host, port] = (req.url ?? '').split(':');
      const upstream = connect(Number(port), host, () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.pipe(client);
        client.pipe(upstream);
      });
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    try {
      const result = await runCmlsh(
        ['whoami', '--ca-cert', certFile],
        home.env({ CML_HOST: url, CML_API_KEY: TOKEN, HTTPS_PROXY: proxyUrl }),
      );
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain('tls-user');
      expect(tunnels).toEqual([new URL(url).host]);
      expect(result.stderr).not.toContain('experimental');
    } finally {
      proxy.closeAllConnections();
      await new Promise((resolve) => proxy.close(resolve));
    }
  });
});
