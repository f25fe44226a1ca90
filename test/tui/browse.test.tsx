import { describe, expect, it } from 'vitest';
import { CmlUsageError } from '../../src/errors/index.js';
import { browse } from '../../src/tui/index.js';
import { FakeStdin, FakeStdout } from '../helpers/fake-tty.js';
import { KEY, until } from './harness.js';
import { project, startPageServer } from './page-server.js';

function streams() {
  const stdin = new FakeStdin();
  const stdout = new FakeStdout(100, 24);
  const io = {
    stdin: stdin as unknown as NodeJS.ReadStream,
    stdout: stdout as unknown as NodeJS.WriteStream,
  };
  return { stdin, stdout, io, frame: () => stdout.lastFrame() };
}

describe('browse()', () => {
  it('q resolves with the marked items after ink has let go of stdin', async () => {
    const { stdin, io, frame } = streams();
    const rows = [project(0), project(1), project(2)];
    const done = browse(rows, io);
    await until(() => frame().includes('project-2'), frame, 'rows');
    expect(stdin.isRaw).toBe(true);
    stdin.write(' ');
    await until(() => frame().includes('1 marked'), frame, 'mark');
    stdin.write('q');
    await expect(done).resolves.toEqual([rows[0]]);
    expect(stdin.isRaw).toBe(false);
    expect(stdin.listenerCount('readable')).toBe(0);
  });

  it('Enter then q resolves with the opened item; raw mode and ref restored for a REPL', async () => {
    const { stdin, io, frame } = streams();
    stdin.setRawMode(true);
    const replListener = () => {};
    stdin.on('data', replListener);
    const rows = [project(0), project(1)];
    const done = browse(rows, io);
    await until(() => frame().includes('project-1'), frame, 'rows');
    stdin.write(KEY.down);
    stdin.write(KEY.enter);
    await until(() => frame().includes('› detail'), frame, 'detail');
    stdin.write('q');
    await expect(done).resolves.toEqual(rows[1]);
    expect(stdin.isRaw).toBe(true);
    expect(stdin.refed).toBe(true);
    stdin.off('data', replListener);
  });

  it('Ctrl+C aborts the page load in flight and resolves undefined', async () => {
    const server = await startPageServer(45, 20);
    try {
      server.hold.add(2);
      const { stdin, io, frame } = streams();
      const done = browse(await server.api.listProjects!({ pageSize: 20 }), io);
      await until(() => frame().includes('project-0'), frame, 'rows');
      stdin.write('n');
      await until(() => server.requests.length === 2, frame, 'page 2 request');
      stdin.write(KEY.ctrlC);
      await expect(done).resolves.toBeUndefined();
    } finally {
      server.release();
      await server.close();
    }
  });

  it('a value that throws when read rejects with the error, and gives the terminal back', async () => {
    const { stdin, io } = streams();
    stdin.setRawMode(true);
    const throwing = [
      {
        get name(): string {
          throw new Error('x');
        },
      },
    ];
    await expect(browse(throwing, io)).rejects.toThrow('the browser stopped on an error: Error: x');
    expect(stdin.isRaw).toBe(true);
  });

  it('a pending call that fails before its first page rejects with the one-line error, drawing nothing', async () => {
    const server = await startPageServer(45, 20);
    try {
      server.failOnce.add(1);
      const { io, stdout } = streams();
      await expect(browse(server.api.listProjects!({ pageSize: 20 }), io)).rejects.toThrow(
        'page 1 is broken',
      );
      expect(stdout.frames).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('refuses a stdin that is not a terminal', async () => {
    const { stdin, io } = streams();
    stdin.isTTY = false;
    await expect(browse([], io)).rejects.toBeInstanceOf(CmlUsageError);
  });
});
