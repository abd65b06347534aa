import { QueryClient, isServer } from "@tanstack/react-query";

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // Server-rendered data is fresh for a moment; live updates keep it current after.
      queries: { staleTime: 30_000, refetchOnWindowFocus: false },
    },
  });
}

let browserClient: QueryClient | undefined;

/** A new client per server request (no data shared between users), one in the browser. */
export function browserQueryClient(): QueryClient {
  if (isServer) return makeQueryClient();
  browserClient ??= makeQueryClient();
  return browserClient;
}
