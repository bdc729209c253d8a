import { int, table } from "./report-table.js";
import { RPC_PHASES } from "./rpc-profile.js";
import type {
  MonthFigure,
  MonthStop,
  ReplayFigure,
  SimulatorResults,
} from "./simulator-results.js";

const seconds = (s: number): string => s.toFixed(1);
const percent = (x: number): string => `${Math.round(100 * x)}%`;
const megabytes = (bytes: number): string => `${int(bytes / 1_000_000)} MB`;

function replayRow(name: string, f: ReplayFigure | null): string[] {
  if (f === null) return [name, "skipped", "", "", "", "", "", ""];
  return [
    name,
    int(f.events),
    int(f.transactions),
    int(f.blocks),
    `${int(f.reverted)} / ${int(f.rejected)}`,
    f.seconds.toFixed(2),
    `${int(f.eventsPerSecond)} ev/s`,
    `${int(f.txPerSecond)} tx/s`,
  ];
}

/** A ratio and its verdict; without a target, just the ratio. */
function ratioLine(label: string, value: number | null, target: string, verdict: string) {
  const shown = value === null ? "-" : `${value.toFixed(2)}x`;
  const judged = target === "" ? "(not judged)" : `target ${target.padEnd(8)} ${verdict}`;
  return `  ${label.padEnd(38)} ${shown.padStart(7)}  ${judged}`;
}

/** Where a fast replay's time went, one line per phase, and mining per tenth of the blocks. */
function profileLines(name: string, f: ReplayFigure): string[] {
  const profile = f.profile;
  if (profile === null) return [];
  const total = f.seconds * 1000;
  const share = (ms: number): string =>
    `${(ms / 1000).toFixed(2)} s (${total > 0 ? percent(ms / total) : "-"})`;
  const cells: string[][] = RPC_PHASES.filter((p) => profile.rpc.phases[p].requests > 0).map(
    (p) => {
      const phase = profile.rpc.phases[p];
      const per = phase.requests > 0 ? (phase.ms / phase.requests).toFixed(3) : "-";
      return [`rpc ${p}`, int(phase.requests), share(phase.ms), per];
    },
  );
  if (profile.traceReadMs !== null) {
    cells.push(["trace read + validation", "", share(profile.traceReadMs), ""]);
  }
  const rest =
    profile.traceReadMs === null
      ? "JS: planning, records, per-record reconciliation, trace read"
      : "JS: planning, records";
  cells.push([rest, "", share(profile.otherMs), ""]);
  const slices = profile.rpc.mineSlices.map((s) => s.msPerBlock.toFixed(2)).join(" ");
  return [
    `Where the ${name} replay's ${seconds(f.seconds)} s went (wall clock: the phases never`,
    "overlap; concurrent receipt requests count once):",
    ...table(["phase", "requests", "time (share)", "ms/request"], cells).map((l) => `  ${l}`),
    `  evm_mine ms per block, by tenth of the blocks: ${slices}`,
  ];
}

function stageLine(m: MonthFigure): string {
  const st = m.stages;
  if (st === null) return "";
  const stage = (name: string, v: number | null): string =>
    v === null ? `${name} -` : `${name} ${seconds(v)} s`;
  return (
    `; stages: ${stage("generate", st.generate)}, ${stage("model", st.model)}, ` +
    `${stage("replay", st.replay)}, ${stage("reconcile", st.reconcile)}, ${stage("write", st.write)}`
  );
}

/** Where a month simulation stopped, and a rough projection of the whole run. */
function stopLines(stop: MonthStop): string[] {
  const limit =
    stop.reason === "time"
      ? `BENCH_MONTH_MAX_SECONDS=${int(stop.limit)}`
      : `BENCH_MONTH_MAX_RSS_MIB=${int(stop.limit / 1_048_576)}`;
  const done = stop.eventsTotal > 0 ? ` (${percent(stop.eventsDone / stop.eventsTotal)})` : "";
  const lines = [
    `  STOPPED at the ${stop.reason} limit (${limit}) after ${seconds(stop.seconds)} s: ` +
      `${int(stop.eventsDone)} of ${int(stop.eventsTotal)} events${done} replayed, ` +
      `RSS ${megabytes(stop.rssBytes)}, JS heap ${megabytes(stop.heapUsedBytes)}`,
  ];
  if (stop.projectedReplaySeconds !== null && stop.projectedRssBytes !== null) {
    lines.push(
      `  whole month at the recent rates per block over its ${int(stop.distinctTimes)} distinct ` +
        `event times (a rough projection): replay ~` +
        `${seconds(stop.projectedReplaySeconds)} s, RSS ~${megabytes(stop.projectedRssBytes)}`,
    );
  }
  return lines;
}

