/**
 * Keys of a remote replay. Transactions on a remote network are signed here, so every
 * account the replay acts for needs a private key:
 *
 * - the admin (Ignition's deployer, the KRW faucet) is the network's first configured account;
 * - trace actors and the keeper are HD accounts of the network's mnemonic at
 *   `m/44'/60'/a'/0/b`, where `a` and `b` come from keccak-256 of the run id and the name, so
 *   a second run on the same chain (reusing the deployment) acts with fresh accounts, and a
 *   resumed run with the same ones. With private keys instead of a mnemonic, the HD root is
 *   seeded from the admin key.
 */
import { HDNodeWallet, Mnemonic, Wallet, keccak256, toUtf8Bytes } from "ethers";
import type { NetworkConfig } from "hardhat/types/config";

import { ReplayError } from "../errors.js";

export interface RemoteKeys {
  /** The admin's private key (the network's first account). */
  admin: string;
  /** The private key of a trace actor or system account, for this run. */
  derive(name: string): string;
}

const HARDENED_MASK = 0x7fffffff;

/** `m/44'/60'/a'/0/b` from a name: 62 bits, so names of one run never share a key. */
export function actorPath(runId: string, name: string): string {
  const digest = keccak256(toUtf8Bytes(`city-pilot-sim/remote/${runId}/${name}`));
  const account = Number.parseInt(digest.slice(2, 10), 16) & HARDENED_MASK;
  const index = Number.parseInt(digest.slice(10, 18), 16) & HARDENED_MASK;
  return `m/44'/60'/${account}'/0/${index}`;
}

function deriver(root: HDNodeWallet, runId: string): (name: string) => string {
  // The shared prefix is derived once; each name then costs three child derivations.
  const coin = root.derivePath("m/44'/60'");
  return (name) => {
    const tail = actorPath(runId, name).split("/").slice(3).join("/");
    return coin.derivePath(tail).privateKey;
  };
}

/** The keys of a run on an HTTP network, from its `accounts` configuration. */
export async function remoteKeysOf(
  networkName: string,
  config: Readonly<NetworkConfig>,
  runId: string,
): Promise<RemoteKeys> {
  const accounts = config.type === "http" ? config.accounts : "remote";
  if (accounts === "remote" || (Array.isArray(accounts) && accounts.length === 0)) {
    throw new ReplayError("NO_KEYS", { network: networkName });
  }
  if (Array.isArray(accounts)) {
    const admin = await (accounts[0] as { get(): Promise<string> }).get();
    const seed = keccak256(toUtf8Bytes(`city-pilot-sim/remote-seed/${new Wallet(admin).address}`));
    return { admin, derive: deriver(HDNodeWallet.fromSeed(seed), runId) };
  }
  const phrase = await accounts.mnemonic.get();
  const password = await accounts.passphrase.get();
  const mnemonic = Mnemonic.fromPhrase(phrase, password);
  const root = HDNodeWallet.fromMnemonic(mnemonic, "m");
  const admin = root.derivePath(`${accounts.path}/${accounts.initialIndex}`).privateKey;
  return { admin, derive: deriver(root, runId) };
}
