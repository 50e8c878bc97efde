// What the links in the emails open: /verify-email?token=… and /reset-password?token=…; without a
// token, /reset-password is "Forgot password?": it asks for the email to send the link to.
import { signInWithSecurityKey } from "@access-identity/client/webauthn";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { client } from "../api/client.js";
import { Link, navigate, useLocation } from "../app/router.js";
import { useSession } from "../app/session.js";
import { SecondFactorForm, type Challenge } from "../auth/SecondFactorForm.js";
import { Alert, Button, Card, Field, Notice } from "../ui/controls.js";
import { useAction } from "../ui/use-action.js";

export function VerifyEmailPage() {
  const { search } = useLocation();
  const session = useSession();
  const action = useAction();
  const resend = useAction();
  const [verified, setVerified] = useState<string | null>(null);
  const [resent, setResent] = useState(false);
  const started = useRef(false);
  const token = search.get("token") ?? "";

  useEffect(() => {
    if (started.current || !token) return;
    started.current = true; // the token is single use: one attempt per visit
    action.run(() => client.verifyEmail({ input: { token } })).then((done) => done?.__typename === "EmailVerified" && setVerified(done.user.email));
  }, [token, action]);

  return (
    <div className="auth-page">
      <h1>Verify your email</h1>
      <Card>
        {verified ? (
          <>
            <p className="success">{verified} is verified. Thank you.</p>
            <Link href="/">Continue to your account</Link>
          </>
        ) : action.busy ? (
          <p role="status">Verifying…</p>
        ) : (
          <>
            <Alert>{token ? action.error : "This link is incomplete. Open the link from the email again."}</Alert>
            {session.me && (
              <div className="stack">
                <Button variant="secondary" busy={resend.busy} onClick={async () => setResent(Boolean(await resend.run(() => client.sendEmailVerification())))}>
                  Send a new link
                </Button>
                {resent && <Notice>We sent a new link to {session.me.email}.</Notice>}
                <Alert>{resend.error}</Alert>
              </div>
            )}
          </>
        )}
      </Card>
    </div>
  );
}

function ForgotPassword() {
  const action = useAction();
  const [email, setEmail] = useState("");
  const [sent, setSent] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (await action.run(() => client.requestPasswordReset({ input: { email } }))) setSent(true);
  }

  return (
    <div className="auth-page">
      <h1>Forgot password?</h1>
      <form onSubmit={submit} className="card stack" noValidate>
        <p>Enter your email and we'll send you a link to choose a new password.</p>
        <Field label="Email" type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} required autoFocus />
        <Alert>{action.error}</Alert>
        {sent && <Notice>If an account exists for {email}, we've emailed it a link. It works for one hour.</Notice>}
        <Button type="submit" busy={action.busy} disabled={!email.trim()}>
          Send reset link
        </Button>
      </form>
      <p className="muted center">
        <Link href="/sign-in">Back to sign in</Link>
      </p>
    </div>
  );
}

function ChooseNewPassword({ token }: { token: string }) {
  const session = useSession();
  const action = useAction();
  const [password, setPassword] = useState("");
  const [done, setDone] = useState(false);
  const [challenge, setChallenge] = useState<Challenge | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await action.run(() => client.resetPassword({ input: { token, newPassword: password } }));
    if (result?.__typename === "SecondFactorRequired") setChallenge(result.challenge);
    else if (result) setDone(true);
  }

  if (challenge) {
    // 2FA on: the new password is set once a second factor confirms it's the account's owner.
    return (
      <div className="auth-page">
        <Card>
          <SecondFactorForm
            challenge={challenge}
            complete={(proof) => client.completeSignIn({ input: { challengeId: challenge.id, ...proof } })}
            useSecurityKey={() => signInWithSecurityKey(client, challenge.id)}
            onSuccess={async (signedIn) => {
              if (signedIn.__typename !== "SignedIn") return;
              await session.adopt(signedIn.session.token);
              navigate("/");
            }}
          />
        </Card>
      </div>
    );
  }
  return (
    <div className="auth-page">
      <h1>Choose a new password</h1>
      {done ? (
        <Card>
          <p className="success">Your password was changed, and every session was signed out.</p>
          <Link href="/sign-in">Sign in</Link>
        </Card>
      ) : (
        <form onSubmit={submit} className="card stack" noValidate>
          <Field label="New password" type="password" autoComplete="new-password" hint="At least 8 characters." value={password} onChange={(e) => setPassword(e.target.value)} required autoFocus />
          <Alert>{action.error}</Alert>
          <Button type="submit" busy={action.busy} disabled={!password}>
            Set new password
          </Button>
        </form>
      )}
    </div>
  );
}

export function ResetPasswordPage() {
  const token = useLocation().search.get("token");
  return token ? <ChooseNewPassword token={token} /> : <ForgotPassword />;
}
