// Entry point of the GitHub Action (action.yml runs the bundle dist/action.js). The environment is
// read here once and injected; everything else lives in src/ci/github/.
import * as core from "@actions/core";
import { runAction } from "./ci/github/run-action.js";

try {
  const result = await runAction(process.env);
  process.exitCode = result.exitCode;
} catch (error) {
  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
  core.setFailed(`tollgate crashed — this is a bug in tollgate, please report it with the lines below.\n${stack}`);
  process.exitCode = 3;
}
