/**
 * Files that appear whole or not at all. Each output is written to `<path>.<pid>.partial`
 * beside its final name, flushed to disk, then renamed over it: a rename within one folder
 * is atomic, so a crashed or interrupted run leaves either the earlier complete file or the
 * new complete file, never a truncated one under the final name.
 */
import { createHash, type Hash } from "node:crypto";
import { createWriteStream, type WriteStream } from "node:fs";
import { open, rename, rm } from "node:fs/promises";
import { dirname } from "node:path";

/** What was written: the final path, its size, and its SHA-256 for the manifest. */
export interface WrittenFile {
  path: string;
  bytes: number;
  sha256: string;
}

/** A written JSON Lines file, with its line count. */
export interface WrittenLines extends WrittenFile {
  lines: number;
}

/** The temporary name of `path` while this process writes it. */
export function partialPathOf(path: string): string {
  return `${path}.${process.pid}.partial`;
}

/**
 * Makes a rename durable: the new directory entry reaches the disk. Best effort, since some
 * platforms (Windows) cannot open a directory for syncing; the rename itself stays atomic.
 */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, "r");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Nothing to do: durability of the entry is an extra, not a correctness condition.
  }
}

async function removeQuietly(path: string): Promise<void> {
  await rm(path, { force: true });
}

/** Writes `data` to `path` atomically; an earlier file at `path` stays until the new one is whole. */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
): Promise<WrittenFile> {
  const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  const partial = partialPathOf(path);
  try {
    const handle = await open(partial, "w");
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(partial, path);
  } catch (error) {
    await removeQuietly(partial);
    throw error;
  }
  await syncDirectory(dirname(path));
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  return { path, bytes: bytes.byteLength, sha256 };
}

export type LineWriterState = "open" | "committed" | "aborted";

export interface AtomicLineWriterOptions {
  /** Bytes gathered before one write to the stream (fewer, larger writes). Default 64 KiB. */
  chunkBytes?: number;
  /** Bytes the stream may buffer before `write` asks the caller to wait. Default 1 MiB. */
  highWaterMark?: number;
}

/**
 * A JSON Lines file streamed to its partial name and renamed into place by `commit()`.
 * `write()` returns a promise that settles at once while the stream keeps up, and once it
 * has drained otherwise: an async producer awaits it, a sync callback (the replay's
 * `onRecord`) may ignore it, since the promise never rejects. A write error is thrown by the
 * next `write()` and by `commit()`.
 */
export class AtomicLineWriter {
  readonly partialPath: string;
  private readonly stream: WriteStream;
  private readonly hash: Hash = createHash("sha256");
  private readonly chunkBytes: number;
  private chunk: string[] = [];
  private chunkLength = 0;
  private bytes = 0;
  private lines = 0;
  private error: Error | undefined;
  private drain: Promise<void> | undefined;
  private current: LineWriterState = "open";

  private constructor(
    readonly path: string,
    options: AtomicLineWriterOptions,
  ) {
    this.partialPath = partialPathOf(path);
    this.chunkBytes = options.chunkBytes ?? 64 * 1024;
    // `flush` fsyncs the descriptor before it closes, so the rename publishes data on disk.
    this.stream = createWriteStream(this.partialPath, {
      flags: "w",
      flush: true,
      highWaterMark: options.highWaterMark ?? 1024 * 1024,
    });
    this.stream.on("error", (error) => {
      this.error ??= error;
    });
  }

  /** Opens `<path>.<pid>.partial`; fails here (not at the first write) if it cannot. */
  static async open(
    path: string,
    options: AtomicLineWriterOptions = {},
  ): Promise<AtomicLineWriter> {
    const writer = new AtomicLineWriter(path, options);
    await new Promise<void>((resolve, reject) => {
      writer.stream.once("ready", resolve);
      writer.stream.once("error", reject);
    });
    return writer;
  }

  get state(): LineWriterState {
    return this.current;
  }

  /** Appends one line (without its newline; a line must not contain one). */
  write(line: string): Promise<void> {
    this.assertWritable();
    if (line.includes("\n")) throw new Error("a JSON Lines line must not contain a newline");
    this.chunk.push(line, "\n");
    this.chunkLength += line.length + 1;
    this.lines += 1;
    if (this.chunkLength < this.chunkBytes) return Promise.resolve();
    return this.flushChunk();
  }

  /** Finishes the file and renames it over `path`; returns its size, lines and hash. */
  async commit(): Promise<WrittenLines> {
    this.assertWritable();
    this.current = "committed";
    try {
      void this.flushChunk();
      await new Promise<void>((resolve, reject) => {
        this.stream.once("error", reject);
        this.stream.end(() => resolve());
      });
      await waitClosed(this.stream);
      if (this.error !== undefined) throw this.error;
      await rename(this.partialPath, this.path);
    } catch (error) {
      this.current = "aborted";
      await removeQuietly(this.partialPath);
      throw error;
    }
    await syncDirectory(dirname(this.path));
    return {
      path: this.path,
      bytes: this.bytes,
      lines: this.lines,
      sha256: this.hash.digest("hex"),
    };
  }

  /** Drops the partial file; an earlier file at `path` is left as it was. Idempotent. */
  async abort(): Promise<void> {
    if (this.current !== "open") return;
    this.current = "aborted";
    this.stream.destroy();
    await waitClosed(this.stream);
    await removeQuietly(this.partialPath);
  }

  private assertWritable(): void {
    if (this.error !== undefined) throw this.error;
    if (this.current !== "open") throw new Error(`${this.path}: writer already ${this.current}`);
  }

  private flushChunk(): Promise<void> {
    if (this.chunkLength === 0) return Promise.resolve();
    const text = this.chunk.join("");
    this.chunk = [];
    this.chunkLength = 0;
    const buffer = Buffer.from(text, "utf8");
    this.hash.update(buffer);
    this.bytes += buffer.byteLength;
    if (this.stream.write(buffer)) return Promise.resolve();
    return this.waitForDrain();
  }

  /** One shared promise for all writers waiting, so listeners do not pile up. */
  private waitForDrain(): Promise<void> {
    this.drain ??= new Promise<void>((resolve) => {
      const done = (): void => {
        this.stream.off("drain", done);
        this.stream.off("error", done);
        this.stream.off("close", done);
        this.drain = undefined;
        resolve();
      };
      this.stream.on("drain", done);
      this.stream.on("error", done);
      this.stream.on("close", done);
    });
    return this.drain;
  }
}

function waitClosed(stream: WriteStream): Promise<void> {
  if (stream.closed) return Promise.resolve();
  return new Promise((resolve) => stream.once("close", () => resolve()));
}
