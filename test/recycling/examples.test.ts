/**
 * Replays the worked example `examples/recycling.jsonl` against the deployed system, at the
 * trace's times, and checks every balance of the table in `examples/README.md` (worked by
 * hand from the spec), plus the credit supply: minted - redeemed.
 */
import { readFileSync } from "node:fs";

import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { expect } from "chai";
import { network } from "hardhat";

import CityPilot from "../../ignition/modules/CityPilot.js";
import { MATERIALS, type MaterialName } from "../../ignition/rewardSchemes.js";
import {
  CityCredit__factory,
  CityTreasury__factory,
  KRWToken__factory,
  RecyclingRewards__factory,
} from "../../typechain-types/index.js";

const FIXTURES = new URL("../../examples/", import.meta.url);

interface TraceEvent {
  t: string;
  kind: string;
  [field: string]: unknown;
}

function readTrace(): TraceEvent[] {
  return readFileSync(new URL("recycling.jsonl", FIXTURES), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as TraceEvent);
}

/** Rows `actor -> [krw, credits]` of the README table under the `## recycling.jsonl` heading. */
function readExpected(): Map<string, [bigint, bigint]> {
  const readme = readFileSync(new URL("README.md", FIXTURES), "utf8");
  const section = readme.split(/^## /m).find((s) => s.startsWith("recycling.jsonl"));
  if (section === undefined) throw new Error("no recycling.jsonl section in the README");
  const rows = new Map<string, [bigint, bigint]>();
  for (const line of section.split("\n")) {
    const cells = line.split("|").map((c) => c.trim());
    const [, actor, krw, credits] = cells;
    if (actor === undefined || krw === undefined || credits === undefined) continue;
    if (!/^[\d,]+$/.test(krw) || !/^[\d,]+$/.test(credits)) continue;
    rows.set(actor, [BigInt(krw.replaceAll(",", "")), BigInt(credits.replaceAll(",", ""))]);
  }
  return rows;
}

const unix = (iso: string): bigint => BigInt(Date.parse(iso) / 1000);
const str = (e: TraceEvent, field: string): string => {
  const v = e[field];
  if (typeof v !== "string") throw new Error(`${e.kind}: ${field} is not a string`);
  return v;
};
const int = (e: TraceEvent, field: string, fallback?: bigint): bigint => {
  const v = e[field];
  if (v === undefined && fallback !== undefined) return fallback;
  if (typeof v !== "number" || !Number.isInteger(v))
    throw new Error(`${e.kind}: ${field} is not an integer`);
  return BigInt(v);
};

describe("worked example: recycling.jsonl", () => {
  it("ends with the balances of the README table", async () => {
    const trace = readTrace();
    const first = trace[0];
    if (first === undefined) throw new Error("empty trace");
    // KST midnight of the first event's day: floor((t + 9 h) / 1 day) days, back to UTC.
    const epochStart = ((unix(first.t) + 32_400n) / 86_400n) * 86_400n - 32_400n;
    const connection = await network.create({
      override: { initialDate: new Date(Number(epochStart - 86_400n) * 1000) },
    });
    const { ethers, ignition, networkHelpers } = connection;
    const deployed = await ignition.deploy(CityPilot, {
      parameters: { CityPilot: { epochStart } },
      displayUi: false,
    });
    const [admin, ...pool] = await ethers.getSigners();
    if (admin === undefined) throw new Error("signers");
    const krw = KRWToken__factory.connect(await deployed.krw.getAddress(), admin);
    const credit = CityCredit__factory.connect(await deployed.credit.getAddress(), admin);
    const treasury = CityTreasury__factory.connect(await deployed.treasury.getAddress(), admin);
    const rewards = RecyclingRewards__factory.connect(await deployed.rewards.getAddress(), admin);
    expect(
      await (await ethers.getContractAt("IRewardScheme", await rewards.scheme())).kind(),
    ).to.equal("flat");

    const actors = new Map<string, HardhatEthersSigner>();
    const actor = (name: string): HardhatEthersSigner => {
      const signer = actors.get(name);
      if (signer === undefined) throw new Error(`unknown actor ${name}`);
      return signer;
    };

    for (const e of trace) {
      const t = unix(e.t);
      if (t > BigInt(await networkHelpers.time.latest()))
        await networkHelpers.time.setNextBlockTimestamp(t);
      switch (e.kind) {
        case "config":
          expect(e.scheme ?? "flat").to.equal("flat");
          break;
        case "treasury.fund":
          await krw.mint(admin.address, int(e, "krw"));
          await krw.approve(treasury, int(e, "krw"));
          await treasury.fund(int(e, "krw"));
          break;
        case "actor.join": {
          const signer = pool[actors.size];
          if (signer === undefined) throw new Error("out of signers");
          actors.set(str(e, "actor"), signer);
          const krwAmount = int(e, "krw", 0n);
          if (krwAmount > 0n) await krw.mint(signer.address, krwAmount);
          if (e.role === "kiosk") {
            const district = ethers.encodeBytes32String(str(e, "district"));
            await rewards.registerKiosk(signer.address, district, int(e, "capacityGrams"));
          }
          if (e.role === "merchant") await treasury.setMerchant(signer.address, true);
          break;
        }
        case "recycle.deposit": {
          const material = MATERIALS.indexOf(str(e, "material") as MaterialName);
          expect(material).to.be.at.least(0);
          const deposit = {
            citizen: actor(str(e, "citizen")).address,
            material,
            grams: int(e, "grams"),
            items: int(e, "items"),
          };
          await rewards.connect(actor(str(e, "kiosk"))).depositBatch([deposit]);
          break;
        }
        case "credit.spend":
          await credit
            .connect(actor(str(e, "citizen")))
            .transfer(actor(str(e, "merchant")).address, int(e, "credits"));
          break;
        case "merchant.redeem":
          await treasury.connect(actor(str(e, "merchant"))).redeem(int(e, "credits"));
          break;
        default:
          throw new Error(`event kind ${e.kind} is not part of this example`);
      }
    }

    const expected = readExpected();
    expect([...expected.keys()]).to.have.members([
      "citizen-1",
      "cafe-1",
      "treasury",
      "parking-escrow",
    ]);
    const addressOf = async (name: string): Promise<string> => {
      if (name === "treasury") return treasury.getAddress();
      if (name === "parking-escrow") return deployed.market.getAddress();
      return actor(name).address;
    };
    for (const [name, [krwBalance, creditBalance]] of expected) {
      const address = await addressOf(name);
      expect(await krw.balanceOf(address), `${name} krw`).to.equal(krwBalance);
      expect(await credit.balanceOf(address), `${name} credits`).to.equal(creditBalance);
    }
    // "Credit supply after the run: 1,500 minted - 1,200 redeemed = 300."
    expect(await rewards.mintedInEpoch(0n)).to.equal(1500n);
    expect(await treasury.totalRedeemed()).to.equal(1200n);
    expect(await credit.totalSupply()).to.equal(1500n - 1200n);
    await connection.close();
  });
});
