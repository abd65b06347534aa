"use client";

import { QueryClientProvider } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Toaster } from "sonner";
import { browserQueryClient } from "@/lib/query-client";

export function Providers({ children }: { children: ReactNode }) {
  return (
    <QueryClientProvider client={browserQueryClient()}>
      {children}
      <Toaster position="bottom-right" richColors closeButton theme="system" />
    </QueryClientProvider>
  );
}
