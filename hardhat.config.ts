import { createRequire } from "node:module";

import hardhatToolboxMochaEthers from "@nomicfoundation/hardhat-toolbox-mocha-ethers";
import { defineConfig, task } from "hardhat/config";
import { ArgumentType } from "hardhat/types/arguments";

// solc comes from the pinned `solc` npm package (WASM), so compiling needs no download.
const soljson = createRequire(import.meta.url).resolve("solc/soljson.js");

/** The public test mnemonic `hardhat node` and `anvil` fund their accounts from. */
const TEST_MNEMONIC = "test test test test test test test test test test test junk";

const optional = (name: string, description: string) =>
  ({
    name,
    description,
    type: ArgumentType.STRING_WITHOUT_DEFAULT,
    defaultValue: undefined,
  }) as const;

const generateTask = task("generate", "Generate a trace (JSON Lines) from a scenario")
  .addPositionalArgument({ name: "scenario", description: "Scenario file (.yaml)" })
  .addOption(optional("out", "Trace file to write (default: out/<scenario>-<seed>.jsonl)"))
  .addOption(optional("seed", "Seed (default: the scenario's)"))
  .addOption(
    optional(
      "scheme",
      "Initial scheme: a label or scheme of the scenario's schemes, or a scheme name",
    ),
  )
  .setAction(() => import("./tasks/generate.js"))
  .build();

const simulateTask = task(
  "simulate",
  "Replay a scenario or trace, reconcile it with the model, write the report",
)
  .addPositionalArgument({
    name: "input",
    description: "Scenario (.yaml) or trace (.jsonl); none with --resume",
    defaultValue: "",
  })
  .addOption(optional("out", "Output folder (default: out/<name>-<timestamp>/)"))
  .addOption(optional("seed", "Seed of a scenario (default: the scenario's)"))
  .addOption(optional("scheme", "Initial reward scheme (later scheme.set events still apply)"))
  .addOption(optional("rpcUrl", "Remote networks: the node's URL instead of the configured one"))
  .addOption(
    optional("timeMode", "Remote networks: auto (default), trace (blocks at trace times) or node"),
  )
  .addOption(optional("confirmations", "Remote networks, node time mode: blocks per receipt (1)"))
  .addOption(
    optional("deploymentId", "Remote networks: Ignition deployment id to reuse (or to create)"),
  )
  .addOption(optional("rpcRetries", "Remote networks: retries of a failed request (default 8)"))
  .addOption(optional("resume", "Continue the interrupted remote run whose output folder is DIR"))
  .addOption(
    optional("gasPriceGwei", "Gas price in gwei for the report's KRW cost of gas (default: 1)"),
  )
  .addOption(
    optional("krwPerEth", "KRW per ETH for the report's KRW cost of gas (default: 5000000)"),
  )
  .setAction(() => import("./tasks/simulate.js"))
  .build();

const compareTask = task(
  "compare",
  "Compare reward schemes on the same seeds: means, 95% intervals, differences from a baseline",
)
  .addPositionalArgument({ name: "scenario", description: "Scenario file (.yaml)" })
  .addOption(
    optional("schemes", "Schemes to compare, comma-separated labels or names (default: all)"),
  )
  .addOption(optional("runs", "Seeds per scheme: the scenario's seed, seed + 1, ... (default 5)"))
  .addOption(optional("workers", "Runs at once, each in its own process (default: cores)"))
  .addOption(optional("out", "Output folder (default: out/<name>-compare-<timestamp>/)"))
  .addOption(optional("shard", "Run share i of n of the runs, e.g. 1/2 (combine with merge)"))
  .addOption(optional("baseline", "Scheme the others are compared with (default: the first)"))
  .addFlag({ name: "noSweep", description: "Compare the scenario as written, without its sweep" })
  .setAction(() => import("./tasks/compare.js"))
  .build();

const mergeTask = task("merge", "Combine the shard folders of a compare into one comparison")
  .addOption(optional("out", "Output folder (default: out/<name>-compare-<timestamp>/)"))
  .addVariadicArgument({
    name: "dirs",
    description: "Folders written by compare --shard i/n",
    defaultValue: [],
  })
  .setAction(() => import("./tasks/merge.js"))
  .build();

export default defineConfig({
  plugins: [hardhatToolboxMochaEthers],
  tasks: [generateTask, simulateTask, compareTask, mergeTask],
  solidity: {
    version: "0.8.30",
    path: soljson,
    settings: {
      optimizer: { enabled: true, runs: 10_000 },
      evmVersion: "cancun",
    },
  },
  typechain: { outDir: "typechain-types" },
  test: {
    solidity: {
      fuzz: { runs: Number(process.env.FUZZ_RUNS ?? 256), seed: "0x5eed" },
      invariant: { runs: Number(process.env.INVARIANT_RUNS ?? 64), depth: 32, failOnRevert: false },
    },
  },
  networks: {
    hardhatMainnet: { type: "edr-simulated", chainType: "l1" },
    // The chain `npx hardhat node --network simNode` serves: it starts in 2020, before any
    // scenario, so a replay can set block times that follow its trace.
    simNode: {
      type: "edr-simulated",
      chainType: "l1",
      initialDate: "2020-01-01T00:00:00Z",
      allowBlocksWithSameTimestamp: true,
    },
    // Remote networks (README "Remote networks"). The accounts are the well-known test
    // mnemonic of `hardhat node` and `anvil`; on a real network put yours in the keystore
    // (`npx hardhat keystore set CITY_SIM_MNEMONIC`) and use configVariable("CITY_SIM_MNEMONIC").
    hardhatNode: {
      type: "http",
      chainType: "l1",
      url: process.env.HARDHAT_NODE_URL ?? "http://127.0.0.1:8545",
      accounts: { mnemonic: TEST_MNEMONIC },
    },
    anvil: {
      type: "http",
      chainType: "l1",
      url: process.env.ANVIL_URL ?? "http://127.0.0.1:8546",
      accounts: { mnemonic: TEST_MNEMONIC },
    },
  },
});
