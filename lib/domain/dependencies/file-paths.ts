// Path comparison for the conflict matrix: plans write paths loosely (./src/a/, src\a\b.ts).

/** Forward slashes, no `./` segments, no duplicate or trailing slash; "" when nothing is left. */
export function normaliseFilePath(path: string): string {
  const segments = path
    .trim()
    .replace(/\\/g, "/")
    .split("/")
    .filter((segment, i) => segment !== "." && (segment !== "" || i === 0));
  // A bare root ("/") comes out as "" and is ignored: it would conflict with everything.
  return segments.join("/").replace(/\/+$/, "");
}

/** Same path, or one is a directory containing the other. Both must already be normalised. */
export function pathsOverlap(a: string, b: string): boolean {
  return a === b || isWithin(b, a) || isWithin(a, b);
}

function isWithin(path: string, directory: string): boolean {
  return path.startsWith(`${directory}/`);
}

/** The path itself and each directory above it, deepest first: "a/b/c.ts" → a/b/c.ts, a/b, a. */
export function pathAndAncestors(path: string): string[] {
  const result = [path];
  let cut = path.lastIndexOf("/");
  while (cut > 0) {
    result.push(path.slice(0, cut));
    cut = path.lastIndexOf("/", cut - 1);
  }
  return result;
}
