/** Shared helpers of the scenario tests: temporary files and assertions on InputErrors. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { expect } from "chai";

import { AggregateInputError, InputError, type InputErrorCode } from "../../src/scenario/errors.js";

/** A folder under the OS temp dir for one test file; `cleanup` removes it. */
export function tempFolder(prefix: string): {
  write: (name: string, content: string) => string;
  cleanup: () => void;
} {
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  return {
    write: (name, content) => {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** What a refusal must say. `reason` is a substring; `fieldPath` exact unless a RegExp. */
export interface ExpectedInputError {
  code: InputErrorCode;
  file?: string;
  line?: number;
  fieldPath?: string | RegExp;
  reason: string;
}

/** The first error (an aggregate reports its first). */
export function firstError(error: unknown): InputError {
  expect(error, String(error)).to.be.instanceOf(InputError);
  const input = error as InputError;
  return input instanceof AggregateInputError ? (input.errors[0] ?? input) : input;
}

export function expectInputError(error: unknown, expected: ExpectedInputError): void {
  const e = firstError(error);
  const where = `${e.message}`;
  expect(e.code, where).to.equal(expected.code);
  if (expected.file !== undefined) expect(e.file, where).to.equal(expected.file);
  if (expected.line !== undefined) expect(e.line, where).to.equal(expected.line);
  if (expected.fieldPath instanceof RegExp) expect(e.fieldPath, where).to.match(expected.fieldPath);
  else if (expected.fieldPath !== undefined)
    expect(e.fieldPath, where).to.equal(expected.fieldPath);
  expect(e.reason, where).to.include(expected.reason);
  expect(e.message, where).to.include(e.file);
  expect(e.message, where).to.include(expected.reason);
}

/** Runs `action` and returns what it threw (fails when it does not throw). */
export async function thrownBy(action: () => Promise<unknown>): Promise<unknown> {
  try {
    await action();
  } catch (error) {
    return error;
  }
  expect.fail("expected the input to be refused");
}

/** `2026-04-06T09:15:00+09:00` (a Monday, KST) plus `minutes`. */
export function kst(minutes: number): string {
  const base = Date.parse("2026-04-06T00:00:00+09:00");
  const local = new Date(base + minutes * 60_000 + 9 * 3600_000);
  return `${local.toISOString().slice(0, 19)}+09:00`;
}

/** Trace lines as JSONL text. */
export function jsonl(events: readonly unknown[]): string {
  return events.map((e) => (typeof e === "string" ? e : JSON.stringify(e))).join("\n") + "\n";
}
