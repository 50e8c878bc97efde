import { execFileSync } from "node:child_process";

/** The independent TOTP implementation: Debian's oathtool (`-N` for another moment). */
export function oathtool(secretBase32: string, at: Date = new Date()): string {
  return execFileSync("oathtool", ["--totp", "-b", secretBase32, "-N", `@${Math.floor(at.getTime() / 1000)}`], {
    encoding: "utf8",
  }).trim();
}
