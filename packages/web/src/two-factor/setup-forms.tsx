// "Add authenticator" for each of the three options: start the enrolment, then confirm it with a
// code (app, SMS) or the browser's WebAuthn ceremony. Each ends by handing the confirmed factor up.
import { enrolWebAuthn } from "@access-identity/client/webauthn";
import { useEffect, useState, type FormEvent } from "react";
import type { StartTotpEnrolmentMutation } from "@access-identity/client";
import { client } from "../api/client.js";
import { useStepUp } from "../auth/StepUp.js";
import { Alert, Button, Field, Notice } from "../ui/controls.js";
import { useAction } from "../ui/use-action.js";

interface SetupProps {
  onAdded(label: string): void;
}

type TotpEnrolment = Extract<StartTotpEnrolmentMutation["startTotpEnrolment"], { __typename: "TotpEnrolment" }>;

export function TotpSetup({ onAdded }: SetupProps) {
  const withStepUp = useStepUp();
  const start = useAction();
  const confirm = useAction();
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [code, setCode] = useState("");

  useEffect(() => {
    start.run(() => withStepUp(() => client.startTotpEnrolment({ input: {} }))).then((started) => started && setEnrolment(started));
  }, []); // eslint-disable-line react-hooks/exhaustive-deps -- one enrolment per visit

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!enrolment) return;
    const done = await confirm.run(() => client.confirmTotpEnrolment({ input: { factorId: enrolment.factorId, code } }));
    if (done) onAdded(done.factor.label);
  }

  if (!enrolment) return start.error ? <Alert>{start.error}</Alert> : <p className="muted" role="status">Preparing your QR code…</p>;
  return (
    <form onSubmit={submit} className="stack" noValidate>
      <ol className="steps">
        <li>Open your authentication app and scan this QR code.</li>
      </ol>
      <img className="qr" src={enrolment.qrCodeDataUrl} alt="QR code" width={192} height={192} />
      <p className="muted">
        Can't scan it? Type this key into the app instead: <code className="secret">{enrolment.secret.replace(/(.{4})/g, "$1 ").trim()}</code>
      </p>
      <ol className="steps" start={2}>
        <li>Enter the 6-digit code the app shows.</li>
      </ol>
      <Field label="Authentication code" inputMode="numeric" autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value)} required />
      <Alert>{confirm.error}</Alert>
      <Button type="submit" busy={confirm.busy} disabled={!code.trim()}>
        Add authenticator
      </Button>
    </form>
  );
}

export function SmsSetup({ onAdded }: SetupProps) {
  const withStepUp = useStepUp();
  const send = useAction();
  const confirm = useAction();
  const [phoneNumber, setPhoneNumber] = useState("");
  const [sent, setSent] = useState<{ factorId: string; maskedPhoneNumber: string } | null>(null);
  const [code, setCode] = useState("");

  async function sendCode() {
    const started = await send.run(() => withStepUp(() => client.startSmsEnrolment({ input: { phoneNumber } })));
    if (started) setSent(started);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!sent) return;
    const done = await confirm.run(() => client.confirmSmsEnrolment({ input: { factorId: sent.factorId, code } }));
    if (done) onAdded(done.factor.label);
  }

  return (
    <form onSubmit={submit} className="stack" noValidate>
      <Field label="Phone number" type="tel" autoComplete="tel" hint="Include your country code, for example +44 7700 900123." value={phoneNumber} onChange={(e) => setPhoneNumber(e.target.value)} required />
      <Alert>{send.error}</Alert>
      <div>
        <Button variant="secondary" busy={send.busy} disabled={!phoneNumber.trim()} onClick={sendCode}>
          {sent ? "Send a new code" : "Send code"}
        </Button>
      </div>
      {sent && <Notice>We texted a 6-digit code to {sent.maskedPhoneNumber}.</Notice>}
      <Field label="Authentication code" inputMode="numeric" autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value)} disabled={!sent} required />
      <Alert>{confirm.error}</Alert>
      <Button type="submit" busy={confirm.busy} disabled={!sent || !code.trim()}>
        Add authenticator
      </Button>
    </form>
  );
}

export function SecurityKeySetup({ onAdded }: SetupProps) {
  const withStepUp = useStepUp();
  const action = useAction();
  const [nickname, setNickname] = useState("");

  async function submit(event: FormEvent) {
    event.preventDefault();
    // Any kind of authenticator: a security key, or this device's fingerprint, face or screen lock.
    const done = await action.run(() => withStepUp(() => enrolWebAuthn(client, { nickname: nickname.trim() || undefined })));
    if (done) onAdded(done.factor.label);
  }

  return (
    <form onSubmit={submit} className="stack" noValidate>
      <Field label="Nickname" hint="A name to recognise it by, like “Blue YubiKey” or “Work laptop”." value={nickname} onChange={(e) => setNickname(e.target.value)} maxLength={64} />
      <p className="muted">When you continue, your browser asks you to touch your key or use your fingerprint, face or screen lock.</p>
      <Alert>{action.error}</Alert>
      <Button type="submit" busy={action.busy}>
        Add authenticator
      </Button>
    </form>
  );
}
