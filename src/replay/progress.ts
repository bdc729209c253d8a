/**
 * Progress of a replay: events done, rate, ETA. The replay reports to a
 * {@link ProgressReporter}; a task shows it with cli-progress only when stdout is a
 * terminal (a log file or CI gets no redraw noise).
 */
import { SingleBar } from "cli-progress";

export interface ProgressSnapshot {
  done: number;
  /** Events in the trace, when known. */
  total: number | undefined;
  /** Events per second since the start. */
  rate: number;
  /** Seconds left at the current rate, when the total is known. */
  etaSeconds: number | undefined;
}

export interface ProgressReporter {
  start(total: number | undefined): void;
  update(snapshot: ProgressSnapshot): void;
  stop(): void;
}

/** A snapshot from counts and elapsed seconds (pure, for tests and any reporter). */
export function progressSnapshot(
  done: number,
  total: number | undefined,
  elapsedSeconds: number,
): ProgressSnapshot {
  const rate = elapsedSeconds > 0 ? done / elapsedSeconds : 0;
  const etaSeconds =
    total === undefined || rate === 0 ? undefined : Math.max(0, total - done) / rate;
  return { done, total, rate, etaSeconds };
}

/**
 * Turns the replay's "one more event" calls into snapshots, at most one per `everyMs` so
 * that a fast replay does not spend its time redrawing.
 */
export class ProgressTracker {
  readonly #reporter: ProgressReporter | undefined;
  readonly #total: number | undefined;
  readonly #everyMs: number;
  readonly #now: () => number;
  #startedAt = 0;
  #lastAt = 0;
  #done = 0;

  constructor(
    reporter: ProgressReporter | undefined,
    total: number | undefined,
    options: { everyMs?: number; now?: () => number } = {},
  ) {
    this.#reporter = reporter;
    this.#total = total;
    this.#everyMs = options.everyMs ?? 200;
    this.#now = options.now ?? (() => performance.now());
  }

  start(): void {
    this.#startedAt = this.#now();
    this.#lastAt = this.#startedAt;
    this.#reporter?.start(this.#total);
  }

  tick(count = 1): void {
    this.#done += count;
    const now = this.#now();
    if (now - this.#lastAt < this.#everyMs) return;
    this.#lastAt = now;
    this.#report(now);
  }

  stop(): void {
    this.#report(this.#now());
    this.#reporter?.stop();
  }

  #report(now: number): void {
    const elapsed = (now - this.#startedAt) / 1000;
    this.#reporter?.update(progressSnapshot(this.#done, this.#total, elapsed));
  }
}

/** A cli-progress bar: `replay [====] 4200/10000 | 3100 ev/s | ETA 2s`. */
export function cliProgressReporter(stream: NodeJS.WriteStream = process.stdout): ProgressReporter {
  const bar = new SingleBar({
    stream,
    format: "replay [{bar}] {value}/{total} events | {rate} ev/s | ETA {eta_formatted}",
    hideCursor: true,
    etaBuffer: 50,
  });
  return {
    start: (total) => bar.start(total ?? 0, 0, { rate: "0" }),
    update: (s) => {
      if (s.total === undefined) bar.setTotal(s.done);
      bar.update(s.done, { rate: s.rate.toFixed(0) });
    },
    stop: () => bar.stop(),
  };
}

/** The cli-progress reporter when `stream` is a terminal, none otherwise. */
export function progressReporterFor(
  stream: NodeJS.WriteStream = process.stdout,
): ProgressReporter | undefined {
  return stream.isTTY ? cliProgressReporter(stream) : undefined;
}
