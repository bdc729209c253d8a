/** The committed JSON Schemas are what the zod schemas export today. */
import { readFile } from "node:fs/promises";
import { join } from "node:path";

import { expect } from "chai";

import { REPOSITORY_ROOT, renderSchemaFiles } from "../../scripts/export-schemas.js";
import { scenarioJsonSchema, traceEventJsonSchema } from "../../src/scenario/json-schemas.js";

describe("exported JSON Schemas", () => {
  it("are committed as a fresh export would write them", async () => {
    for (const [path, text] of Object.entries(await renderSchemaFiles())) {
      const committed = await readFile(join(REPOSITORY_ROOT, path), "utf8");
      expect(committed, `${path} is stale: run tsx scripts/export-schemas.ts`).to.equal(text);
    }
  });

  it("describe every field of a scenario", () => {
    const undocumented: string[] = [];
    const visit = (node: unknown, path: string): void => {
      if (typeof node !== "object" || node === null) return;
      const properties = (node as { properties?: Record<string, unknown> }).properties ?? {};
      for (const [key, child] of Object.entries(properties)) {
        const described = typeof (child as { description?: unknown }).description === "string";
        if (!described && !["min", "max"].includes(key)) undocumented.push(`${path}.${key}`);
      }
      for (const child of Object.values(node)) visit(child, path);
    };
    visit(scenarioJsonSchema(), "scenario");
    expect(undocumented).to.deep.equal([]);
  });

  it("list one form per trace event kind", () => {
    const forms = (
      traceEventJsonSchema() as { anyOf: { properties: { kind: { const: string } } }[] }
    ).anyOf;
    expect(forms.map((f) => f.properties.kind.const)).to.include.members([
      "config",
      "merchant.redeem",
    ]);
    expect(forms).to.have.length(16);
  });
});
