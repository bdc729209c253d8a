/** scripts/local-node.ts itself: failed starts, ports in use, nodes left by a process. */
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

import { expect } from "chai";

import {
  PROJECT_ROOT,
  startAnvil,
  startHardhatNode,
  stopAllNodes,
} from "../../../scripts/local-node.js";
import { eventually, rejection, answers } from "./shared.js";

describe("local-node: starting and stopping", function () {
  this.timeout(30_000);

  after(() => stopAllNodes());

  it("fails a node that cannot start with the end of its output", async () => {
    const error = await rejection(startAnvil({ extraArgs: ["--no-such-flag"] }));
    expect(error).to.be.instanceOf(Error);
    expect((error as Error).message).to.match(/^anvil on port \d+ exited .*unexpected argument/s);
  });

  it("refuses a port in use rather than take the node there for its own", async () => {
    const node = await startAnvil();
    const error = await rejection(startHardhatNode({ port: node.port }));
    expect((error as Error).message).to.equal(`port ${node.port} is not free`);
    await node.stop();
  });

  it("kills the nodes a process leaves running when it exits", async () => {
    const directory = await mkdtemp(join(tmpdir(), "local-node-"));
    try {
      const script = join(directory, "leave-nodes.mts");
      const module = new URL("../../../scripts/local-node.ts", import.meta.url).href;
      await writeFile(
        script,
        `import { startAnvil, startHardhatNode } from ${JSON.stringify(module)};\n` +
          "const nodes = await Promise.all([startAnvil(), startHardhatNode()]);\n" +
          "console.log(JSON.stringify(nodes.map((node) => node.url)));\n",
      );
      // The script ends without stopping its nodes; they must not keep it alive either.
      const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", script], {
        cwd: PROJECT_ROOT,
        timeout: 20_000,
      });
      const urls = JSON.parse(stdout) as string[];
      expect(urls).to.have.length(2);
      // SIGKILL is sent as the script exits; the nodes may take a moment to go.
      const anyAnswers = async () => (await Promise.all(urls.map(answers))).some(Boolean);
      await eventually(async () => ((await anyAnswers()) ? undefined : true), "all gone");
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
