// The members of the domain: how many use 2FA (a sentence and a chart of the same), and a table
// with a reset per member for when someone loses their phone.
import type { DomainMembersQuery } from "@access-identity/client";
import { useEffect, useState, type FormEvent } from "react";
import { client } from "../api/client.js";
import { describeThrown } from "../api/errors.js";
import { useStepUp } from "../auth/StepUp.js";
import { Alert, Button, Card, Dialog, Field, Notice } from "../ui/controls.js";
import { useAction } from "../ui/use-action.js";
import { AdoptionChart } from "./AdoptionChart.js";

type Member = NonNullable<DomainMembersQuery["domain"]>["members"]["edges"][number]["node"];

function twoFactorDetail(member: Member): string {
  const status = member.twoFactor;
  if (status.enabled) return `${status.backupCodesRemaining} backup codes left`;
  if (status.enrolmentRequired) return status.enrolmentDeadline ? `required by ${new Date(status.enrolmentDeadline).toLocaleDateString(undefined, { dateStyle: "medium" })}` : "required now";
  return "";
}

export function Members({ domain, version, onChanged }: { domain: string; version: number; onChanged(): Promise<void> }) {
  const [members, setMembers] = useState<Member[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [resetting, setResetting] = useState<Member | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    client.domainMembers({ name: domain, first: 100 }).then(
      (result) => setMembers(result?.members.edges.map((edge) => edge.node) ?? []),
      (thrown) => setError(describeThrown(thrown)),
    );
  }, [domain, version]);

  const using = members?.filter((m) => m.twoFactor.enabled).length ?? 0;
  const summary = `${using} of ${members?.length ?? 0} members use two-factor authentication`;

  return (
    <Card title="Members">
      <Alert>{error}</Alert>
      {!members ? (
        <p role="status" className="muted">
          Loading members…
        </p>
      ) : (
        <>
          <div className="summary">
            <AdoptionChart using={using} total={members.length} label={summary} />
            <p className="summary-text">{summary}</p>
          </div>
          {notice && <Notice>{notice}</Notice>}
          <div className="table-wrap" tabIndex={0} role="region" aria-label="Members (scrollable)">
            <table>
              <caption className="visually-hidden">Members</caption>
              <thead>
                <tr>
                  <th scope="col">Email</th>
                  <th scope="col">Two-factor</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {members.map((member) => (
                  <tr key={member.user.id}>
                    <td>{member.email}</td>
                    <td>
                      <span className={`badge ${member.twoFactor.enabled ? "badge-on" : "badge-off"}`}>{member.twoFactor.enabled ? "On" : "Off"}</span>{" "}
                      <span className="muted cell-detail">{twoFactorDetail(member)}</span>
                    </td>
                    <td className="actions">
                      <Button variant="secondary" className="button-small" onClick={() => (setNotice(null), setResetting(member))}>
                        Reset two-factor authentication
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {resetting && (
        <ResetDialog
          member={resetting}
          onClose={() => setResetting(null)}
          onReset={async () => {
            setNotice(`Two-factor authentication was reset for ${resetting.email}. They have been signed out everywhere.`);
            setResetting(null);
            await onChanged();
          }}
        />
      )}
    </Card>
  );
}

function ResetDialog({ member, onClose, onReset }: { member: Member; onClose(): void; onReset(): Promise<void> }) {
  const withStepUp = useStepUp();
  const action = useAction();
  const [reason, setReason] = useState("");

  async function submit(event: FormEvent) {
    event.preventDefault();
    const done = await action.run(() => withStepUp(() => client.resetUserTwoFactor({ input: { email: member.email, reason } })));
    if (done) await onReset();
  }

  return (
    <Dialog title="Reset two-factor authentication" onClose={onClose}>
      <form onSubmit={submit} className="stack" noValidate>
        <p>
          This removes every authenticator and backup code of <strong>{member.email}</strong> and signs them out everywhere. They can then sign in with their password and set up
          two-factor authentication again.
        </p>
        <Field label="Reason" hint="Recorded in the audit log, for example “Lost their phone”." value={reason} onChange={(e) => setReason(e.target.value)} required autoFocus />
        <Alert>{action.error}</Alert>
        <div className="row">
          <Button type="submit" variant="danger" busy={action.busy} disabled={!reason.trim()}>
            Reset
          </Button>
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
