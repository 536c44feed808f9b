// Jest runs in ESM mode (see package.json "test"); @swc/jest strips types, `tsc --noEmit` checks them.
export default {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts"],
  testPathIgnorePatterns: ["/node_modules/", "/tests/fixtures/"],
  modulePathIgnorePatterns: ["<rootDir>/tests/fixtures/"],
  extensionsToTreatAsEsm: [".ts"],
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
  transform: {
    "^.+\\.ts$": ["@swc/jest", { jsc: { parser: { syntax: "typescript" }, target: "es2022" }, module: { type: "es6" } }],
  },
  testTimeout: 60000,
  // Two cores here and in CI: one worker per core (Jest would otherwise use cores - 1).
  maxWorkers: 2,
};
