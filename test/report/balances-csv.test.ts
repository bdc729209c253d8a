import { expect } from "chai";

import { csvField, formatBalancesCsv, type BalancesCsvParameters } from "../../src/report/index.js";

const ADDRESS = (n: number): string => `0x${n.toString(16).padStart(40, "0")}`;

function parameters(): BalancesCsvParameters {
  return {
    actors: [
      { name: "d1", address: ADDRESS(1), roles: ["driver"] },
      { name: "c7", address: ADDRESS(2), roles: ["citizen", "driver"] },
      { name: 'Kim, "Jay"', address: ADDRESS(3), roles: ["owner"] },
    ],
    contracts: { treasury: ADDRESS(100), market: ADDRESS(101) },
    chain: {
      actors: new Map([
        ["d1", { krw: 17_000n, credits: 0n }],
        ["c7", { krw: 2_500n, credits: 340n }],
        ['Kim, "Jay"', { krw: 9_000_000_000_000_000_001n, credits: 0n }],
      ]),
      treasury: { krw: 999_430n, credits: 0n },
      escrow: { krw: 6_000n, credits: 0n },
    },
  };
}

describe("report: balances.csv", () => {
  it("one row per actor, roles joined with +, then the treasury and the escrow", () => {
    expect(formatBalancesCsv(parameters()).split("\n")).to.deep.equal([
      "actor,role,address,krw,credits",
      `d1,driver,${ADDRESS(1)},17000,0`,
      `c7,citizen+driver,${ADDRESS(2)},2500,340`,
      `"Kim, ""Jay""",owner,${ADDRESS(3)},9000000000000000001,0`,
      `treasury,contract,${ADDRESS(100)},999430,0`,
      `parking-escrow,contract,${ADDRESS(101)},6000,0`,
      "",
    ]);
  });

  it("quotes a field only where RFC 4180 needs it", () => {
    expect(csvField("plain")).to.equal("plain");
    expect(csvField("a,b")).to.equal('"a,b"');
    expect(csvField('say "hi"')).to.equal('"say ""hi"""');
    expect(csvField("two\nlines")).to.equal('"two\nlines"');
    expect(csvField("cr\r")).to.equal('"cr\r"');
    expect(csvField("=1+1")).to.equal("=1+1");
  });

  it("refuses an actor the chain state does not cover", () => {
    const p = parameters();
    p.actors = [{ name: "ghost", address: ADDRESS(9), roles: ["citizen"] }];
    expect(() => formatBalancesCsv(p)).to.throw(/ghost/);
  });
});
