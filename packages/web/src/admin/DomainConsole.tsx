// /admin/domain: the domain owner's console. Claim the signed-in user's own email domain, prove it
// with a DNS TXT record, then set the 2FA policy, see and reset members, manage owners, read the log.
import type { ClaimDomainMutation } from "@access-identity/client";
import { useCallback, useEffect, useState } from "react";
import { client } from "../api/client.js";
import { describeThrown } from "../api/errors.js";
import type { Me } from "../app/session.js";
import { Alert, Button, Card } from "../ui/controls.js";
import { useAction } from "../ui/use-action.js";
import { AuditLogTable } from "./AuditLog.js";
import { CopyButton } from "./CopyButton.js";
import type { Domain } from "./domain-types.js";
import { Members } from "./Members.js";
import { Owners } from "./Owners.js";
import { PolicyForm } from "./PolicyForm.js";

type Claim = Extract<ClaimDomainMutation["claimDomain"], { __typename: "DomainClaim" }>;

export function DomainConsole({ me }: { me: Me }) {
  const [domain, setDomain] = useState<Domain | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  const reload = useCallback(async () => {
    try {
      setDomain(await client.domain({ name: me.domain }));
      setLoadError(null);
    } catch (error) {
      setLoadError(describeThrown(error));
    } finally {
      setLoaded(true);
      setVersion((v) => v + 1);
    }
  }, [me.domain]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return (
    <div className="page">
      <h1>Domain administration</h1>
      <p className="muted">
        Domain <strong>{me.domain}</strong>
        {domain?.verified && <span className="badge badge-on">Verified</span>}
      </p>
      <Alert>{loadError}</Alert>
      {!loaded ? (
        <p role="status" className="muted">
          Loading…
        </p>
      ) : domain?.verified ? (
        <>
          <PolicyForm domain={domain} onSaved={reload} />
          <Members domain={domain.name} version={version} onChanged={reload} />
          <Owners domain={domain} onChanged={reload} />
          <AuditLogTable domain={domain.name} version={version} />
        </>
      ) : (
        <ClaimAndVerify name={me.domain} onVerified={reload} />
      )}
    </div>
  );
}

function ClaimAndVerify({ name, onVerified }: { name: string; onVerified(): Promise<void> }) {
  const claim = useAction();
  const verify = useAction();
  const [record, setRecord] = useState<Claim | null>(null);

  async function claimDomain() {
    // Claiming again while a claim is live answers the same record: safe after a reload.
    const claimed = await claim.run(() => client.claimDomain({ input: { name } }));
    if (claimed) setRecord(claimed);
  }

  async function verifyDomain() {
    const verified = await verify.run(() => client.verifyDomain({ input: { name } }));
    if (verified) await onVerified();
  }

  if (!record) {
    return (
      <Card title="Prove you own this domain">
        <p>
          Claim <strong>{name}</strong> to require two-factor authentication for everyone who signs up with an @{name} address, and to help members who lose their phone.
        </p>
        <Alert>{claim.error}</Alert>
        <Button busy={claim.busy} onClick={claimDomain}>
          Claim domain
        </Button>
      </Card>
    );
  }
  return (
    <Card title="Add this TXT record to your DNS">
      <p>Ask whoever manages DNS for {name} to add this record, then verify. Changes can take a few minutes to appear.</p>
      <dl className="record">
        <div>
          <dt>Name</dt>
          <dd>
            <code>{record.txtRecordName}</code>
            <CopyButton value={record.txtRecordName} what="TXT record name" />
          </dd>
        </div>
        <div>
          <dt>Value</dt>
          <dd>
            <code>{record.txtRecordValue}</code>
            <CopyButton value={record.txtRecordValue} what="TXT record value" />
          </dd>
        </div>
      </dl>
      <Alert>{verify.error}</Alert>
      <Button busy={verify.busy} onClick={verifyDomain}>
        Verify domain
      </Button>
    </Card>
  );
}
