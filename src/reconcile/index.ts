export { CHAIN_ERROR_REASONS, chainErrorMeans } from "./error-map.js";
export {
  compareOutcome,
  emptyTally,
  EXPECT_OK,
  tallyOutcome,
  type Expectation,
  type OutcomeMismatch,
  type OutcomeTally,
} from "./outcomes.js";
export {
  readChainState,
  type AccountBalance,
  type CallProvider,
  type ChainState,
} from "./read-chain.js";
export { compareBalances, formatDifferences, type BalanceDifference } from "./balances.js";
