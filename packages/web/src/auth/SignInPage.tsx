// Sign-in: the password, then (when 2FA is on) the second step; or a passkey alone, no email typed.
import { useState, type FormEvent } from "react";
import { signInWithPasskey, signInWithSecurityKey } from "@access-identity/client/webauthn";
import { client } from "../api/client.js";
import { Link, navigate } from "../app/router.js";
import { useSession } from "../app/session.js";
import { Alert, Button, Field } from "../ui/controls.js";
import { useAction } from "../ui/use-action.js";
import { SecondFactorForm, type Challenge } from "./SecondFactorForm.js";

export function SignInPage() {
  const session = useSession();
  const action = useAction();
  const passkey = useAction();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [challenge, setChallenge] = useState<Challenge | null>(null);

  async function signedIn(token: string) {
    await session.adopt(token);
    navigate("/");
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await action.run(() => client.signIn({ input: { email, password } }));
    if (!result) return;
    if (result.__typename === "SignedIn") await signedIn(result.session.token);
    else setChallenge(result.challenge);
  }

  async function withPasskey() {
    const result = await passkey.run(() => signInWithPasskey(client));
    if (result?.__typename === "SignedIn") await signedIn(result.session.token);
  }

  if (challenge) {
    return (
      <div className="auth-page">
        <div className="card">
          <SecondFactorForm
            challenge={challenge}
            complete={(proof) => client.completeSignIn({ input: { challengeId: challenge.id, ...proof } })}
            useSecurityKey={() => signInWithSecurityKey(client, challenge.id)}
            onSuccess={(done) => done.__typename === "SignedIn" && signedIn(done.session.token)}
          />
        </div>
        <p className="muted center">
          <Button variant="link" onClick={() => setChallenge(null)}>
            Back to sign in
          </Button>
        </p>
      </div>
    );
  }

  return (
    <div className="auth-page">
      <h1>Sign in</h1>
      <form onSubmit={submit} className="card stack" noValidate>
        <Field label="Email" type="email" autoComplete="username webauthn" value={email} onChange={(e) => setEmail(e.target.value)} required autoFocus />
        <Field label="Password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        <p className="field-aside">
          <Link href="/reset-password">Forgot password?</Link>
        </p>
        <Alert>{action.error}</Alert>
        <Button type="submit" busy={action.busy}>
          Sign in
        </Button>
        <div className="divider" aria-hidden="true">
          <span>or</span>
        </div>
        <Button variant="secondary" busy={passkey.busy} onClick={withPasskey}>
          Sign in with a passkey
        </Button>
        <Alert>{passkey.error}</Alert>
      </form>
      <p className="muted center">
        New here? <Link href="/sign-up">Sign up</Link>
      </p>
    </div>
  );
}
