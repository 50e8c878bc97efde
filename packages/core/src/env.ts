import { Resource } from "sst/resource";

/**
 * The small readers of configuration values that config.ts and email/config.ts share (one copy,
 * imported by both; it imports neither, so there is no cycle).
 */

export type Env = Record<string, string | undefined>;

/** Reads a linked SST resource property; undefined outside SST (Resource throws there). */
export function sstResource(name: string, prop: string): string | undefined {
  try {
    const value = (Resource as unknown as Record<string, Record<string, unknown>>)[name]?.[prop];
    return typeof value === "string" ? value : undefined;
  } catch {
    return undefined;
  }
}

/** A non-negative integer, or the fallback when unset or not one. */
export function int(value: string | undefined, fallback: number): number {
  const n = value === undefined || value === "" ? NaN : Number(value);
  return Number.isInteger(n) && n >= 0 ? n : fallback;
}
