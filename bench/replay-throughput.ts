/**
 * Throughput of the replay's fast path on a synthetic parking trace (about 10,000 events),
 * next to the raw limit of the in-process network measured in the same run (KRW transfers
 * from 100 impersonated senders, 1,000 a block): machines are noisy, so compare the ratio.
 *
 *   npx hardhat run bench/replay-throughput.ts
 *   REPLAY_BENCH_EVENTS=20000 npx hardhat run bench/replay-throughput.ts
 */
import { network } from "hardhat";

import { fastPathNetworkOverride } from "../src/replay/network.js";
import { replayTrace } from "../src/replay/replay-trace.js";
import type { TracedEvent } from "../src/replay/types.js";
import { parseEvent, unixSeconds, type TraceEventInput } from "../src/scenario/trace-schema.js";
import { KRWToken__factory } from "../typechain-types/index.js";

const TARGET_EVENTS = Number(process.env.REPLAY_BENCH_EVENTS ?? 10_000);
const DRIVERS = 200;
const SLOTS = 100;
const START = Date.parse("2026-04-06T07:00:00+09:00") / 1000;
const UNIT = 900;

/** A small seeded generator (mulberry32): the same trace on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const iso = (unix: number) => new Date(unix * 1000).toISOString().replace(".000Z", "Z");
/** Event times on the minute, so that several events share a block. */
const minute = (unix: number) => Math.floor(unix / 60) * 60;

function setup(): TraceEventInput[] {
  const t = iso(START);
  const events: TraceEventInput[] = [{ t, kind: "treasury.fund", krw: 1_000_000 }];
  for (let o = 0; o < SLOTS / 2; o += 1)
    events.push({ t, kind: "actor.join", actor: `o${o}`, role: "owner" });
  for (let d = 0; d < DRIVERS; d += 1) {
    events.push({ t, kind: "actor.join", actor: `d${d}`, role: "driver", krw: 100_000_000 });
  }
  for (let s = 0; s < SLOTS; s += 1) {
    events.push({
      t,
      kind: "slot.register",
      slot: `s${s}`,
      owner: `o${s % (SLOTS / 2)}`,
      district: `district-${s % 5}`,
      unitPrice: 100 + (s % 7) * 50,
      availability: ["Mon-Sun 00:00-24:00"],
    });
  }
  return events;
}

/** One booking's events: book, then cancel (10%), no-show settle (5%) or check-in and out. */
function bookingEvents(
  i: number,
  slot: number,
  start: number,
  rnd: () => number,
): TraceEventInput[] {
  const units = 1 + Math.floor(rnd() * 8);
  const end = start + units * UNIT;
  const booking = `b${i}`;
  const bookedAt = minute(Math.max(START + 60, start - 600 - Math.floor(rnd() * 4 * 3600)));
  const driver = `d${Math.floor(rnd() * DRIVERS)}`;
  const book: TraceEventInput = {
    t: iso(bookedAt),
    kind: "parking.book",
    booking,
    driver,
    slot: `s${slot}`,
    start: iso(start),
    end: iso(end),
  };
  const fate = rnd();
  if (fate < 0.1)
    return [
      book,
      { t: iso(minute(Math.max(bookedAt, start - 1_800))), kind: "parking.cancel", booking },
    ];
  if (fate < 0.15) return [book, { t: iso(end + 900), kind: "parking.settle", booking }];
  const inAt = minute(start + Math.floor(rnd() * 600));
  const outAt = minute(end - 300 + Math.floor(rnd() * 1_800));
  return [
    book,
    { t: iso(inAt), kind: "parking.checkIn", booking },
    { t: iso(outAt), kind: "parking.checkOut", booking },
  ];
}

