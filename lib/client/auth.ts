"use client";

import { signIn } from "next-auth/react";
import type { register, requestCode } from "@/lib/api/contracts/auth";
import { api, type BodyOf, type ResponseOf } from "./api";

export const registerAccount = (body: BodyOf<typeof register>) =>
  api<ResponseOf<typeof register>>("/auth/register", { method: "POST", body });

export const requestLoginCode = (body: BodyOf<typeof requestCode>) =>
  api<ResponseOf<typeof requestCode>>("/auth/request-code", { method: "POST", body });

export type SignInFailure = { kind: "invalid" } | { kind: "invalid_code" } | { kind: "rate_limited"; seconds: number; at: number } | { kind: "forbidden" } | { kind: "error" };

/** Reads the `code` that lib/auth/nextauth.ts puts on a failed credentials sign-in. */
export function parseSignInCode(code: string | undefined | null): SignInFailure {
  if (!code) return { kind: "error" };
  const limited = /^rate_limited:(\d+)$/.exec(code);
  if (limited) return { kind: "rate_limited", seconds: Number(limited[1]), at: Date.now() };
  if (code === "invalid_credentials") return { kind: "invalid" };
  if (code === "invalid_code") return { kind: "invalid_code" };
  if (code === "forbidden") return { kind: "forbidden" };
  return { kind: "error" };
}

/** Sets the session cookie through next-auth; null on success. */
export async function signInWith(
  provider: "password" | "code",
  fields: { email: string; password?: string; code?: string; orgId?: string },
): Promise<SignInFailure | null> {
  const res = await signIn(provider, { ...fields, redirect: false });
  if (res?.ok && !res.error) return null;
  return parseSignInCode(res?.code);
}
