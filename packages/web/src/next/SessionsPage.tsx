// /settings/sessions: where the account is signed in, revoking any other session, signing out
// everywhere, and changing the password (step-up guarded when 2FA is on).
import { useCallback, useEffect, useState, type FormEvent } from "react";
import { client } from "../api/client.js";
import { describeThrown } from "../api/errors.js";
import { navigate } from "../app/router.js";
import { useSession } from "../app/session.js";
import { useStepUp } from "../auth/StepUp.js";
import { formatDate } from "../two-factor/Factors.js";
import { Alert, Button, Card, Field, Notice } from "../ui/controls.js";
import { useAction } from "../ui/use-action.js";

type SessionInfo = NonNullable<Awaited<ReturnType<typeof client.session>>>;

/** "Chrome on Linux" from a user agent: enough for a person to recognise their device. */
export function deviceName(userAgent: string | null): string {
  if (!userAgent) return "Unknown device";
  const browser = /Edg\//.test(userAgent) ? "Edge" : /Firefox\//.test(userAgent) ? "Firefox" : /Chrome\/|Chromium\//.test(userAgent) ? "Chrome" : /Safari\//.test(userAgent) ? "Safari" : "A browser";
  const os = /Android/.test(userAgent) ? "Android" : /iPhone|iPad/.test(userAgent) ? "iOS" : /Mac OS X/.test(userAgent) ? "macOS" : /Windows/.test(userAgent) ? "Windows" : /Linux/.test(userAgent) ? "Linux" : "an unknown system";
  return `${browser} on ${os}`;
}

function SessionRow({ info, onRevoked }: { info: SessionInfo; onRevoked(): void }) {
  const action = useAction();
  async function revoke() {
    const done = await action.run(() => client.revokeSession({ input: { sessionId: info.id } }));
    if (done) onRevoked();
  }
  return (
    <li className="factor">
      <div className="factor-body">
        <strong>
          {deviceName(info.userAgent)}
          {info.current && <span className="badge badge-on">This device</span>}
        </strong>
        <span className="muted">
          {info.ipAddress ?? "Unknown address"} · signed in {formatDate(info.createdAt)} · last active {formatDate(info.lastSeenAt)}
        </span>
        <Alert>{action.error}</Alert>
      </div>
      {!info.current && (
        <Button variant="secondary" busy={action.busy} onClick={revoke}>
          Revoke
        </Button>
      )}
    </li>
  );
}

function ChangePassword() {
  const withStepUp = useStepUp();
  const action = useAction();
  const [currentPassword, setCurrent] = useState("");
  const [newPassword, setNew] = useState("");
  const [changed, setChanged] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setChanged(false);
    const done = await action.run(() => withStepUp(() => client.changePassword({ input: { currentPassword, newPassword } })));
    if (!done) return;
    setChanged(true);
    setCurrent("");
    setNew("");
  }

  return (
    <Card title="Password">
      <form onSubmit={submit} className="stack" noValidate>
        <Field label="Current password" type="password" autoComplete="current-password" value={currentPassword} onChange={(e) => setCurrent(e.target.value)} required />
        <Field label="New password" type="password" autoComplete="new-password" hint="At least 8 characters." value={newPassword} onChange={(e) => setNew(e.target.value)} required />
        <Alert>{action.error}</Alert>
        {changed && <Notice>Password changed. Your other sessions were signed out.</Notice>}
        <div>
          <Button type="submit" busy={action.busy} disabled={!currentPassword || !newPassword}>
            Change password
          </Button>
        </div>
      </form>
    </Card>
  );
}

export function SessionsPage() {
  const session = useSession();
  const everywhere = useAction();
  const [sessions, setSessions] = useState<SessionInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    client.sessions({ first: 100 }).then(
      (connection) => setSessions(connection.edges.map((edge) => edge.node)),
      (thrown) => setError(describeThrown(thrown)),
    );
  }, []);
  useEffect(load, [load]);

  async function signOutEverywhere() {
    const done = await everywhere.run(() => client.signOutEverywhere({ input: { keepCurrent: false } }));
    if (!done) return;
    await session.signOut();
    navigate("/sign-in");
  }

  return (
    <div className="page">
      <h1>Sessions</h1>
      <p className="muted">Where your account is signed in. Revoke any session you don't recognise, then change your password.</p>
      <Card title="Signed in">
        <Alert>{error}</Alert>
        {sessions ? (
          <ul className="factors" aria-label="Sessions">
            {sessions.map((info) => (
              <SessionRow key={info.id} info={info} onRevoked={load} />
            ))}
          </ul>
        ) : (
          !error && <p role="status" className="muted">Loading sessions…</p>
        )}
        <Alert>{everywhere.error}</Alert>
        <Button variant="danger" busy={everywhere.busy} onClick={signOutEverywhere}>
          Sign out everywhere
        </Button>
      </Card>
      <ChangePassword />
    </div>
  );
}
