import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { expect } from "chai";

import { AtomicLineWriter, partialPathOf, writeFileAtomic } from "../../src/report/index.js";

const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");

describe("report: atomic files", () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "report-atomic-"));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  describe("writeFileAtomic", () => {
    it("writes the file and leaves no partial behind", async () => {
      const path = join(dir, "kpis.json");
      const written = await writeFileAtomic(path, "{}\n");
      expect(await readFile(path, "utf8")).to.equal("{}\n");
      expect(written).to.deep.equal({ path, bytes: 3, sha256: sha256("{}\n") });
      expect(await readdir(dir)).to.deep.equal(["kpis.json"]);
    });

    it("replaces an earlier file whole", async () => {
      const path = join(dir, "balances.csv");
      await writeFile(path, "old\n");
      await writeFileAtomic(path, "new\n");
      expect(await readFile(path, "utf8")).to.equal("new\n");
    });

    it("removes its partial when the rename fails, and leaves what was there", async () => {
      // A folder in the way of the final name makes the rename fail after the data is written.
      const path = join(dir, "report.html");
      await mkdir(path);
      await writeFile(join(path, "keep.txt"), "kept\n");
      let failure: unknown;
      await writeFileAtomic(path, "new\n").catch((error: unknown) => (failure = error));
      expect(failure).to.be.instanceOf(Error);
      expect(await readdir(dir)).to.deep.equal(["report.html"]);
      expect(await readFile(join(path, "keep.txt"), "utf8")).to.equal("kept\n");
    });

    it("names the partial after the final path and the process", () => {
      expect(partialPathOf("/out/events.jsonl")).to.equal(
        `/out/events.jsonl.${process.pid}.partial`,
      );
    });
  });

  describe("AtomicLineWriter", () => {
    it("streams to the partial; commit renames it over the earlier file", async () => {
      const path = join(dir, "events.jsonl");
      await writeFile(path, '{"old":true}\n');
      const writer = await AtomicLineWriter.open(path);
      await writer.write('{"line":1}');
      await writer.write('{"line":2}');
      // Until the commit, readers see the earlier complete file.
      expect(await readFile(path, "utf8")).to.equal('{"old":true}\n');
      const written = await writer.commit();
      const text = '{"line":1}\n{"line":2}\n';
      expect(await readFile(path, "utf8")).to.equal(text);
      expect(written).to.deep.equal({ path, bytes: text.length, lines: 2, sha256: sha256(text) });
      expect(existsSync(writer.partialPath)).to.equal(false);
      expect(writer.state).to.equal("committed");
    });

    it("abort leaves the earlier file intact and removes the partial", async () => {
      const path = join(dir, "events.jsonl");
      await writeFile(path, '{"old":true}\n');
      const writer = await AtomicLineWriter.open(path);
      await writer.write('{"line":1}');
      await writer.abort();
      expect(await readFile(path, "utf8")).to.equal('{"old":true}\n');
      expect(await readdir(dir)).to.deep.equal(["events.jsonl"]);
      expect(writer.state).to.equal("aborted");
    });

    it("abort without an earlier file leaves no final file at all", async () => {
      const path = join(dir, "events.jsonl");
      const writer = await AtomicLineWriter.open(path);
      await writer.write('{"line":1}');
      await writer.abort();
      await writer.abort(); // idempotent
      expect(await readdir(dir)).to.deep.equal([]);
    });

    it("keeps every line in order under backpressure", async () => {
      const path = join(dir, "events.jsonl");
      const writer = await AtomicLineWriter.open(path, { chunkBytes: 64, highWaterMark: 128 });
      const lines = Array.from({ length: 5000 }, (_, i) => JSON.stringify({ line: i + 1 }));
      for (const line of lines) await writer.write(line);
      const written = await writer.commit();
      const text = await readFile(path, "utf8");
      expect(text).to.equal(lines.join("\n") + "\n");
      expect(written.lines).to.equal(5000);
      expect(written.sha256).to.equal(sha256(text));
    });

    it("takes lines from a sync producer that ignores the promises", async () => {
      const path = join(dir, "events.jsonl");
      const writer = await AtomicLineWriter.open(path, { chunkBytes: 16, highWaterMark: 16 });
      for (let i = 0; i < 1000; i++) void writer.write(String(i));
      await writer.commit();
      const text = await readFile(path, "utf8");
      expect(text.split("\n").slice(0, -1).map(Number)).to.deep.equal([...Array(1000).keys()]);
    });

    it("refuses a line with a newline, and writes after commit", async () => {
      const writer = await AtomicLineWriter.open(join(dir, "events.jsonl"));
      expect(() => writer.write("a\nb")).to.throw(/newline/);
      await writer.commit();
      expect(() => writer.write("c")).to.throw(/already committed/);
    });

    it("fails at open when the folder does not exist", async () => {
      let failure: unknown;
      await AtomicLineWriter.open(join(dir, "missing", "events.jsonl")).catch(
        (error: unknown) => (failure = error),
      );
      expect(failure).to.have.property("code", "ENOENT");
    });
  });
});
