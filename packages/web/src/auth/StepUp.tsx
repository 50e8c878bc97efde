// "Confirm it's you": what the API guards with step-up (StepUpRequiredError) opens this dialog,
// takes a second factor, then carries on with the action. Until the API's startStepUp /
// completeStepUp land, it confirms by signing in again in place (password, then the same second
// step as sign-in) and adopts that AAL2 session. The swap to step-up in place is one line below:
// `const ConfirmItsYou = StepUpInPlaceDialog;` (next/StepUpInPlaceDialog.tsx, same props).
import { signInWithSecurityKey } from "@access-identity/client/webauthn";
import { createContext, useCallback, useContext, useRef, useState, type FormEvent, type ReactNode } from "react";
import { client, tokenStore } from "../api/client.js";
import { useSession } from "../app/session.js";
import { Alert, Button, Dialog, Field } from "../ui/controls.js";
import { useAction } from "../ui/use-action.js";
import { SecondFactorForm, type Challenge } from "./SecondFactorForm.js";

type WithStepUp = <R extends { __typename: string }>(work: () => Promise<R>) => Promise<R>;

const StepUpContext = createContext<WithStepUp | null>(null);

/** Runs `work`; when the API asks for step-up, confirms it's you and runs it once more. */
export function useStepUp(): WithStepUp {
  const value = useContext(StepUpContext);
  if (!value) throw new Error("useStepUp outside StepUpProvider");
  return value;
}

export function StepUpProvider({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const settle = useRef<(confirmed: boolean) => void>(() => undefined);

  const withStepUp = useCallback<WithStepUp>(async (work) => {
    const first = await work();
    if (first.__typename !== "StepUpRequiredError") return first;
    const confirmed = await new Promise<boolean>((resolve) => {
      settle.current = resolve;
      setOpen(true);
    });
    return confirmed ? work() : first;
  }, []);

  function close(confirmed: boolean) {
    setOpen(false);
    settle.current(confirmed);
  }

  return (
    <StepUpContext.Provider value={withStepUp}>
      {children}
      {open && <ConfirmItsYou onDone={close} />}
    </StepUpContext.Provider>
  );
}

/** The dialog StepUpProvider opens: takes a second factor, then `onDone(true)`; Cancel is `onDone(false)`. */
type ConfirmDialog = (props: { onDone(confirmed: boolean): void }) => ReactNode;

function ConfirmBySigningInAgain({ onDone }: { onDone(confirmed: boolean): void }) {
  const session = useSession();
  const action = useAction();
  const [password, setPassword] = useState("");
  const [challenge, setChallenge] = useState<Challenge | null>(null);

  async function adopt(token: string) {
    const previous = tokenStore.get();
    await session.adopt(token);
    // The session that was replaced is ended, so confirming leaves one session, not two.
    if (previous && previous !== token) await client.signOut({}, { token: previous }).catch(() => undefined);
    onDone(true);
  }

  async function submitPassword(event: FormEvent) {
    event.preventDefault();
    const email = session.me?.email ?? "";
    const result = await action.run(() => client.signIn({ input: { email, password } }));
    if (!result) return;
    if (result.__typename === "SignedIn") await adopt(result.session.token);
    else setChallenge(result.challenge);
  }

  return (
    <Dialog title="Confirm it's you" onClose={() => onDone(false)}>
      {challenge ? (
        <SecondFactorForm
          headingLevel={3}
          challenge={challenge}
          complete={(proof) => client.completeSignIn({ input: { challengeId: challenge.id, ...proof } })}
          useSecurityKey={() => signInWithSecurityKey(client, challenge.id)}
          onSuccess={(done) => done.__typename === "SignedIn" && adopt(done.session.token)}
        />
      ) : (
        <form onSubmit={submitPassword} className="stack" noValidate>
          <p>This is a sensitive change. Enter your password, then your second factor, to carry on.</p>
          <Field label="Password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} autoFocus required />
          <Alert>{action.error}</Alert>
          <Button type="submit" busy={action.busy} disabled={!password}>
            Continue
          </Button>
        </form>
      )}
      <div className="dialog-actions">
        <Button variant="secondary" onClick={() => onDone(false)}>
          Cancel
        </Button>
      </div>
    </Dialog>
  );
}

const ConfirmItsYou: ConfirmDialog = ConfirmBySigningInAgain;
