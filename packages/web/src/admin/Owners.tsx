import { useState, type FormEvent } from "react";
import { client } from "../api/client.js";
import { useStepUp } from "../auth/StepUp.js";
import { Alert, Button, Card, Field } from "../ui/controls.js";
import { useAction } from "../ui/use-action.js";
import type { Domain } from "./domain-types.js";

export function Owners({ domain, onChanged }: { domain: Domain; onChanged(): Promise<void> }) {
  const withStepUp = useStepUp();
  const add = useAction();
  const remove = useAction();
  const [email, setEmail] = useState("");

  async function addOwner(event: FormEvent) {
    event.preventDefault();
    const done = await add.run(() => withStepUp(() => client.addDomainOwner({ input: { name: domain.name, email } })));
    if (!done) return;
    setEmail("");
    await onChanged();
  }

  async function removeOwner(owner: string) {
    const done = await remove.run(() => withStepUp(() => client.removeDomainOwner({ input: { name: domain.name, email: owner } })));
    if (done) await onChanged();
  }

  return (
    <Card title="Owners">
      <p className="muted">Owners can change the policy and reset members. A domain always keeps at least one owner.</p>
      <ul className="owners" aria-label="Owners">
        {domain.owners.map((owner) => (
          <li key={owner.id}>
            <span>{owner.email}</span>
            <Button variant="secondary" className="button-small" busy={remove.busy} onClick={() => removeOwner(owner.email)} title={`Remove ${owner.email}`}>
              Remove
            </Button>
          </li>
        ))}
      </ul>
      <Alert>{remove.error}</Alert>
      <form onSubmit={addOwner} className="row row-end" noValidate>
        <Field label="Email" type="email" hint={`A member of ${domain.name}.`} value={email} onChange={(e) => setEmail(e.target.value)} required />
        <Button type="submit" busy={add.busy} disabled={!email.trim()}>
          Add owner
        </Button>
      </form>
      <Alert>{add.error}</Alert>
    </Card>
  );
}
