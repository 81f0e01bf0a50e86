/**
 * Tests arrange and inspect rows directly; they reach the database through this module so that app/ code (where
 * route tests live, next to their routes) never imports db/ itself.
 */
export { getDb } from "@/db/client";
export * from "@/db/schema";
