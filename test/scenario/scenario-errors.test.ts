/** Bad scenario files: each refused with its code, file, line, field path and reason. */
import { loadScenario } from "../../src/scenario/load-scenario.js";
import { expectInputError, tempFolder, thrownBy, type ExpectedInputError } from "./helpers.js";

/** A valid scenario of 6 lines; cases append to it (their first line is line 7). */
const BASE = `name: t
start: "2026-04-06T00:00:00+09:00"
days: 7
districts:
  - name: songdo
    actors: { owners: 2, drivers: 5, citizens: 10, kiosks: 1, merchants: 1 }
`;

type Case = [title: string, yaml: string, expected: ExpectedInputError];

// One case per line or two: prettier would spread each over many.
// prettier-ignore
const APPENDED: Case[] = [
  ["an unknown top-level field", "colour: red\n",
    { code: "SCHEMA", line: 7, fieldPath: "colour", reason: "unknown field" }],
  ["an unknown nested field", "behaviour:\n  drivers:\n    tripsPerWek: 3\n",
    { code: "SCHEMA", line: 9, fieldPath: "behaviour.drivers.tripsPerWek", reason: "unknown field" }],
  ["a wrong type", "seed: forty-two\n",
    { code: "SCHEMA", line: 7, fieldPath: "seed", reason: "expected number, got string" }],
  ["a negative amount", "treasury:\n  krw: -1\n",
    { code: "SCHEMA", line: 8, fieldPath: "treasury.krw", reason: "must not be negative" }],
  ["a fractional amount", "actors:\n  startingKrw: { driver: 1000.5 }\n",
    { code: "SCHEMA", line: 8, fieldPath: "actors.startingKrw.driver", reason: "whole number" }],
  ["odds out of range", "behaviour:\n  drivers:\n    cancelOdds: 1.5\n",
    { code: "SCHEMA", line: 9, fieldPath: "behaviour.drivers.cancelOdds", reason: "must be between 0 and 1" }],
  ["negative odds", "behaviour:\n  citizens:\n    receiptShare: -0.1\n",
    { code: "SCHEMA", line: 9, fieldPath: "behaviour.citizens.receiptShare", reason: "must be between 0 and 1" }],
  ["a material mix not adding up to 1", "behaviour:\n  citizens:\n    materialMix: { PET: 0.5, PP: 0.4 }\n",
    { code: "SCHEMA", line: 9, fieldPath: "behaviour.citizens.materialMix", reason: "shares must add up to 1" }],
  ["availability shares not adding up to 1",
    "behaviour:\n  owners:\n    availability:\n      - { share: 0.5, availability: ['Mon-Fri 09:00-18:00'] }\n",
    { code: "SCHEMA", line: 10, fieldPath: "behaviour.owners.availability", reason: "they add up to 0.5" }],
  ["a bad availability entry", "behaviour:\n  owners:\n    availability:\n      - { share: 1, availability: ['Mon-Fri 09:10-18:00'] }\n",
    { code: "SCHEMA", line: 10, fieldPath: "behaviour.owners.availability[0].availability[0]", reason: "quarter hours" }],
  ["an hourly profile of 23 hours", `behaviour:\n  drivers:\n    weekdayArrivals: [${Array(23).fill(1).join(", ")}]\n`,
    { code: "SCHEMA", line: 9, fieldPath: "behaviour.drivers.weekdayArrivals", reason: "exactly 24 entries" }],
  ["an hourly profile of zeros", `behaviour:\n  citizens:\n    hourly: [${Array(24).fill(0).join(", ")}]\n`,
    { code: "SCHEMA", line: 9, fieldPath: "behaviour.citizens.hourly", reason: "at least one hour" }],
  ["a negative hourly weight", `behaviour:\n  citizens:\n    hourly: [-1${", 1".repeat(23)}]\n`,
    { code: "SCHEMA", line: 9, fieldPath: "behaviour.citizens.hourly[0]", reason: "must not be negative" }],
  ["a range with min above max", "behaviour:\n  owners:\n    unitPrice: { min: 400, max: 300 }\n",
    { code: "SCHEMA", line: 9, fieldPath: "behaviour.owners.unitPrice.max", reason: "min must not exceed max" }],
  ["a mean outside its clip range", "behaviour:\n  drivers:\n    stayMinutes: { mean: 10, sd: 5 }\n",
    { code: "SCHEMA", line: 9, fieldPath: "behaviour.drivers.stayMinutes.mean", reason: "between min and max" }],
  ["an unknown scheme", "scheme: lottery\n",
    { code: "SCHEMA", line: 7, fieldPath: "scheme", reason: 'must be one of "flat"' }],
  ["bad scheme params", "scheme: flat\nparams: { ratePerKg: -300 }\n",
    { code: "SCHEMA", line: 8, fieldPath: "params.ratePerKg", reason: "must not be negative" }],
  ["tiered bands not starting at 0", "schemes:\n  - { scheme: tiered, params: { bands: [[100, 400]] } }\n",
    { code: "SCHEMA", line: 8, fieldPath: "schemes[0].params.bands", reason: "must start at 0 grams" }],
  ["an unknown scheme in the list", "schemes: [flat, lottery]\n",
    { code: "SCHEMA", line: 7, fieldPath: "schemes[1]", reason: 'must be one of "flat"' }],
  ["an unknown field of a scheme entry", "schemes:\n  - { scheme: flat, rate: 3 }\n",
    { code: "SCHEMA", line: 8, fieldPath: "schemes[0].rate", reason: "unknown field" }],
  ["a scheme label used twice", "schemes: [flat, flat]\n",
    { code: "SCHEMA", line: 7, fieldPath: "schemes[1].label", reason: 'scheme label "flat" appears twice' }],
  ["a district named twice", "  - name: songdo\n",
    { code: "SCHEMA", line: 7, fieldPath: "districts[1].name", reason: 'district "songdo" appears twice' }],
  ["a sweep of a scheme not run", "sweep:\n  material.rates.PET: [100, 200]\n",
    { code: "SCHEMA", line: 8, fieldPath: 'sweep["material.rates.PET"]', reason: "not among the schemes run" }],
  ["a swept value out of range", "sweep:\n  behaviour.drivers.cancelOdds: [0.1, 2]\n",
    { code: "SCHEMA", line: 8, fieldPath: 'sweep["behaviour.drivers.cancelOdds"][1]', reason: "between 0 and 1" }],
  ["a swept scheme param out of range", "sweep:\n  flat.ratePerKg: [-1]\n",
    { code: "SCHEMA", line: 8, fieldPath: 'sweep["flat.ratePerKg"][0]', reason: "must not be negative" }],
  ["a sweep of something that is not a number", "sweep:\n  behaviour.drivers.nothing: [1]\n",
    { code: "SCHEMA", line: 8, fieldPath: 'sweep["behaviour.drivers.nothing"]', reason: "does not name a number" }],
  ["a seed beyond 32 bits", "seed: 4294967296\n",
    { code: "SCHEMA", line: 7, fieldPath: "seed", reason: "must fit in 32 bits" }],
  ["a platform fee above 100%", "market:\n  platformFeeBps: 10001\n",
    { code: "SCHEMA", line: 8, fieldPath: "market.platformFeeBps", reason: "must be at most 10000" }],
  ["a key written twice", "days: 8\n",
    { code: "YAML_SYNTAX", line: 7, reason: "Map keys must be unique" }],
  ["a YAML syntax error", "behaviour:\n  drivers: { cancelOdds: 0.1\n",
    { code: "YAML_SYNTAX", line: 9, reason: "" }],
];

