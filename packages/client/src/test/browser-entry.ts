// What the WebAuthn test page loads: the client and its ceremonies, bundled by esbuild for the browser.
import { createAccessIdentityClient, unwrap } from "../index.js";
import { browserSupportsWebAuthn, enrolWebAuthn, signInWithPasskey, signInWithSecurityKey } from "../webauthn.js";

(globalThis as Record<string, unknown>).accessIdentity = { createAccessIdentityClient, unwrap, browserSupportsWebAuthn, enrolWebAuthn, signInWithPasskey, signInWithSecurityKey };
