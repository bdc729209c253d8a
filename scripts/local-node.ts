/**
 * Starts and stops real local JSON-RPC nodes (anvil, `hardhat node`) for tests and benchmarks
 * of remote replays:
 *
 *   const node = await startAnvil({ timestamp: 1_767_225_600 });
 *   try { await rpc(node.url, "eth_blockNumber"); } finally { await node.stop(); }
 *
 * Each node runs in its own process group, so that stopping it also ends the processes it
 * starts (the npm `anvil` wrapper runs the real binary as a child). A node does not keep this
 * process alive, and nodes still running when it exits are killed, so that a failed or
 * forgetful test never leaves one behind (nor hangs on one).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { Socket, createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The project root: this file is scripts/local-node.ts. */
export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

const HOST = "127.0.0.1";
const READY_TIMEOUT_MS = 20_000;
const READY_POLL_MS = 100;
const KILL_AFTER_MS = 10_000;
/** How much of a node's output is kept for error messages. */
const OUTPUT_TAIL_CHARS = 4_000;

export type NodeKind = "anvil" | "hardhat-node";

export interface LocalNode {
  /** The node's HTTP JSON-RPC endpoint. */
  readonly url: string;
  readonly port: number;
  readonly kind: NodeKind;
  /** The process started (the leader of the node's process group). */
  readonly process: ChildProcess;
  /**
   * Signals the node's process group (default SIGTERM, on which anvil writes its --state file)
   * and resolves once its processes are gone; SIGKILL follows if they take over 10 s.
   */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export interface AnvilOptions {
  /** Genesis block timestamp in seconds (`--timestamp`). */
  timestamp?: number;
  /** State file loaded on start and written on exit (`--state`). */
  statePath?: string;
  /** Seconds between blocks mined on an interval (`--block-time`). */
  blockTime?: number;
  /** Start with automine and interval mining off (`--no-mining`). */
  noMining?: boolean;
  extraArgs?: string[];
  /** Port to listen on, e.g. to restart a node where clients expect it (default: a free one). */
  port?: number;
}

export interface HardhatNodeOptions {
  /** Port to listen on (default: a free one). */
  port?: number;
}

/** Thrown for a JSON-RPC error answer: the message is the node's own. */
export class RpcError extends Error {
  constructor(
    message: string,
    readonly code: number,
    readonly data: unknown,
  ) {
    super(message);
    this.name = "RpcError";
  }
}

/** Nodes started and not yet stopped, for stopAllNodes() and the exit hook. */
const running = new Set<LocalNode>();

/** Starts anvil (from the `@foundry-rs/anvil` npm package) and waits until it answers. */
export async function startAnvil(options: AnvilOptions = {}): Promise<LocalNode> {
  const port = await portToUse(options.port);
  return startNode("anvil", port, binPath("anvil"), [...anvilArgs(options), "--port", `${port}`]);
}

/**
 * Starts `hardhat node` on the project's simNode network (a chain starting in 2020 that
 * allows blocks with the same timestamp) and waits until it answers.
 */
export async function startHardhatNode(options: HardhatNodeOptions = {}): Promise<LocalNode> {
  const port = await portToUse(options.port);
  const args = ["node", "--network", "simNode", "--hostname", HOST, "--port", `${port}`];
  return startNode("hardhat-node", port, binPath("hardhat"), args);
}

/** Stops every node still running (for an `after` hook that must not leave any behind). */
export async function stopAllNodes(signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  await Promise.all([...running].map((node) => node.stop(signal)));
}

/**
 * Calls a JSON-RPC method over HTTP. The result is the node's, typed as the caller says and
 * not checked.
 */
export async function rpc<T = unknown>(
  url: string,
  method: string,
  params: readonly unknown[] = [],
): Promise<T> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  const text = await response.text();
  const body = parseRpcBody(text);
  if (body === undefined) {
    throw new Error(`${method}: HTTP ${response.status} with no JSON-RPC answer: ${text}`);
  }
  if (body.error !== undefined) {
    throw new RpcError(body.error.message, body.error.code, body.error.data);
  }
  return body.result as T;
}

interface RpcBody {
  result?: unknown;
  error?: { code: number; message: string; data?: unknown };
}

/** The JSON-RPC answer in an HTTP body, or undefined when the body is not one. */
function parseRpcBody(text: string): RpcBody | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== "object" || value === null) return undefined;
  if (!("result" in value) && !("error" in value)) return undefined;
  return value as RpcBody;
}

function anvilArgs(options: AnvilOptions): string[] {
  const args = ["--host", HOST];
  if (options.timestamp !== undefined) args.push("--timestamp", `${options.timestamp}`);
  if (options.statePath !== undefined) args.push("--state", options.statePath);
  if (options.blockTime !== undefined) args.push("--block-time", `${options.blockTime}`);
  if (options.noMining) args.push("--no-mining");
  return [...args, ...(options.extraArgs ?? [])];
}

/** A script under node_modules/.bin of the project. */
function binPath(name: string): string {
  return join(PROJECT_ROOT, "node_modules", ".bin", name);
}

/**
 * The port asked for, once it is known to be free, or else a free one. The check matters: a
 * new node could not listen on a port in use, but the node already there would answer the
 * readiness poll in its place.
 */
async function portToUse(port: number | undefined): Promise<number> {
  if (port === undefined) return freePort();
  // A node just stopped may hold its port for a moment longer: wait up to PORT_WAIT_MS.
  const deadline = Date.now() + PORT_WAIT_MS;
  for (;;) {
    try {
      return await freePort(port);
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`port ${port} is not free`, { cause: error });
      await new Promise((wait) => setTimeout(wait, 100));
    }
  }
}

