// Worker entry: parses batches of .tf files with tree-sitter off the main thread. Bundles ship it
// as iac-terraform-worker.mjs next to the main bundle (see terraform-pool.ts).
import { parentPort } from "node:worker_threads";
import { parseTerraform, terraformParser } from "./terraform.js";
import { toTransfer, type TerraformBatch } from "./terraform-transfer.js";

const port = parentPort;
if (port) {
  port.on("message", (batch: TerraformBatch) => {
    void (async () => {
      try {
        const parser = await terraformParser();
        const files = batch.files.map((f) => toTransfer(parseTerraform(parser, f.path, f.text)));
        port.postMessage({ id: batch.id, files });
      } catch (error: unknown) {
        port.postMessage({ id: batch.id, error: error instanceof Error ? error.message : String(error) });
      }
    })();
  });
}
