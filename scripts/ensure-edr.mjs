// Hardhat 3 runs on Node >= 22. npm on an older system Node silently skips EDR's native
// binding (its `engines` asks for Node 22), so the first Hardhat command would fail.
// The `node` devDependency puts Node 22 first on PATH for npm scripts: when the binding
// is missing, re-run the install once on that Node so npm installs the binding too.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const GUARD = "CITY_PILOT_EDR_REINSTALL";
const require = createRequire(import.meta.url);

function edrBindingPresent() {
  try {
    require("@nomicfoundation/edr");
    return true;
  } catch {
    return false;
  }
}

const major = Number(process.versions.node.split(".")[0]);
const npmCli = process.env.npm_execpath;

if (edrBindingPresent() || process.env[GUARD] === "1") {
  process.exit(0);
}
if (major < 22) {
  console.warn(
    `[postinstall] Node ${process.versions.node} is older than 22 and the pinned Node is not on PATH; Hardhat needs Node >= 22.`,
  );
  process.exit(0);
}
if (!npmCli) {
  console.warn(
    "[postinstall] EDR binding missing and npm_execpath unknown; run `npm install` again.",
  );
  process.exit(0);
}
const command = process.env.npm_command === "ci" ? "ci" : "install";
console.log(
  `[postinstall] installing EDR's native binding with Node ${process.versions.node} (npm ${command})`,
);
const result = spawnSync(process.execPath, [npmCli, command, "--no-audit", "--no-fund"], {
  stdio: "inherit",
  env: { ...process.env, [GUARD]: "1" },
});
process.exit(result.status ?? 1);
