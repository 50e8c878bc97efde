// The one client the app uses: every call to the API goes through @access-identity/client, on the
// page's own origin (the local server serves the app and /graphql side by side), or at VITE_API_URL
// when the build sets it (stacks/web.ts: the Function URL, for the app served from CloudFront).
import { createAccessIdentityClient } from "@access-identity/client";

const TOKEN_KEY = "access-identity.session";

/** The session token lives for this tab only (sessionStorage): closing the tab forgets it. */
export const tokenStore = {
  get: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  set: (token: string): void => sessionStorage.setItem(TOKEN_KEY, token),
  clear: (): void => sessionStorage.removeItem(TOKEN_KEY),
};

/** `/graphql` under VITE_API_URL when the build set it, else on the page's own origin. */
export function apiUrl(base: string | undefined): string {
  return base ? `${base.replace(/\/+$/, "")}/graphql` : "/graphql";
}

export const client = createAccessIdentityClient({
  url: apiUrl(import.meta.env.VITE_API_URL as string | undefined),
  getToken: () => tokenStore.get(),
});
