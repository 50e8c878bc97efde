// One confirmed factor: its name, kind and dates, renamed in place or removed (step-up guarded).
import { useState, type FormEvent } from "react";
import { client } from "../api/client.js";
import { useStepUp } from "../auth/StepUp.js";
import type { Me } from "../app/session.js";
import { Alert, Button, Field } from "../ui/controls.js";
import { useAction } from "../ui/use-action.js";

type Factor = Me["twoFactor"]["factors"][number];

const KINDS: Record<Factor["kind"], string> = { TOTP: "Authentication app", SMS: "Text message", WEBAUTHN: "Security key or biometrics" };

export function formatDate(iso: string | null | undefined): string {
  return iso ? new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" }) : "never";
}

export function FactorItem({ factor, onChanged }: { factor: Factor; onChanged(): Promise<unknown> }) {
  const withStepUp = useStepUp();
  const action = useAction();
  const [renaming, setRenaming] = useState(false);
  const [label, setLabel] = useState(factor.label);

  async function rename(event: FormEvent) {
    event.preventDefault();
    const done = await action.run(() => client.renameFactor({ input: { factorId: factor.id, label } }));
    if (!done) return;
    setRenaming(false);
    await onChanged();
  }

  async function remove() {
    const done = await action.run(() => withStepUp(() => client.removeFactor({ input: { factorId: factor.id } })));
    if (done) await onChanged();
  }

  return (
    <li className="factor">
      <span className={`factor-icon choice-icon-${factor.kind === "TOTP" ? "totp" : factor.kind === "SMS" ? "sms" : "webauthn"}`} aria-hidden="true" />
      <div className="factor-body">
        {renaming ? (
          <form onSubmit={rename} className="row" noValidate>
            <Field label={`New name for ${factor.label}`} value={label} onChange={(e) => setLabel(e.target.value)} autoFocus required maxLength={64} />
            <Button type="submit" busy={action.busy} disabled={!label.trim()}>
              Save
            </Button>
            <Button variant="secondary" onClick={() => (setRenaming(false), setLabel(factor.label))}>
              Cancel
            </Button>
          </form>
        ) : (
          <>
            <strong className="factor-label">{factor.label}</strong>
            <span className="muted">
              {KINDS[factor.kind]} · added {formatDate(factor.createdAt)} · last used {formatDate(factor.lastUsedAt)}
            </span>
          </>
        )}
        <Alert>{action.error}</Alert>
      </div>
      {!renaming && (
        <div className="row factor-actions">
          <Button variant="secondary" onClick={() => setRenaming(true)} aria-describedby={undefined}>
            Rename
          </Button>
          <Button variant="danger" busy={action.busy} onClick={remove}>
            Remove
          </Button>
        </div>
      )}
    </li>
  );
}
