import { planBookings, slotUnitPrice, type PlannedBooking } from "./booking-plan.js";
import { actorAddress, openPilotChain, type BenchChain } from "./chain.js";
import type { BenchConfig } from "./config.js";
import { FastSender } from "./fast-sender.js";
import { bookTx, fundDrivers, registerSlotTx, runSetup } from "./pilot-setup.js";
import type { ThroughputFigure } from "./results.js";
import { allWeek } from "./time.js";
import { timeFastReplay, timeNaiveCalls, type NaiveCall } from "./timing.js";

/** Simulated time between two blocks of the replay. */
const BLOCK_SECONDS = 60;

interface BookingChain {
  readonly chain: BenchChain;
  readonly sender: FastSender;
  readonly drivers: readonly string[];
  readonly plan: readonly PlannedBooking[];
}

/**
 * A fresh chain with `config.slots` slots (all week, owned by a quarter as many owners) and
 * `config.drivers` funded drivers, set up on the fast path (not timed), and the plan of
 * `bookings` bookings against it.
 */
async function prepareBookingChain(config: BenchConfig, bookings: number): Promise<BookingChain> {
  const chain = await openPilotChain();
  const sender = await FastSender.open(chain.connection.provider);
  const drivers = Array.from({ length: config.drivers }, (_, i) =>
    actorAddress(chain.ethers, "driver", i),
  );
  await fundDrivers(chain, sender, drivers, {
    krwEach: 1_000_000_000n,
    creditsEach: 100_000_000n,
    treasuryKrw: 1_000_000_000_000n,
  });
  const owners = Math.max(1, Math.floor(config.slots / 4));
  const registrations = Array.from({ length: config.slots }, (_, i) =>
    registerSlotTx(
      chain,
      {
        owner: actorAddress(chain.ethers, "owner", i % owners),
        unitPrice: slotUnitPrice(i + 1),
        availability: allWeek(),
      },
      `register slot ${i + 1}`,
    ),
  );
  await runSetup(sender, registrations);
  const plan = planBookings({ bookings, slots: config.slots, drivers: config.drivers }, sender.now);
  return { chain, sender, drivers, plan };
}

function driverOf(setup: BookingChain, booking: PlannedBooking): string {
  const driver = setup.drivers[booking.driver];
  if (driver === undefined) throw new Error(`booking ${booking.index} has no driver`);
  return driver;
}

function bookingLabel(b: PlannedBooking): string {
  const credits = b.credits > 0n ? ` credits ${b.credits}` : "";
  return `book #${b.index} slot ${b.slotId} [${b.start}, ${b.end})${credits}`;
}

/**
 * Replays `config.bookings` bookings on the fast path: calldata encoded up front, then per
 * block all its transactions sent, the block mined at its simulated time, and every receipt
 * checked. The clock runs from the first send to the last receipt.
 */
export async function replayBookingsFast(config: BenchConfig): Promise<ThroughputFigure> {
  const setup = await prepareBookingChain(config, config.bookings);
  try {
    const txs = setup.plan.map((b) =>
      bookTx(setup.chain, driverOf(setup, b), b.slotId, b.start, b.end, b.credits, bookingLabel(b)),
    );
    return await timeFastReplay(setup.chain, setup.sender, txs, {
      section: "bookings",
      perBlock: config.bookingsPerBlock,
      blockSeconds: BLOCK_SECONDS,
    });
  } finally {
    await setup.chain.connection.close();
  }
}

/**
 * Replays the first `count` bookings of the same plan the naive way: one ethers contract call
 * per booking (gas estimated, nonce and fees looked up by ethers), each awaited until mined,
 * with automine on.
 */
export async function replayBookingsNaive(
  config: BenchConfig,
  count: number,
): Promise<ThroughputFigure> {
  const setup = await prepareBookingChain(config, count);
  const { chain } = setup;
  try {
    await setup.sender.restoreAutomine();
    const markets = await Promise.all(
      setup.drivers.map(async (d) =>
        chain.contracts.market.connect(await chain.ethers.getSigner(d)),
      ),
    );
    const calls = setup.plan.map((b): NaiveCall => {
      const market = markets[b.driver];
      if (market === undefined) throw new Error(`booking ${b.index} has no driver`);
      return {
        label: bookingLabel(b),
        send: () => market.book(b.slotId, b.start, b.end, b.credits),
      };
    });
    return await timeNaiveCalls(chain, "bookings", calls);
  } finally {
    await chain.connection.close();
  }
}
