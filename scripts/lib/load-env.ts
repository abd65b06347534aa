import { existsSync } from "node:fs";
import { EnvError, env, type Env } from "../../lib/env";

/** Loads .env (if any) like Next does, then validates; a bad value stops with its name. */
export function loadEnvOrExit(): Env {
  if (existsSync(".env")) process.loadEnvFile(".env");
  try {
    return env();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}
