/**
 * The tiered scheme: marginal bands on the citizen's accepted grams so far in the epoch,
 * floor(sum(gramsInBand * bandRate) / 1000); default [0,2000) 400, [2000,5000) 250, [5000,inf) 100.
 */
import { expect } from "chai";

import { schemeDeployment } from "../../../ignition/rewardSchemes.js";
import { TieredScheme__factory, type TieredScheme } from "../../../typechain-types/index.js";
import { ethers, networkHelpers } from "../helpers/chain.js";
import { deployScheme } from "../helpers/fixture.js";
import { shouldBehaveLikeRewardScheme, type CountedDeposit } from "./behaviour.js";

type Bands = ReadonlyArray<readonly [bigint, bigint]>;

const DEFAULT_BANDS: Bands = [
  [0n, 400n],
  [2000n, 250n],
  [5000n, 100n],
];

/** The spec's formula, band by band: grams of [before, before + grams) in each band times its rate. */
function tiered(bands: Bands, before: bigint, grams: bigint): bigint {
  let sum = 0n;
  bands.forEach(([from, rate], i) => {
    const next = bands[i + 1];
    const low = before > from ? before : from;
    const high = next === undefined || before + grams < next[0] ? before + grams : next[0];
    if (high > low) sum += (high - low) * rate;
  });
  return sum / 1000n;
}

const EIGHT_BANDS: Bands = [
  [0n, 900n],
  [1n, 10n],
  [500n, 777n],
  [1000n, 0n],
  [3000n, 333n],
  [7000n, 1n],
  [10_000n, 2n ** 40n - 1n],
  [2n ** 64n - 1n, 5n],
];

describe("TieredScheme", () => {
  shouldBehaveLikeRewardScheme({
    kind: "tiered",
    deploy: () => deployScheme("tiered"),
    reward: (d: CountedDeposit) => tiered(DEFAULT_BANDS, d.epochGramsBefore, d.acceptedGrams),
    paysOnClaim: false,
  });

  shouldBehaveLikeRewardScheme({
    kind: "tiered",
    deploy: () => deployScheme("tiered", { bands: EIGHT_BANDS }),
    reward: (d: CountedDeposit) => tiered(EIGHT_BANDS, d.epochGramsBefore, d.acceptedGrams),
    paysOnClaim: false,
  });

  shouldBehaveLikeRewardScheme({
    kind: "tiered",
    deploy: () => deployScheme("tiered", { bands: [[0n, 123n]] }),
    reward: (d: CountedDeposit) => (d.acceptedGrams * 123n) / 1000n,
    paysOnClaim: false,
  });

  describe("band boundaries (default bands)", () => {
    async function bound(): Promise<TieredScheme> {
      const [, caller] = await ethers.getSigners();
      if (caller === undefined) throw new Error("signers");
      const scheme = TieredScheme__factory.connect(
        await (await deployScheme("tiered")).getAddress(),
        caller,
      );
      await scheme.bind();
      return scheme;
    }
    const cases: Array<[string, bigint, bigint, bigint]> = [
      ["up to exactly 2,000 g: all in the first band", 0n, 2000n, (2000n * 400n) / 1000n],
      ["from exactly 2,000 g: the second band", 2000n, 4n, (4n * 250n) / 1000n],
      ["one gram below 2,000 g", 1999n, 1n, (1n * 400n) / 1000n],
      ["spanning the first two bands", 1500n, 1000n, (500n * 400n + 500n * 250n) / 1000n],
      ["up to exactly 5,000 g", 2000n, 3000n, (3000n * 250n) / 1000n],
      ["from exactly 5,000 g: the last band", 5000n, 3000n, (3000n * 100n) / 1000n],
      [
        "spanning all three bands",
        1000n,
        5000n,
        (1000n * 400n + 3000n * 250n + 1000n * 100n) / 1000n,
      ],
      ["rounding the sum, not each band", 1999n, 4n, (1n * 400n + 3n * 250n) / 1000n],
      ["deep in the last band", 100_000n, 20_000n, (20_000n * 100n) / 1000n],
    ];
    for (const [what, before, grams, expected] of cases) {
      it(`${what}: before ${before} g, ${grams} g earn ${expected}`, async () => {
        const scheme = await networkHelpers.loadFixture(bound);
        const [, , citizen] = await ethers.getSigners();
        if (citizen === undefined) throw new Error("signers");
        const deposit = {
          citizen: citizen.address,
          kiosk: citizen.address,
          material: 1,
          acceptedGrams: grams,
          items: 0n,
          epoch: 0n,
          epochGramsBefore: before,
        };
        expect(await scheme.onDeposit.staticCall(deposit)).to.equal(expected);
        expect(tiered(DEFAULT_BANDS, before, grams)).to.equal(expected);
      });
    }
    it("rounds the sum of bands once: 1150 / 1000 = 1 where rounding each band would give 0", () => {
      expect((1n * 400n + 3n * 250n) / 1000n).to.equal(1n);
      expect((1n * 400n) / 1000n + (3n * 250n) / 1000n).to.equal(0n);
    });
  });

  it("keeps its bands and defaults to the spec's", async () => {
    const [admin] = await ethers.getSigners();
    if (admin === undefined) throw new Error("signers");
    const scheme = TieredScheme__factory.connect(
      await (await deployScheme("tiered")).getAddress(),
      admin,
    );
    expect((await scheme.bands()).map((b) => [b.fromGrams, b.rate])).to.deep.equal(DEFAULT_BANDS);
    expect(schemeDeployment("tiered", { bands: [[0, 1]] }).args).to.deep.equal([
      [{ fromGrams: 0n, rate: 1n }],
    ]);
    const eight = TieredScheme__factory.connect(
      await (await deployScheme("tiered", { bands: EIGHT_BANDS })).getAddress(),
      admin,
    );
    expect((await eight.bands()).map((b) => [b.fromGrams, b.rate])).to.deep.equal(EIGHT_BANDS);
    expect(await eight.MAX_BANDS()).to.equal(8n);
  });

  it("refuses bad bands, naming the band (SchemeInvalidParams)", async () => {
    const factory = await ethers.getContractFactory("TieredScheme");
    const band = (fromGrams: bigint, rate = 1n) => ({ fromGrams, rate });
    const bad: Array<[string, Array<{ fromGrams: bigint; rate: bigint }>, bigint]> = [
      ["no band", [], 0n],
      ["nine bands", Array.from({ length: 9 }, (_, i) => band(BigInt(i))), 9n],
      ["a first band not from 0", [band(1n)], 0n],
      ["equal starts", [band(0n), band(10n), band(10n)], 2n],
      ["descending starts", [band(0n), band(10n), band(5n)], 2n],
      ["a start over 64 bits", [band(0n), band(2n ** 64n)], 1n],
      ["a rate over 40 bits", [band(0n), band(1n, 2n ** 40n)], 1n],
    ];
    for (const [what, bands, index] of bad) {
      await expect(factory.deploy(bands), what)
        .to.be.revertedWithCustomError(factory, "SchemeInvalidParams")
        .withArgs(index);
    }
  });
});
