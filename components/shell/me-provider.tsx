"use client";

import type { ReactNode } from "react";
import { InitialMeContext, type Me } from "@/lib/client/me";

export function MeProvider({ me, children }: { me: Me; children: ReactNode }) {
  return <InitialMeContext.Provider value={me}>{children}</InitialMeContext.Provider>;
}