/** A deterministic parking trace of about `target` events, sorted by time (stable). */
function syntheticTrace(target: number): TracedEvent[] {
  const rnd = random(42);
  const events = setup();
  const nextFree = Array.from({ length: SLOTS }, () => START + 4 * 3600);
  for (let i = 0; events.length < target; i += 1) {
    const slot = Math.floor(rnd() * SLOTS);
    const start = (nextFree[slot] ?? 0) + Math.floor(rnd() * 8) * UNIT;
    const booked = bookingEvents(i, slot, start, rnd);
    nextFree[slot] =
      unixSeconds(booked[0]?.kind === "parking.book" ? booked[0].end : iso(start)) + 2 * UNIT;
    events.push(...booked);
  }
  const timed = events.map((value, index) => {
    const parsed = parseEvent(value);
    if (!parsed.success) throw new Error(`synthetic line ${index + 1}: ${parsed.error.message}`);
    return { line: index + 1, time: unixSeconds(parsed.data.t), event: parsed.data };
  });
  timed.sort((a, b) => a.time - b.time || a.line - b.line);
  return timed.map((e, index) => ({ ...e, line: index + 1 }));
}

/** Raw reference: KRW transfers from 100 impersonated senders, 1,000 per block. */
async function rawTransfers(total: number): Promise<number> {
  const connection = await network.create({ override: fastPathNetworkOverride(START) });
  const [admin] = await connection.ethers.getSigners();
  if (admin === undefined) throw new Error("no signer");
  const krw = await (await connection.ethers.getContractFactory("KRWToken")).deploy(admin.address);
  await krw.waitForDeployment();
  const token = KRWToken__factory.connect(await krw.getAddress(), admin);
  const senders = Array.from(
    { length: 100 },
    (_, i) => `0x${(i + 1).toString(16).padStart(40, "0")}`,
  );
  for (const s of senders) {
    await (await token.mint(s, 1_000_000n)).wait();
    await connection.provider.request({ method: "hardhat_impersonateAccount", params: [s] });
    await connection.provider.request({
      method: "hardhat_setBalance",
      params: [s, "0xffffffffffffffffffffff"],
    });
  }
  await connection.provider.request({ method: "evm_setAutomine", params: [false] });
  const data = token.interface.encodeFunctionData("transfer", [admin.address, 1n]);
  const to = await token.getAddress();
  const began = performance.now();
  for (let i = 0; i < total; i += 1) {
    await connection.provider.request({
      method: "eth_sendTransaction",
      params: [
        {
          from: senders[i % 100],
          to,
          data,
          gas: "0x15f90",
          maxFeePerGas: "0x38d7ea4c68000",
          maxPriorityFeePerGas: "0x0",
        },
      ],
    });
    if ((i + 1) % 1_000 === 0 || i + 1 === total)
      await connection.provider.request({ method: "evm_mine", params: [] });
  }
  const seconds = (performance.now() - began) / 1000;
  await connection.close();
  return total / seconds;
}

async function main(): Promise<void> {
  const events = syntheticTrace(TARGET_EVENTS);
  const connection = await network.create({
    override: fastPathNetworkOverride(events[0]?.time ?? START),
  });
  const result = await replayTrace(connection, events, { keepRecords: false });
  await connection.close();
  const { stats } = result;
  const rawTxPerSecond = await rawTransfers(5_000);
  const row = (label: string, value: string) => console.log(`${label.padEnd(34)} ${value}`);
  row("events", `${stats.events} (${stats.reverted} reverted)`);
  row("transactions / blocks", `${stats.transactions} / ${stats.blocks}`);
  row("deploy (s)", stats.deploySeconds.toFixed(2));
  row("replay (s)", stats.seconds.toFixed(2));
  row("replay events/s", (stats.events / stats.seconds).toFixed(0));
  row("replay tx/s", (stats.transactions / stats.seconds).toFixed(0));
  row("raw transfers tx/s (same run)", rawTxPerSecond.toFixed(0));
  row(
    "replay tx/s as share of raw",
    `${((100 * stats.transactions) / stats.seconds / rawTxPerSecond).toFixed(0)}%`,
  );
}

await main();
