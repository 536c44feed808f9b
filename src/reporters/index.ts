// The reporter registry: folder name = id = registry key; implementations load lazily.
import type { Reporter } from "../core/types.js";

export const reporterRegistry: Record<string, () => Promise<Reporter>> = {
  sarif: async () => (await import("./sarif/index.js")).reporter,
  junit: async () => (await import("./junit/index.js")).reporter,
  console: async () => (await import("./console/index.js")).reporter,
  json: async () => (await import("./json/index.js")).reporter,
  markdown: async () => (await import("./markdown/index.js")).reporter,
  html: async () => (await import("./html/index.js")).reporter,
  gitlab: async () => (await import("./gitlab/index.js")).reporter,
};
