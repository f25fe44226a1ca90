import { EventEmitter } from 'node:events';

const CSI = /\u001B\[[0-9;?]*[A-Za-z]/g;

/**
 * A stdin ink can drive without a terminal: keys written with `write()` arrive as a TTY
 * would deliver them. Records raw mode and ref state so tests can check they are restored.
 */
export class FakeStdin extends EventEmitter {
  isTTY = true;
  isRaw = false;
  refed = true;
  private queued: string[] = [];

  /** Delivers one key (or a burst of them) to the reader. */
  write(data: string): void {
    this.queued.push(data);
    this.emit('readable');
    this.emit('data', data);
  }
  read(): string | null {
    return this.queued.shift() ?? null;
  }
  setRawMode(mode: boolean): this {
    this.isRaw = mode;
    return this;
  }
  setEncoding(): this {
    return this;
  }
  resume(): this {
    return this;
  }
  pause(): this {
    return this;
  }
  ref(): this {
    this.refed = true;
    return this;
  }
  unref(): this {
    this.refed = false;
    return this;
  }
}

/** A stdout of a given size that keeps every frame ink writes and emits 'frame' for each. */
export class FakeStdout extends EventEmitter {
  readonly frames: string[] = [];
  isTTY = true;
  constructor(
    public columns = 100,
    public rows = 24,
  ) {
    super();
  }
  write = (frame: string): boolean => {
    this.frames.push(frame);
    this.emit('frame', frame);
    return true;
  };
  /** The last write that drew something, without cursor and colour sequences. */
  lastFrame(): string {
    for (let i = this.frames.length - 1; i >= 0; i--) {
      const text = (this.frames[i] ?? '').replace(CSI, '');
      if (text.trim() !== '') return text;
    }
    return '';
  }
  /** Changes the size and tells listeners, as a terminal does on SIGWINCH. */
  resize(columns: number, rows: number): void {
    this.columns = columns;
    this.rows = rows;
    this.emit('resize');
  }
}
