/**
 * Trace names to accounts. Every name maps to a deterministic key, so that the same trace
 * gives the same addresses on every run and every network, kiosks can sign EIP-712 receipts,
 * and a sender that signs its own transactions (a remote network) can act for any actor.
 */
import { Wallet, keccak256, toUtf8Bytes } from "ethers";

import type { Role } from "../scenario/trace-schema.js";

/**
 * Fixed salt of the key derivation. Changing it moves every address of every run, so it is
 * part of the output format (the addresses in balances.csv).
 */
export const ACTOR_KEY_SALT = "city-pilot-sim/v1/";

/** An actor of the trace as the replay knows it. */
export interface ReplayActor {
  name: string;
  address: string;
  roles: readonly Role[];
}

/**
 * The private key of a trace actor. Actor and system names are derived under different
 * prefixes, so no trace name can collide with a system account such as the keeper.
 *
 * A keccak-256 output is a valid secp256k1 key unless it is 0 or >= the group order, which
 * happens with probability below 2^-127: not worth a retry loop.
 */
export function actorPrivateKey(name: string): string {
  return keccak256(toUtf8Bytes(`${ACTOR_KEY_SALT}actor/${name}`));
}

/** The wallet of a trace actor (kiosks sign receipts with it). */
export function actorWallet(name: string): Wallet {
  return new Wallet(actorPrivateKey(name));
}

/** The private key of a system account of the replay (`keeper`, who settles no-shows). */
export function systemPrivateKey(name: "keeper"): string {
  return keccak256(toUtf8Bytes(`${ACTOR_KEY_SALT}system/${name}`));
}

/**
 * Address book of the actors met so far. Deriving an address costs about a millisecond
 * (an elliptic-curve multiplication), so each name is derived once.
 */
export class ActorBook {
  readonly #actors = new Map<string, ReplayActor>();
  readonly #wallets = new Map<string, Wallet>();
  readonly #keyOf: (name: string) => string;

  /** `keyOf`: a name's private key (default {@link actorPrivateKey}; remote runs use HD keys). */
  constructor(keyOf: (name: string) => string = actorPrivateKey) {
    this.#keyOf = keyOf;
  }

  /** Records an actor at its `actor.join` and returns it. */
  join(name: string, roles: readonly Role[]): ReplayActor {
    const wallet = new Wallet(this.#keyOf(name));
    const actor = { name, address: wallet.address, roles };
    this.#actors.set(name, actor);
    this.#wallets.set(name, wallet);
    return actor;
  }

  /** The address of a joined actor; throws for a name the trace never declared. */
  address(name: string): string {
    return this.get(name).address;
  }

  /** The actor, if it has joined. */
  find(name: string): ReplayActor | undefined {
    return this.#actors.get(name);
  }

  get(name: string): ReplayActor {
    const actor = this.#actors.get(name);
    if (actor === undefined) throw new Error(`actor '${name}' has not joined`);
    return actor;
  }

  /** The wallet of a joined actor (for signatures). */
  wallet(name: string): Wallet {
    const wallet = this.#wallets.get(name);
    if (wallet === undefined) throw new Error(`actor '${name}' has not joined`);
    return wallet;
  }

  /** Every actor, in the order they joined. */
  all(): ReplayActor[] {
    return [...this.#actors.values()];
  }
}
