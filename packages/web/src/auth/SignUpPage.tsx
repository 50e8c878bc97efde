import { useState, type FormEvent } from "react";
import { client } from "../api/client.js";
import { Link, navigate } from "../app/router.js";
import { useSession } from "../app/session.js";
import { Alert, Button, Field } from "../ui/controls.js";
import { useAction } from "../ui/use-action.js";

export function SignUpPage() {
  const session = useSession();
  const action = useAction();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");

  async function submit(event: FormEvent) {
    event.preventDefault();
    const signedUp = await action.run(() => client.signUp({ input: { email, password } }));
    if (!signedUp) return;
    await session.adopt(signedUp.session.token);
    navigate("/");
  }

  return (
    <div className="auth-page">
      <h1>Create your account</h1>
      <form onSubmit={submit} className="card stack" noValidate>
        <Field label="Email" type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} required autoFocus />
        <Field
          label="Password"
          type="password"
          autoComplete="new-password"
          hint="At least 8 characters. A long phrase is easier to remember and harder to guess."
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
        />
        <Alert>{action.error}</Alert>
        <Button type="submit" busy={action.busy}>
          Sign up
        </Button>
      </form>
      <p className="muted center">
        Already have an account? <Link href="/sign-in">Sign in</Link>
      </p>
    </div>
  );
}
