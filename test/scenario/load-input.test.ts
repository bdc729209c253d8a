/** loadInput: scenario or trace by extension, anything else refused. */
import { readFileSync } from "node:fs";

import { expect } from "chai";

import { inputKindOf, loadInput } from "../../src/scenario/load-input.js";
import { expectInputError, tempFolder, thrownBy } from "./helpers.js";

const fixture = (name: string) => new URL(`../../examples/${name}`, import.meta.url).pathname;
const scenarioFile = new URL("../../scenarios/songdo-week.yaml", import.meta.url).pathname;

describe("loadInput", () => {
  const files = tempFolder("load-input");
  after(files.cleanup);

  it("loads a .yaml file as a scenario", async () => {
    const input = await loadInput(scenarioFile);
    expect(input.kind).to.equal("scenario");
    expect(input.kind === "scenario" && input.scenario.name).to.equal("songdo-week");
  });

  it("loads a .YML file as a scenario", async () => {
    const file = files.write("week.YML", readFileSync(scenarioFile, "utf8"));
    expect((await loadInput(file)).kind).to.equal("scenario");
  });

  it("validates a .jsonl trace whole and streams it again", async () => {
    const input = await loadInput(fixture("parking.jsonl"));
    if (input.kind !== "trace") expect.fail("expected a trace");
    expect(input.summary.events).to.equal(9);
    let lines = 0;
    for await (const _ of input.read()) lines += 1;
    expect(lines).to.equal(9);
  });

  it("refuses a trace with a bad line before any event is used", async () => {
    const good = readFileSync(fixture("parking.jsonl"), "utf8");
    const file = files.write("late-error.jsonl", `${good}{"kind":"parking.settle"}\n`);
    expectInputError(await thrownBy(() => loadInput(file)), {
      code: "SCHEMA",
      file,
      line: 10,
      fieldPath: "parking.settle.t",
      reason: "required field is missing",
    });
  });

  for (const name of ["trace.json", "scenario.toml", "README"]) {
    it(`refuses ${name} by its extension`, async () => {
      const file = files.write(name, "{}");
      expectInputError(await thrownBy(() => loadInput(file)), {
        code: "UNSUPPORTED_FILE",
        file,
        reason: "expected a scenario (.yaml, .yml) or a trace (.jsonl)",
      });
    });
  }

  it("names the kind of a path without reading it", () => {
    expect(["a.yaml", "b.yml", "c.jsonl", "d.csv"].map(inputKindOf)).to.deep.equal([
      "scenario",
      "scenario",
      "trace",
      undefined,
    ]);
  });
});
