import type { Clock } from "@access-identity/core";

/** A clock tests can move forward (expiry, rate-limit windows, TOTP steps). */
export class TestClock implements Clock {
  offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  advance(seconds: number): void {
    this.offsetMs += seconds * 1000;
  }
}
