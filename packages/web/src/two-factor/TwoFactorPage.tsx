// /settings/two-factor: the seed's "Get started" flow while 2FA is off; once on, the factors and
// what can be done with them.
import { useState } from "react";
import { client } from "../api/client.js";
import { useStepUp } from "../auth/StepUp.js";
import { useSession, type Me } from "../app/session.js";
import { Alert, Button, Card, Notice } from "../ui/controls.js";
import { useAction } from "../ui/use-action.js";
import { BackupCodeList } from "./BackupCodes.js";
import { FactorItem, formatDate } from "./Factors.js";
import { AddAuthenticator, GetStarted } from "./GetStarted.js";

export function TwoFactorPage({ me }: { me: Me }) {
  const session = useSession();
  const [notice, setNotice] = useState<string | null>(null);
  const status = me.twoFactor;
  return (
    <div className="page">
      <h1>Two-factor authentication</h1>
      {status.enrolmentRequired && (
        <p className="banner">
          Your organisation requires two-factor authentication
          {status.enrolmentDeadline ? `: set it up before ${formatDate(status.enrolmentDeadline)}.` : "."}
        </p>
      )}
      {notice && <Notice>{notice}</Notice>}
      {status.enabled ? (
        <Manage me={me} onChanged={session.refresh} onNotice={setNotice} />
      ) : (
        <GetStarted onEnabled={() => setNotice("Two-factor authentication is on. You'll be asked for a second factor when you sign in.")} />
      )}
    </div>
  );
}

function Manage({ me, onChanged, onNotice }: { me: Me; onChanged(): Promise<unknown>; onNotice(message: string | null): void }) {
  const withStepUp = useStepUp();
  const codesAction = useAction();
  const disable = useAction();
  const [adding, setAdding] = useState(false);
  const [codes, setCodes] = useState<string[] | null>(null);
  const status = me.twoFactor;

  async function generate() {
    const done = await codesAction.run(() => withStepUp(() => client.generateBackupCodes()));
    if (!done) return;
    setCodes(done.codes);
    await onChanged();
  }

  async function disableTwoFactor() {
    const done = await disable.run(() => withStepUp(() => client.disableTwoFactor()));
    if (!done) return;
    onNotice("Two-factor authentication is off.");
    await onChanged();
  }

  return (
    <>
      <p className="status-line">
        <span className="badge badge-on">On</span> Your account asks for a second factor when you sign in.
      </p>
      <Card title="Your authenticators">
        <ul className="factors" aria-label="Authenticators">
          {status.factors.map((factor) => (
            <FactorItem key={factor.id} factor={factor} onChanged={onChanged} />
          ))}
        </ul>
        {!adding && (
          <Button variant="secondary" onClick={() => (setAdding(true), onNotice(null))}>
            Add another authenticator
          </Button>
        )}
      </Card>
      {adding && (
        <AddAuthenticator
          onAdded={async (label) => {
            setAdding(false);
            onNotice(`Authenticator added: ${label}.`);
            await onChanged();
          }}
          onCancel={() => setAdding(false)}
        />
      )}
      <Card title="Backup codes">
        <p>
          <strong>{status.backupCodesRemaining}</strong> of 10 backup codes remaining. A new set replaces the old one.
        </p>
        {codes && (
          <>
            <p>Your new backup codes. They are shown only once.</p>
            <BackupCodeList codes={codes} />
          </>
        )}
        <Alert>{codesAction.error}</Alert>
        <Button variant="secondary" busy={codesAction.busy} onClick={generate}>
          Generate new backup codes
        </Button>
      </Card>
      <Card title="Turn off two-factor authentication" className="card-danger">
        <p>Your account will be protected by your password alone.{status.enforcedByDomain && " Your organisation requires two-factor authentication, so it can't be turned off."}</p>
        <Alert>{disable.error}</Alert>
        <Button variant="danger" busy={disable.busy} onClick={disableTwoFactor}>
          Disable two-factor authentication
        </Button>
      </Card>
    </>
  );
}
