// The one client the app uses: every call to the API goes through @access-identity/client, on the
// page's own origin (the local server serves the app and /graphql side by side).
import { createAccessIdentityClient } from "@access-identity/client";

const TOKEN_KEY = "access-identity.session";

/** The session token lives for this tab only (sessionStorage): closing the tab forgets it. */
export const tokenStore = {
  get: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  set: (token: string): void => sessionStorage.setItem(TOKEN_KEY, token),
  clear: (): void => sessionStorage.removeItem(TOKEN_KEY),
};

export const client = createAccessIdentityClient({ url: "/graphql", getToken: () => tokenStore.get() });
