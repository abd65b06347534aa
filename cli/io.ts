// Files named on the command line and what the CLI prints.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { InvalidArgumentError, type Command } from "commander";
import { createApiClient, CliError, resolveConnection, type ApiClient } from "./http";

/**
 * Reads a file named by the user, relative to where they ran `gateboard` (bin/gateboard.mjs
 * runs this process from the package root and passes the original directory along).
 */
export async function readUserFile(file: string): Promise<{ path: string; name: string; content: string }> {
  const resolved = path.resolve(process.env.GATEBOARD_CLI_CWD ?? process.cwd(), file);
  try {
    return { path: resolved, name: path.basename(resolved), content: await readFile(resolved, "utf8") };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a directory" : code === "EACCES" ? "permission denied" : (error as Error).message;
    throw new CliError(`Cannot read ${file} (${resolved}): ${why}.`);
  }
}

export function printJson(value: unknown): void {
  console.log(JSON.stringify(value, null, 2));
}

/** The API client for a command, from its --url/--token (global options) or the environment. */
export function clientFor(command: Command): ApiClient {
  const options = command.optsWithGlobals<{ url?: string; token?: string }>();
  return createApiClient(resolveConnection(options));
}

/** `a,b, c` → ["a", "b", "c"]. */
export function commaList(value: string): string[] {
  return value.split(",").map((item) => item.trim()).filter((item) => item !== "");
}

/** A whole number option, refused with the option's name when it is not one. */
export function integerOption(name: string, min: number, max: number): (value: string) => number {
  return (value) => {
    const number = Number(value);
    if (!Number.isInteger(number) || number < min || number > max) throw new InvalidArgumentError(`${name} must be a whole number from ${min} to ${max}.`);
    return number;
  };
}
