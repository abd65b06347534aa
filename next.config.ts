import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Lets two builds of one checkout coexist (e.g. a test run beside a dev build).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Native and driver modules are loaded from node_modules at run time, not bundled.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "pg"],
  typedRoutes: false,
};

export default nextConfig;
