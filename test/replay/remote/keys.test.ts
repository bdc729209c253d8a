/** Keys of a remote run: HD paths per run and name, from a mnemonic, from private keys, none. */
import { expect } from "chai";
import { Wallet } from "ethers";

import { ReplayError } from "../../../src/replay/errors.js";
import { actorPath, remoteKeysOf } from "../../../src/replay/remote/keys.js";

const KEY_A = Wallet.createRandom().privateKey;
const KEY_B = Wallet.createRandom().privateKey;

describe("remote replay keys", () => {
  describe("HD paths", () => {
    it("differ by run and by name, and stay the same for the same run and name", () => {
      expect(actorPath("run-1", "driver-1")).to.equal(actorPath("run-1", "driver-1"));
      expect(actorPath("run-1", "driver-1")).to.not.equal(actorPath("run-2", "driver-1"));
      expect(actorPath("run-1", "driver-1")).to.not.equal(actorPath("run-1", "driver-2"));
      expect(actorPath("run-1", "x")).to.match(/^m\/44'\/60'\/\d+'\/0\/\d+$/);
      const paths = new Set(Array.from({ length: 2000 }, (_, i) => actorPath("r", `a${i}`)));
      expect(paths.size).to.equal(2000);
    });
  });

  describe("keys of a remote run", () => {
    const variable = (value: string) => ({
      _type: "ResolvedConfigurationVariable" as const,
      format: "{variable}",
      get: () => Promise.resolve(value),
      getUrl: () => Promise.resolve(value),
      getBigInt: () => Promise.resolve(0n),
      getHexString: () => Promise.resolve(value),
    });
    const http = (accounts: unknown) =>
      ({ type: "http", accounts }) as unknown as Parameters<typeof remoteKeysOf>[1];
    const mnemonic = "test test test test test test test test test test test junk";
    const hd = http({
      mnemonic: variable(mnemonic),
      passphrase: variable(""),
      path: "m/44'/60'/0'/0",
      initialIndex: 0,
      count: 20,
    });

    it("take the admin from the mnemonic's first account and actors from the run's paths", async () => {
      const keys = await remoteKeysOf("anvil", hd, "run-1");
      // Account 0 of the test mnemonic, the one anvil and hardhat node fund.
      expect(new Wallet(keys.admin).address).to.equal("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
      const again = await remoteKeysOf("anvil", hd, "run-1");
      const other = await remoteKeysOf("anvil", hd, "run-2");
      expect(again.derive("actor/d1")).to.equal(keys.derive("actor/d1"));
      expect(other.derive("actor/d1")).to.not.equal(keys.derive("actor/d1"));
      expect(keys.derive("actor/d2")).to.not.equal(keys.derive("actor/d1"));
    });

    it("seed the actors from the admin key when the network lists private keys", async () => {
      const keys = await remoteKeysOf("city", http([variable(KEY_A), variable(KEY_B)]), "run-1");
      expect(keys.admin).to.equal(KEY_A);
      const other = await remoteKeysOf("city", http([variable(KEY_B)]), "run-1");
      expect(other.derive("actor/d1")).to.not.equal(keys.derive("actor/d1"));
    });

    it("refuse a network without local accounts (NO_KEYS)", async () => {
      for (const accounts of ["remote", []]) {
        const error = await remoteKeysOf("city", http(accounts), "r").catch((e: unknown) => e);
        expect((error as ReplayError).code).to.equal("NO_KEYS");
      }
    });
  });
});
