/**
 * The generator's only store of future work: a binary min-heap of pending items ordered by
 * time, then by the order they were scheduled (equal times keep scheduling order, so the
 * trace's file order is deterministic). It holds what is in flight (a booking's next step, a
 * kiosk's open batch, a receipt not yet sent), never the run's past or its far future, and
 * it counts its own high-water mark so tests can check that memory stays bounded.
 */

interface Entry<T> {
  time: number;
  seq: number;
  item: T;
}

function before<T>(a: Entry<T>, b: Entry<T>): boolean {
  return a.time < b.time || (a.time === b.time && a.seq < b.seq);
}

export class EventQueue<T> {
  readonly #heap: Entry<T>[] = [];
  readonly #tick: number;
  #seq = 0;
  #peak = 0;

  /**
   * @param tick Every item is due on a multiple of `tick` seconds: a time drawn between two
   * ticks moves to the next one (never earlier, so nothing is due before what was already
   * sent). The chain mines a block per distinct time; the tick bounds how many there are.
   */
  constructor(tick = 1) {
    this.#tick = tick;
  }

  get size(): number {
    return this.#heap.length;
  }

  /** The most items ever pending at once. */
  get peak(): number {
    return this.#peak;
  }

  /** Time of the next item, or undefined when empty. */
  peekTime(): number | undefined {
    return this.#heap[0]?.time;
  }

  push(drawn: number, item: T): void {
    const heap = this.#heap;
    const time = Math.ceil(drawn / this.#tick) * this.#tick;
    heap.push({ time, seq: this.#seq++, item });
    this.#peak = Math.max(this.#peak, heap.length);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const child = heap[i] as Entry<T>;
      const up = heap[parent] as Entry<T>;
      if (!before(child, up)) break;
      heap[i] = up;
      heap[parent] = child;
      i = parent;
    }
  }

  /** Removes and returns the earliest item with its time. */
  pop(): { time: number; item: T } | undefined {
    const heap = this.#heap;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined) return undefined;
    if (heap.length > 0) {
      heap[0] = last;
      this.#siftDown();
    }
    return { time: top.time, item: top.item };
  }

  #siftDown(): void {
    const heap = this.#heap;
    const n = heap.length;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let least = i;
      if (left < n && before(heap[left] as Entry<T>, heap[least] as Entry<T>)) least = left;
      if (right < n && before(heap[right] as Entry<T>, heap[least] as Entry<T>)) least = right;
      if (least === i) return;
      const tmp = heap[i] as Entry<T>;
      heap[i] = heap[least] as Entry<T>;
      heap[least] = tmp;
      i = least;
    }
  }
}
