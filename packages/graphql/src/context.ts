import type { Caller, Deps, RequestInfo } from "@access-identity/core";

/** Resolved once per request: the services, who is asking, and (if signed in) their session. */
export interface Context {
  deps: Deps;
  /** Named `client`, not `request`: yoga's own context already has `request` (the Fetch Request). */
  client: RequestInfo;
  caller?: Caller;
}

/** What the transport adapters (Lambda, local server) hand to yoga alongside the Request. */
export interface ServerContext {
  deps: Deps;
  client: RequestInfo;
}