function monthLines(s: SimulatorResults): string[] {
  const t = s.targets;
  const m = s.month;
  if (m === null) {
    return [s.monthError === null ? "  skipped (BENCH_MONTH=0)" : `  FAILED: ${s.monthError}`];
  }
  const finished = m.stopped === null;
  const rss = m.peakRssBytes;
  const reconciled =
    m.reconciled === null
      ? "not reached (stopped before the end)"
      : m.reconciled
        ? "yes, chain and model agree on every balance and event"
        : "NO";
  const lines = [
    `  ${m.scenario}: ${int(m.replay.events)} events, ${int(m.replay.transactions)} ` +
      `transactions, ${int(m.replay.blocks)} blocks${finished ? "" : " (up to the stop)"}`,
    `  wall time ${seconds(m.wallSeconds)} s (target < ${t.monthSeconds} s: ${s.verdicts.monthWall})` +
      stageLine(m),
    `  peak RSS ${rss === null ? "unknown" : megabytes(rss)} (${m.rssSource}; largest JS heap ` +
      `${megabytes(m.maxHeapUsedBytes)}, the rest is native, mostly the chain; ` +
      `target < ${megabytes(t.monthRssBytes)}: ${s.verdicts.monthRss})`,
    `  reconciled: ${reconciled} (exit code ${m.exitCode ?? "none"})`,
  ];
  if (m.stopped !== null) lines.push(...stopLines(m.stopped));
  return lines;
}

/** The simulator section: replays, month simulation, references, ratios, profile. */
export function formatSimulator(s: SimulatorResults): string[] {
  const lines: string[] = ["Simulator (SPEC section 8; references measured in this run)"];
  const week = s.week;
  const rows = [
    replayRow("week, replay fast path", week.fast),
    replayRow("week, naive (awaited ethers calls)", week.naive),
    replayRow(
      s.month?.stopped == null
        ? "month, replay inside the simulation"
        : "month, replay inside the simulation, up to the stop",
      s.month?.replay ?? null,
    ),
  ];
  lines.push(
    ...table(
      ["replay", "events", "tx", "blocks", "revert/reject", "seconds", "events/s", "tx/s"],
      rows,
    ),
  );
  lines.push(
    `  week trace: ${week.trace.scenario}, ${int(week.trace.events)} events, generated in ` +
      `${week.trace.generateSeconds.toFixed(2)} s; naive sends deposits one per transaction`,
  );
  lines.push(`  raw transfer limit (this run): ${int(s.rawTxPerSecond)} tx/s`);

  const t = s.targets;
  lines.push("", "Month simulation (child process, the whole run):", ...monthLines(s));

  const r = s.ratios;
  const v = s.verdicts;
  lines.push(
    "",
    "Simulator ratios (transactions a second, same run; met/missed is reported, not asserted):",
    ratioLine("week replay / raw transfer limit", r.weekToRaw, `>= ${t.rawShare}x`, v.weekToRaw),
    ratioLine("month replay / raw transfer limit", r.monthToRaw, `>= ${t.rawShare}x`, v.monthToRaw),
    ratioLine("week replay / naive replay", r.weekToNaiveTx, `>= ${t.naiveRatio}x`, v.weekToNaive),
    ratioLine("week replay / naive, events a second", r.weekToNaiveEvents, "", ""),
  );
  lines.push("", ...profileLines("week", week.fast));
  if (s.month !== null) lines.push("", ...profileLines("month", s.month.replay));
  return lines;
}
