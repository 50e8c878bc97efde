import { useState, type FormEvent } from "react";
import { client } from "../api/client.js";
import { useStepUp } from "../auth/StepUp.js";
import { Alert, Button, Card, Field, Notice } from "../ui/controls.js";
import { useAction } from "../ui/use-action.js";
import type { Domain } from "./domain-types.js";

export function PolicyForm({ domain, onSaved }: { domain: Domain; onSaved(): Promise<void> }) {
  const withStepUp = useStepUp();
  const action = useAction();
  const [enforce, setEnforce] = useState(domain.enforceTwoFactor);
  const [grace, setGrace] = useState(String(domain.gracePeriodDays));
  const [saved, setSaved] = useState(false);

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const gracePeriodDays = Number.parseInt(grace, 10);
    if (!Number.isInteger(gracePeriodDays) || gracePeriodDays < 0) {
      action.setError("Enter the grace period as a whole number of days, 0 or more.");
      return;
    }
    const done = await action.run(() => withStepUp(() => client.setDomainTwoFactorPolicy({ input: { name: domain.name, enforce, gracePeriodDays } })));
    if (!done) return;
    setSaved(true);
    await onSaved();
  }

  return (
    <Card title="Two-factor policy">
      <form onSubmit={save} className="stack" noValidate>
        <label className="checkbox">
          <input type="checkbox" checked={enforce} onChange={(e) => setEnforce(e.target.checked)} />
          <span>Require two-factor authentication</span>
        </label>
        <Field
          label="Grace period (days)"
          type="number"
          min={0}
          max={90}
          step={1}
          inputMode="numeric"
          hint="How long members without two-factor authentication may still sign in normally."
          value={grace}
          onChange={(e) => setGrace(e.target.value)}
          className="field-narrow"
        />
        <Alert>{action.error}</Alert>
        <div className="row">
          <Button type="submit" busy={action.busy}>
            Save policy
          </Button>
          {saved && <Notice>Policy saved.</Notice>}
        </div>
      </form>
    </Card>
  );
}
