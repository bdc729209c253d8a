/**
 * Errors of the replay stage, from one catalogue: a stable code and a message template.
 * Tests assert on the code. These are failures of the run itself (a network that cannot
 * replay, a trace the stage cannot map); a transaction that reverts is not an error but a
 * recorded outcome.
 */

export const REPLAY_ERRORS = {
  NETWORK_NOT_FAST:
    "the fast replay path needs an in-process (edr-simulated) network with {missing}; create the connection with fastPathNetworkOverride()",
  CHAIN_AHEAD:
    "the chain's clock ({chainTime}) is not before the trace's first event ({firstTime}); create the connection with fastPathNetworkOverride(firstEventTime)",
  TIME_BACKWARDS: "line {line}: time {time} is earlier than the previous event's {previous}",
  UNKNOWN_NAME: "line {line}: unknown {what} '{name}' (the trace must declare it first)",
  TX_TOO_LARGE:
    "line {line}: a transaction's gas limit {gas} exceeds the gas limit {limit} of a transaction or block",
  LEFT_PENDING:
    "{count} transaction(s) were not mined in the block at {time} (block gas limit or fee too low)",
  SEND_FAILED: "line {line}: the network refused a transaction: {reason}",
  SEND_REFUSED: "the node refused transaction {hash} from {from}: {reason}",
  RESUME_CHAIN_CHANGED:
    "cannot resume: {reason}; the node no longer has the chain the run was replayed on (restart it from its saved state, e.g. anvil --state FILE, or start the run again)",
  DEPLOYMENT_MISSING:
    "Ignition deployment '{deploymentId}' names contracts this chain does not have ({contract} at {address}): it was made on another chain; give another --deployment-id or remove ignition/deployments/{deploymentId}",
  NODE_LOST_BLOCKS:
    "the node no longer has block {number} ({hash}) the run had mined: it was restarted from a state without it; the chain and the run's records disagree, start the run again",
  NONCE_USED:
    "nonce {nonce} of {from} is used, but the node knows no transaction {hash}: another sender used the account, or the node lost the block holding it",
  NODE_UNREACHABLE:
    "the node at {url} did not answer {method} after {attempts} attempt(s): {reason}",
  NO_KEYS:
    "network '{network}' has no local accounts to sign with: configure `accounts` as a mnemonic or private keys",
  REMOTE_CHAIN_AHEAD:
    "the chain's latest block ({chainTime}) is later than the trace's first event ({firstTime}); start the node with an earlier genesis time (anvil --timestamp, or `hardhat node --network simNode`) or replay with --time-mode node",
} as const;

export type ReplayErrorCode = keyof typeof REPLAY_ERRORS;

/** Fills `{name}` placeholders of a template. */
function format(template: string, details: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in details ? String(details[key]) : whole,
  );
}

/** A failure of the replay run, with a catalogue code, its details and the cause. */
export class ReplayError extends Error {
  override readonly name = "ReplayError";
  readonly code: ReplayErrorCode;
  readonly details: Readonly<Record<string, string | number>>;

  constructor(
    code: ReplayErrorCode,
    details: Readonly<Record<string, string | number>> = {},
    options?: { cause?: unknown },
  ) {
    super(format(REPLAY_ERRORS[code], details), options);
    this.code = code;
    this.details = details;
  }
}
