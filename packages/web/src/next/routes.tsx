// Screens that need the API's coming operations (../shared/API.md: sessions, email verification,
// password reset). They are routed here, apart, so the whole set switches on in one place.
import type { ReactNode } from "react";
import type { Me } from "../app/session.js";

export const NEXT_ROUTES: Record<string, (me: Me | null) => ReactNode> = {};
