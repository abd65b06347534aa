import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      // lib/server modules are marked server-only; tests are a server.
      "server-only": fileURLToPath(new URL("./node_modules/server-only/empty.js", import.meta.url)),
    },
  },
  test: {
    environment: "node",
    pool: "forks",
    include: ["lib/**/*.test.ts", "tests/**/*.test.ts", "scripts/**/*.test.ts"],
    // The reliability suite starts servers and runs for minutes: `npm run test:reliability`.
    exclude: ["**/node_modules/**", "tests/reliability/**"],
    // Integration tests open real SQLite files and the real PostgreSQL; give them room on a shared 2-core box.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
