import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// `npm run test:reliability`: crash, race, gate, authorization, CSRF, hostile-input and
// multi-process tests (tests/reliability). Kept out of `npm run test:unit` (vitest.config.mts):
// several of them start production server processes against the build.
export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      "server-only": fileURLToPath(new URL("./node_modules/server-only/empty.js", import.meta.url)),
    },
  },
  test: {
    environment: "node",
    pool: "forks",
    include: ["tests/reliability/**/*.test.ts"],
    // Server processes are heavy on a 2-core machine: two test files at a time.
    maxWorkers: 2,
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
