// The frame (header, sign-out, main landmark) and which screen each route shows.
import type { ReactNode } from "react";
import { AccountPage, Welcome } from "../account/HomePage.js";
import { DomainConsole } from "../admin/DomainConsole.js";
import { SignInPage } from "../auth/SignInPage.js";
import { SignUpPage } from "../auth/SignUpPage.js";
import { StepUpProvider } from "../auth/StepUp.js";
import { NEXT_ROUTES } from "../next/routes.js";
import { TwoFactorPage } from "../two-factor/TwoFactorPage.js";
import { Button } from "../ui/controls.js";
import { Link, navigate, useLocation } from "./router.js";
import { SessionProvider, useSession, type Me } from "./session.js";

const SIGNED_IN: Record<string, (me: Me) => ReactNode> = {
  "/settings/two-factor": (me) => <TwoFactorPage me={me} />,
  "/admin/domain": (me) => <DomainConsole me={me} />,
};

function Screen() {
  const { path } = useLocation();
  const { me, loading } = useSession();
  if (loading) return <p role="status" className="muted">Loading…</p>;
  const next = NEXT_ROUTES[path];
  if (next) return next(me);
  if (path === "/sign-up") return <SignUpPage />;
  if (path === "/sign-in") return <SignInPage />;
  if (path === "/") return me ? <AccountPage me={me} /> : <Welcome />;
  const signedIn = SIGNED_IN[path];
  if (signedIn) return me ? signedIn(me) : <SignInPage />;
  return (
    <div className="page">
      <h1>Page not found</h1>
      <p>
        <Link href="/">Go to your account</Link>
      </p>
    </div>
  );
}

function Header() {
  const { me, signOut } = useSession();
  return (
    <header className="site-header">
      <Link href="/" className="brand">
        <span className="brand-mark" aria-hidden="true" />
        Access Identity
      </Link>
      {me && (
        <nav aria-label="Account" className="row">
          <span className="muted header-email">{me.email}</span>
          <Button variant="secondary" onClick={() => signOut().then(() => navigate("/"))}>
            Sign out
          </Button>
        </nav>
      )}
    </header>
  );
}

export function App() {
  return (
    <SessionProvider>
      <StepUpProvider>
        <Header />
        <main id="main">
          <Screen />
        </main>
        <footer className="site-footer muted">Access Identity · reference web app</footer>
      </StepUpProvider>
    </SessionProvider>
  );
}
