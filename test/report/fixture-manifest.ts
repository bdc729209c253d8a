/**
 * Manifest parameters of a made-up run, for the manifest, HTML and write tests.
 */
import type { ManifestParameters } from "../../src/report/index.js";

export function manifestParameters(
  overrides: Partial<ManifestParameters> = {},
): ManifestParameters {
  return {
    createdAt: new Date("2026-04-08T01:02:03.000Z"),
    input: { file: "scenarios/week.yaml", kind: "scenario", sha256: "ab".repeat(32) },
    seed: 42,
    scheme: { name: "budgetPool", params: { budget: 1_000_000n } },
    network: { name: "hardhat", chainId: 31337n },
    compiler: {
      versions: ["0.8.30"],
      optimizer: { enabled: true, runs: 10_000 },
      evmVersion: "cancun",
    },
    code: { name: "city-pilot-sim", version: "0.1.0", commit: "f".repeat(40), dirty: false },
    timings: { generate: 0.5, replay: 12.25, model: 0.75, reconcile: 1.5, write: 0.1 },
    counts: { events: 33, transactions: 40, blocks: 20, actors: 9, slots: 2 },
    reconciliation: { differences: 0, mismatches: 0 },
    ...overrides,
  };
}
