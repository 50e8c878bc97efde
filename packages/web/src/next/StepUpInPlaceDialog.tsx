// "Confirm it's you" with the API's step-up in place (startStepUp / completeStepUp): the same
// session becomes AAL2 again, no password asked. auth/StepUp.tsx opens it.
import { stepUpWithSecurityKey } from "@access-identity/client/webauthn";
import { useEffect, useRef, useState } from "react";
import { client } from "../api/client.js";
import { useSession } from "../app/session.js";
import { SecondFactorForm, type Challenge } from "../auth/SecondFactorForm.js";
import { Alert, Button, Dialog } from "../ui/controls.js";
import { useAction } from "../ui/use-action.js";

export function StepUpInPlaceDialog({ onDone }: { onDone(confirmed: boolean): void }) {
  const session = useSession();
  const start = useAction();
  const [challenge, setChallenge] = useState<Challenge | null>(null);
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    start.run(() => client.startStepUp()).then((result) => result?.__typename === "StepUpChallenge" && setChallenge(result.challenge));
  }, [start]);

  return (
    <Dialog title="Confirm it's you" onClose={() => onDone(false)}>
      <Alert>{start.error}</Alert>
      {challenge && (
        <SecondFactorForm
          headingLevel={3}
          challenge={challenge}
          complete={(proof) => client.completeStepUp({ input: { challengeId: challenge.id, ...proof } })}
          useSecurityKey={() => stepUpWithSecurityKey(client, challenge.id)}
          onSuccess={async () => {
            await session.refresh();
            onDone(true);
          }}
        />
      )}
      <div className="dialog-actions">
        <Button variant="secondary" onClick={() => onDone(false)}>
          Cancel
        </Button>
      </div>
    </Dialog>
  );
}
