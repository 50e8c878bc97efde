// The account-security screens (../shared/API.md: sessions, email verification, password reset),
// routed here together.
import type { ReactNode } from "react";
import type { Me } from "../app/session.js";
import { SignInPage } from "../auth/SignInPage.js";
import { ResetPasswordPage, VerifyEmailPage } from "./EmailPages.js";
import { SessionsPage } from "./SessionsPage.js";

export const NEXT_ROUTES: Record<string, (me: Me | null) => ReactNode> = {
  "/settings/sessions": (me) => (me ? <SessionsPage /> : <SignInPage />),
  "/verify-email": () => <VerifyEmailPage />,
  "/reset-password": () => <ResetPasswordPage />,
};
