import { Link } from "../app/router.js";
import type { Me } from "../app/session.js";
import { Card } from "../ui/controls.js";

export function Welcome() {
  return (
    <div className="hero">
      <h1>Your account, protected by more than a password</h1>
      <p className="lead">Sign in with an authenticator app, a text message, a security key or a passkey. Domain owners can require it for everyone in their organisation.</p>
      <div className="row">
        <Link className="button button-primary" href="/sign-up">
          Sign up
        </Link>
        <Link className="button button-secondary" href="/sign-in">
          Sign in
        </Link>
      </div>
    </div>
  );
}

export function AccountPage({ me }: { me: Me }) {
  const status = me.twoFactor;
  return (
    <div className="page">
      <h1>Your account</h1>
      <p className="muted">Signed in as {me.email}</p>
      <div className="grid">
        <Card title="Security">
          <p>
            Two-factor authentication is{" "}
            <span className={`badge ${status.enabled ? "badge-on" : "badge-off"}`}>{status.enabled ? "On" : "Off"}</span>
          </p>
          {status.enrolmentRequired && <p className="banner">Your organisation requires two-factor authentication.</p>}
          <Link href="/settings/two-factor">Two Factor Authentication</Link>
        </Card>
        <Card title="Sessions">
          <p>See where you're signed in and sign out of other devices.</p>
          <Link href="/settings/sessions">Sessions</Link>
        </Card>
        <Card title="Your organisation">
          <p>Own the domain {me.domain}? Prove it and manage two-factor authentication for its members.</p>
          <Link href="/admin/domain">Domain administration</Link>
        </Card>
      </div>
    </div>
  );
}