const PORT_WAIT_MS = 5_000;

/**
 * A port free right now (the system picks one for port 0): a listener opens on it, then
 * closes. Fails if the port asked for is in use.
 */
export async function freePort(port = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once("error", reject);
    server.listen(port, HOST, () => {
      const address = server.address();
      const bound = typeof address === "object" && address !== null ? address.port : undefined;
      server.close(() => (bound === undefined ? reject(new Error("no port")) : resolve(bound)));
    });
  });
}

async function startNode(
  kind: NodeKind,
  port: number,
  script: string,
  args: string[],
): Promise<LocalNode> {
  // The .bin scripts are Node scripts: run them with this Node (the project's 22), not whatever
  // `node` is first on PATH. `detached` makes the child a process group leader, so that one
  // signal to the group reaches the processes it starts too.
  const child = spawn(process.execPath, [script, ...args], {
    cwd: PROJECT_ROOT,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output = captureOutput(child);
  // A node left running must not keep this process alive: the exit hook kills it instead.
  child.unref();
  for (const pipe of [child.stdout, child.stderr]) if (pipe instanceof Socket) pipe.unref();
  const node = localNode(kind, port, child);
  running.add(node);
  registerExitHooks();
  try {
    await waitUntilReady(node, output);
  } catch (error) {
    await node.stop("SIGKILL");
    throw error;
  }
  return node;
}

/**
 * Keeps the tail of a node's stdout and stderr. Reading them also matters on its own: a node
 * that logs every request would block once an unread pipe is full.
 */
function captureOutput(child: ChildProcess): { stdout: () => string; stderr: () => string } {
  let stdout = "";
  let stderr = "";
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
    stdout = (stdout + chunk).slice(-OUTPUT_TAIL_CHARS);
  });
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    stderr = (stderr + chunk).slice(-OUTPUT_TAIL_CHARS);
  });
  return { stdout: () => stdout, stderr: () => stderr };
}

function localNode(kind: NodeKind, port: number, child: ChildProcess): LocalNode {
  // 'close' comes once the leader has exited and every process holding its stdout/stderr
  // pipes (the real anvil binary under the npm wrapper) has exited too. Waiting for 'exit'
  // would be too early: the wrapper exits at once on SIGTERM while anvil still writes its state.
  // It comes after a failed spawn too.
  const closed = new Promise<void>((resolve) => child.once("close", () => resolve()));
  let stopping: Promise<void> | undefined;
  const node: LocalNode = {
    url: `http://${HOST}:${port}`,
    port,
    kind,
    process: child,
    stop(signal: NodeJS.Signals = "SIGTERM") {
      // Every call signals, so that stop("SIGKILL") can hurry a SIGTERM already sent.
      if (running.has(node)) signalGroup(child, signal);
      stopping ??= closedOrKilled(child, closed);
      return stopping;
    },
  };
  // A node that dies on its own is no longer running: its group id may soon be someone else's.
  void closed.then(() => running.delete(node));
  return node;
}

/** Resolves once the node's processes are gone, killing them if they take too long. */
async function closedOrKilled(child: ChildProcess, closed: Promise<void>): Promise<void> {
  const timer = setTimeout(() => signalGroup(child, "SIGKILL"), KILL_AFTER_MS);
  try {
    await closed;
  } finally {
    clearTimeout(timer);
  }
}

/** Signals the child's process group; a group already gone is not an error. */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch (error) {
    if (!isErrorCode(error, "ESRCH")) throw error;
  }
}

function isErrorCode(error: unknown, code: string): boolean {
  return error instanceof Error && "code" in error && error.code === code;
}

/** Polls eth_chainId until the node answers; fails early if it exits. */
async function waitUntilReady(
  node: LocalNode,
  output: { stdout: () => string; stderr: () => string },
): Promise<void> {
  let exit: string | undefined;
  node.process.once("exit", (code, signal) => (exit = `exited (code ${code}, signal ${signal})`));
  node.process.once("error", (error) => (exit = `failed to start: ${error.message}`));
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (exit === undefined && Date.now() < deadline) {
    if (await answers(node.url)) return;
    await sleep(READY_POLL_MS);
  }
  const why = exit ?? `did not answer eth_chainId within ${READY_TIMEOUT_MS / 1000} s`;
  const tail = output.stderr().trim() || output.stdout().trim();
  throw new Error(`${node.kind} on port ${node.port} ${why}; its output ends with:\n${tail}`);
}

async function answers(url: string): Promise<boolean> {
  try {
    await rpc(url, "eth_chainId");
    return true;
  } catch {
    return false;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

let exitHooksRegistered = false;

/**
 * Kills leftover nodes when this process ends. 'exit' handlers must be synchronous, so there
 * is no waiting: SIGKILL to each group. Termination signals skip 'exit', so they get the same
 * treatment; when no one else handles the signal, it is raised again for its default effect.
 */
function registerExitHooks(): void {
  if (exitHooksRegistered) return;
  exitHooksRegistered = true;
  process.on("exit", killLeftovers);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    const onSignal = () => {
      killLeftovers();
      if (process.listenerCount(signal) === 1) {
        process.removeListener(signal, onSignal);
        process.kill(process.pid, signal);
      }
    };
    process.on(signal, onSignal);
  }
}

function killLeftovers(): void {
  for (const node of running) signalGroup(node.process, "SIGKILL");
}