// prettier-ignore
const REPLACED: [title: string, from: string, to: string, expected: ExpectedInputError][] = [
  ["a missing required field", "days: 7\n", "",
    { code: "SCHEMA", fieldPath: "days", reason: "required field is missing" }],
  ["zero days", "days: 7", "days: 0",
    { code: "SCHEMA", line: 3, fieldPath: "days", reason: "must be at least 1" }],
  ["a start time without offset", '"2026-04-06T00:00:00+09:00"', "2026-04-06 00:00",
    { code: "SCHEMA", line: 2, fieldPath: "start", reason: "ISO 8601 time with offset" }],
  ["a district name that is not a slug", "name: songdo", "name: Songdo City",
    { code: "SCHEMA", line: 5, fieldPath: "districts[0].name", reason: "lower-case letters" }],
  ["a negative actor count", "owners: 2", "owners: -2",
    { code: "SCHEMA", line: 6, fieldPath: "districts[0].actors.owners", reason: "must not be negative" }],
  ["no districts", "districts:\n  - name: songdo\n    actors: { owners: 2, drivers: 5, citizens: 10, kiosks: 1, merchants: 1 }\n", "districts: []\n",
    { code: "SCHEMA", line: 4, fieldPath: "districts", reason: "at least one district" }],
];

describe("scenario validation refuses bad input", () => {
  const files = tempFolder("scenario-errors");
  after(files.cleanup);

  APPENDED.forEach(([title, yaml, expected], i) => {
    it(`refuses ${title}`, async () => {
      const file = files.write(`appended-${i}.yaml`, BASE + yaml);
      expectInputError(await thrownBy(() => loadScenario(file)), { file, ...expected });
    });
  });

  REPLACED.forEach(([title, from, to, expected], i) => {
    it(`refuses ${title}`, async () => {
      const file = files.write(`replaced-${i}.yml`, BASE.replace(from, to));
      expectInputError(await thrownBy(() => loadScenario(file)), { file, ...expected });
    });
  });

  it("refuses a scenario file that does not exist", async () => {
    const file = files.write("a.yaml", BASE).replace("a.yaml", "nothing-here.yaml");
    expectInputError(await thrownBy(() => loadScenario(file)), {
      code: "UNREADABLE_FILE",
      file,
      reason: "no such file",
    });
  });
});
