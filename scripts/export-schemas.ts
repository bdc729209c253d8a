/**
 * Writes the JSON Schemas of scenarios and trace events under schemas/ (committed, so that
 * editors find them; a test fails when they are stale).
 *
 *   tsx scripts/export-schemas.ts
 */
import { writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

import { format, resolveConfig } from "prettier";

import { jsonSchemaFiles } from "../src/scenario/json-schemas.js";

export const REPOSITORY_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

/** Each schema file's text as committed: JSON formatted with the project's prettier rules. */
export async function renderSchemaFiles(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [path, schema] of Object.entries(jsonSchemaFiles())) {
    const absolute = join(REPOSITORY_ROOT, path);
    const options = (await resolveConfig(absolute)) ?? {};
    out[path] = await format(JSON.stringify(schema), { ...options, filepath: absolute });
  }
  return out;
}

async function main(): Promise<void> {
  for (const [path, text] of Object.entries(await renderSchemaFiles())) {
    await writeFile(join(REPOSITORY_ROOT, path), text);
    console.log(`wrote ${path}`);
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
