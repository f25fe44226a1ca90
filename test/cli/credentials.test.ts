import { describe, expect, it } from 'vitest';
import { cliFixture, randomToken, runCmlsh } from './run-cmlsh.js';

const TOKEN = randomToken('cred');
const OTHER = randomToken('other');
const cli = cliFixture({ tokens: [TOKEN], seedProjects: 5, secrets: [TOKEN, OTHER] });
const env = cli.env;

const list = ['call', 'listProjects', '--page-size', '1'];

describe('host and token resolution', () => {
  it('--host with /api/v2 and --token work, with a warning that the token is visible', async () => {
    const result = await runCmlsh([...list, '--host', `${cli.emulator.url}/api/v2`, '--token', TOKEN], env());
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).projects).toHaveLength(1);
    expect(result.stderr).toContain('visible to other processes');
  });

  it('--token-stdin reads the key from stdin without the warning', async () => {
    const result = await runCmlsh(
      [...list, '--host', cli.emulator.url, '--token-stdin'],
      env(),
      `${TOKEN}\n`,
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toContain('visible');
  });

  it('a bare domain becomes https://', async () => {
    const port = new URL(cli.emulator.url).port;
    const result = await runCmlsh(
      [...list, '--host', `127.0.0.1:${port}`, '--timeout', '3000'],
      env({ CML_API_KEY: TOKEN }),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`https://127.0.0.1:${port}`);
  });

  it('flags win over CML_HOST / CML_API_KEY', async () => {
    const environment = env({ CML_HOST: 'http://127.0.0.1:9', CML_API_KEY: OTHER });
    const result = await runCmlsh([...list, '--host', cli.emulator.url, '--token-stdin'], environment, TOKEN);
    expect(result.code, result.stderr).toBe(0);
  });

  it('CML_HOST / CML_API_KEY win over the CML session variables', async () => {
    const result = await runCmlsh(
      list,
      env({
        CML_HOST: cli.emulator.url,
        CML_API_KEY: TOKEN,
        CDSW_API_URL: 'http://127.0.0.1:9/api/v1',
        CDSW_APIV2_KEY: OTHER,
      }),
    );
    expect(result.code, result.stderr).toBe(0);
  });

  it('inside a CML session, CDSW_API_URL and CDSW_APIV2_KEY need no setup', async () => {
    const result = await runCmlsh(
      list,
      env({
        CDSW_API_URL: `${cli.emulator.url}/api/v1`,
        CDSW_APIV2_KEY: TOKEN,
        CDSW_DOMAIN: 'ignored.example',
      }),
    );
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).projects).toHaveLength(1);
  });

  it('a wrong CML_API_KEY is not rescued by a session key for another host', async () => {
    const result = await runCmlsh(
      list,
      env({
        CML_HOST: cli.emulator.url,
        CML_API_KEY: OTHER,
        CDSW_APIV2_KEY: TOKEN,
        CDSW_API_URL: 'http://other.example/api/v1',
      }),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('401');
  });

  it('no host: exit 2 naming every way to give one', async () => {
    const result = await runCmlsh(list, env());
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    for (const way of ['--host', 'CML_HOST', 'cmlsh login', 'CDSW_DOMAIN'])
      expect(result.stderr).toContain(way);
  });

  it('no token: exit 2 naming every way to give one', async () => {
    const result = await runCmlsh(list, env({ CML_HOST: cli.emulator.url }));
    expect(result.code).toBe(2);
    for (const way of ['cmlsh login', 'CML_API_KEY', '--token-stdin', 'CDSW_APIV2_KEY']) {
      expect(result.stderr).toContain(way);
    }
  });

  it('the shell without credentials also suggests --demo', async () => {
    const result = await runCmlsh([], env());
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('cmlsh --demo');
  });

  it('whoami names the user, host and source, with the key masked', async () => {
    const result = await runCmlsh(['whoami'], env({ CML_HOST: cli.emulator.url, CML_API_KEY: TOKEN }));
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`user     ${cli.emulator.username}`);
    expect(result.stdout).toContain(cli.emulator.url);
    expect(result.stdout).toContain(`****${TOKEN.slice(-4)}`);
    expect(result.stdout).not.toContain(TOKEN);
  });

  it('--verbose prints requests on stderr with the key redacted', async () => {
    const result = await runCmlsh(
      [...list, '--verbose'],
      env({ CML_HOST: cli.emulator.url, CML_API_KEY: TOKEN }),
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/→ GET .*\/api\/v2\/projects/);
    expect(result.stderr).toMatch(/← 200 GET/);
    expect(result.stderr).not.toContain(TOKEN);
  });

  it('--ca-cert with a file that is not a certificate: exit 2', async () => {
    const result = await runCmlsh(
      [...list, '--ca-cert', '/etc/hostname'],
      env({ CML_HOST: cli.emulator.url, CML_API_KEY: TOKEN }),
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--ca-cert');
  });

  it('--insecure warns visibly and still works over plain http', async () => {
    const result = await runCmlsh(
      [...list, '--insecure'],
      env({ CML_HOST: cli.emulator.url, CML_API_KEY: TOKEN }),
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('NOT verified');
  });
});
