/**
 * Gas of the recycling paths, for the figures quoted in SPEC.md section 8: a kiosk batch of 1,
 * 10, 50 and 100 deposits by first-time depositors (cold) and by citizens who deposited earlier
 * in the epoch (warm, on a later day), and a receipt claim (cold and warm), under each scheme.
 *
 *   npx hardhat run scripts/recycling-gas.ts
 *
 * Gas is the transaction's `gasUsed` (21,000 base and calldata included) divided by the
 * number of deposits. Do not run it under coverage: instrumented code costs more.
 */
import { network } from "hardhat";
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";

import { SCHEME_KINDS, schemeDeployment, type SchemeKind } from "../ignition/rewardSchemes.js";
import type { RecyclingRewards } from "../typechain-types/index.js";

const { ethers, networkHelpers } = await network.create();

const DAY = 86_400n;
const BATCH_SIZES = [1, 10, 50, 100];
const RECEIPT_TYPES = {
  Receipt: [
    { name: "citizen", type: "address" },
    { name: "kiosk", type: "address" },
    { name: "material", type: "uint8" },
    { name: "grams", type: "uint256" },
    { name: "items", type: "uint256" },
    { name: "id", type: "uint256" },
    { name: "expiry", type: "uint256" },
  ],
};

async function deploy(
  kind: SchemeKind,
): Promise<{ rewards: RecyclingRewards; kiosk: HardhatEthersSigner; start: bigint }> {
  const [admin, kiosk] = await ethers.getSigners();
  if (admin === undefined || kiosk === undefined) throw new Error("signers");
  const latest = BigInt(await networkHelpers.time.latest());
  const start = ((latest + 32_400n) / DAY + 2n) * DAY - 32_400n;
  const credit = await ethers.deployContract("CityCredit", [admin.address]);
  const { contractName, args } = schemeDeployment(kind);
  const scheme = await ethers.deployContract(contractName, args);
  const params = {
    dailyCapGrams: 5000n,
    maxDepositGrams: 20_000n,
    epochSeconds: 30n * DAY,
    epochStart: start,
    epochMintCap: 0n,
  };
  const rewards = await ethers.deployContract("RecyclingRewards", [
    admin.address,
    credit,
    params,
    scheme,
  ]);
  await credit.grantRole(await credit.MINTER_ROLE(), rewards);
  await rewards.registerKiosk(kiosk.address, ethers.ZeroHash, 10n ** 12n);
  await networkHelpers.time.increaseTo(start + 9n * 3600n);
  return { rewards, kiosk, start };
}

function wallets(n: number): string[] {
  return Array.from({ length: n }, () => ethers.Wallet.createRandom().address);
}

async function batchGas(
  rewards: RecyclingRewards,
  kiosk: HardhatEthersSigner,
  citizens: string[],
): Promise<bigint> {
  const batch = citizens.map((citizen) => ({ citizen, material: 1, grams: 1000n, items: 40n }));
  const receipt = await (await rewards.connect(kiosk).depositBatch(batch)).wait();
  if (receipt === null) throw new Error("no receipt");
  return receipt.gasUsed;
}

async function receiptGas(
  rewards: RecyclingRewards,
  kiosk: HardhatEthersSigner,
  citizen: HardhatEthersSigner,
  id: bigint,
): Promise<bigint> {
  const { chainId } = await ethers.provider.getNetwork();
  const domain = {
    name: "RecyclingRewards",
    version: "1",
    chainId,
    verifyingContract: await rewards.getAddress(),
  };
  const expiry = BigInt(await networkHelpers.time.latest()) + DAY;
  const value = {
    citizen: citizen.address,
    kiosk: kiosk.address,
    material: 1,
    grams: 1000n,
    items: 40n,
    id,
    expiry,
  };
  const signature = await kiosk.signTypedData(domain, RECEIPT_TYPES, value);
  const receipt = await (await rewards.connect(citizen).claimReceipt(value, signature)).wait();
  if (receipt === null) throw new Error("no receipt");
  return receipt.gasUsed;
}

const rows: Array<Record<string, string | number>> = [];
for (const kind of SCHEME_KINDS) {
  for (const size of BATCH_SIZES) {
    const { rewards, kiosk, start } = await deploy(kind);
    const citizens = wallets(size);
    const cold = await batchGas(rewards, kiosk, citizens);
    await networkHelpers.time.increaseTo(start + DAY + 9n * 3600n);
    const warm = await batchGas(rewards, kiosk, citizens);
    rows.push({
      scheme: kind,
      batch: size,
      "cold gas/deposit": Number(cold / BigInt(size)),
      "warm gas/deposit": Number(warm / BigInt(size)),
    });
  }
  const { rewards, kiosk, start } = await deploy(kind);
  const signers = await ethers.getSigners();
  const citizen = signers[5];
  if (citizen === undefined) throw new Error("signers");
  const cold = await receiptGas(rewards, kiosk, citizen, 0n);
  await networkHelpers.time.increaseTo(start + DAY + 9n * 3600n);
  const warm = await receiptGas(rewards, kiosk, citizen, 1n);
  rows.push({
    scheme: kind,
    batch: "receipt",
    "cold gas/deposit": Number(cold),
    "warm gas/deposit": Number(warm),
  });
}
console.table(rows);
