// The gate registry: folder name = id = registry key. Schemas load eagerly (the policy needs
// them); implementations load lazily, so a run pays only for the gates it runs.
import type { z } from "zod";
import type { Gate } from "../core/types.js";
import { schema as coverage } from "./coverage/schema.js";
import { schema as container } from "./container/schema.js";
import { schema as dependencies } from "./dependencies/schema.js";
import { schema as iac } from "./iac/schema.js";
import { schema as lint } from "./lint/schema.js";
import { schema as sast } from "./sast/schema.js";
import { schema as secrets } from "./secrets/schema.js";
import { schema as tests } from "./tests/schema.js";
import { schema as tls } from "./tls/schema.js";

export interface GateEntry {
  schema: z.ZodObject;
  load(): Promise<Gate<never>>;
}

/** In the order gates appear in reports. */
export const gateRegistry = {
  tests: { schema: tests, load: async () => (await import("./tests/index.js")).gate },
  coverage: { schema: coverage, load: async () => (await import("./coverage/index.js")).gate },
  lint: { schema: lint, load: async () => (await import("./lint/index.js")).gate },
  sast: { schema: sast, load: async () => (await import("./sast/index.js")).gate },
  secrets: { schema: secrets, load: async () => (await import("./secrets/index.js")).gate },
  dependencies: { schema: dependencies, load: async () => (await import("./dependencies/index.js")).gate },
  iac: { schema: iac, load: async () => (await import("./iac/index.js")).gate },
  tls: { schema: tls, load: async () => (await import("./tls/index.js")).gate },
  container: { schema: container, load: async () => (await import("./container/index.js")).gate },
} satisfies Record<string, GateEntry>;

export type KnownGateId = keyof typeof gateRegistry;

export const GATE_IDS = Object.keys(gateRegistry) as KnownGateId[];

export function isGateId(id: string): id is KnownGateId {
  return Object.hasOwn(gateRegistry, id);
}
