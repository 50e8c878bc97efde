// Who is signed in: the session token (tokenStore) and the user it belongs to (`me`), shared by
// every screen. A token the API no longer accepts (signed out elsewhere, reset by an owner) is
// forgotten, and the app shows the signed-out home.
import { AccessIdentityRequestError, type MeQuery } from "@access-identity/client";
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { client, tokenStore } from "../api/client.js";

export type Me = NonNullable<MeQuery["me"]>;

interface SessionValue {
  me: Me | null;
  loading: boolean;
  /** Reads `me` again (after a change to the account). */
  refresh(): Promise<Me | null>;
  /** Starts using a new session token (sign-in, sign-up, confirming it's you). */
  adopt(token: string): Promise<Me | null>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);

  const refresh = useCallback(async () => {
    if (!tokenStore.get()) {
      setMe(null);
      return null;
    }
    try {
      const next = await client.me();
      if (!next) tokenStore.clear();
      setMe(next);
      return next;
    } catch (error) {
      if (error instanceof AccessIdentityRequestError && error.code === "UNAUTHENTICATED") {
        tokenStore.clear();
        setMe(null);
        return null;
      }
      throw error;
    }
  }, []);

  useEffect(() => {
    refresh().finally(() => setLoading(false));
  }, [refresh]);

  const value = useMemo<SessionValue>(
    () => ({
      me,
      loading,
      refresh,
      async adopt(token) {
        tokenStore.set(token);
        return refresh();
      },
      async signOut() {
        // Revoke on the server first; forget locally whatever the answer (offline, already revoked).
        await client.signOut().catch(() => undefined);
        tokenStore.clear();
        setMe(null);
      },
    }),
    [me, loading, refresh],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession outside SessionProvider");
  return value;
}
