// The second step: a code from the authenticator app or a text message, a security key, or a
// backup code. Used by sign-in and by the "Confirm it's you" dialog, which differ only in what
// `complete` and `useSecurityKey` call.
import type { SignInMutation, Success } from "@access-identity/client";
import { useEffect, useState, type FormEvent } from "react";
import { client } from "../api/client.js";
import { Alert, Button, Field, Notice } from "../ui/controls.js";
import { useAction } from "../ui/use-action.js";

export type Challenge = Extract<SignInMutation["signIn"], { __typename: "SecondFactorRequired" }>["challenge"];
export type Proof = { totpCode: string } | { smsCode: string } | { backupCode: string };
type Result = { __typename: string };

interface Props<R extends Result> {
  challenge: Challenge;
  complete(proof: Proof): Promise<R>;
  useSecurityKey(): Promise<R>;
  onSuccess(result: Success<R>): void;
  headingLevel?: 1 | 2 | 3;
}

function useCountdown(until: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!until) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [until]);
  return until ? Math.max(0, Math.ceil((until - now) / 1000)) : 0;
}

export function SecondFactorForm<R extends Result>({ challenge, complete, useSecurityKey, onSuccess, headingLevel = 1 }: Props<R>) {
  const action = useAction();
  const sms = useAction();
  const [mode, setMode] = useState<"code" | "backup">(challenge.methods.some((m) => m !== "WEBAUTHN") ? "code" : "backup");
  const [code, setCode] = useState("");
  const [smsSentTo, setSmsSentTo] = useState<string | null>(null);
  const [resendAt, setResendAt] = useState<number | null>(null);
  const secondsLeft = useCountdown(resendAt);
  const Heading = `h${headingLevel}` as "h1";
  const hasCodes = challenge.methods.includes("TOTP") || challenge.methods.includes("SMS");

  async function verify(event: FormEvent) {
    event.preventDefault();
    const proof: Proof = mode === "backup" ? { backupCode: code } : smsSentTo ? { smsCode: code } : { totpCode: code };
    const done = await action.run(() => complete(proof));
    if (done) onSuccess(done);
  }

  async function sendText() {
    const sent = await sms.run(() => client.sendSignInSmsCode({ input: { challengeId: challenge.id } }));
    if (!sent) return;
    setSmsSentTo(challenge.smsFactors[0]?.maskedPhoneNumber ?? "your phone");
    setResendAt(new Date(sent.resendAfter).getTime());
    setMode("code");
  }

  async function securityKey() {
    const done = await action.run(useSecurityKey);
    if (done) onSuccess(done);
  }

  return (
    <div className="second-factor">
      <Heading>Two-factor authentication</Heading>
      <form onSubmit={verify} className="stack" noValidate>
        {mode === "code" ? (
          <Field
            label="Authentication code"
            hint={
              smsSentTo
                ? `We texted a 6-digit code to ${smsSentTo}.`
                : challenge.methods.includes("TOTP")
                  ? "Enter the 6-digit code from your authenticator app."
                  : "Choose “Send a text message” below to get a code."
            }
            inputMode="numeric"
            autoComplete="one-time-code"
            autoFocus
            value={code}
            onChange={(e) => setCode(e.target.value)}
            required
          />
        ) : (
          <Field label="Backup code" hint="Each backup code works once." autoComplete="off" autoFocus value={code} onChange={(e) => setCode(e.target.value)} required />
        )}
        <Alert>{action.error}</Alert>
        <Button type="submit" busy={action.busy} disabled={!code.trim()}>
          Verify
        </Button>
      </form>
      <div className="alternatives">
        <p className="muted">Other ways to confirm it's you</p>
        {challenge.methods.includes("SMS") &&
          (resendAt && secondsLeft > 0 ? (
            <Button variant="secondary" disabled>
              Resend text in {secondsLeft} s
            </Button>
          ) : (
            <Button variant="secondary" busy={sms.busy} onClick={sendText}>
              {smsSentTo ? "Resend text message" : "Send a text message"}
            </Button>
          ))}
        {smsSentTo && <Notice>Text message sent to {smsSentTo}.</Notice>}
        <Alert>{sms.error}</Alert>
        {challenge.methods.includes("WEBAUTHN") && (
          <Button variant="secondary" busy={action.busy} onClick={securityKey}>
            Use your security key
          </Button>
        )}
        {mode === "code" && challenge.backupCodesAvailable && (
          <Button variant="link" onClick={() => (setMode("backup"), setCode(""), action.setError(null))}>
            Use a backup code
          </Button>
        )}
        {mode === "backup" && hasCodes && (
          <Button variant="link" onClick={() => (setMode("code"), setCode(""), action.setError(null))}>
            Use an authentication code
          </Button>
        )}
      </div>
    </div>
  );
}
