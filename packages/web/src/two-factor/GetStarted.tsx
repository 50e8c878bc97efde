// The seed's flow, steps 2 to 5: choose an option, add the authenticator, take note of the backup
// codes and confirm you understand them, then "Enable Two Factor". Adding another authenticator
// later (2FA already on) is steps 2 and 3 only.
import { useState } from "react";
import { client } from "../api/client.js";
import { useSession } from "../app/session.js";
import { Alert, Button, Card } from "../ui/controls.js";
import { useAction } from "../ui/use-action.js";
import { BackupCodeList } from "./BackupCodes.js";
import { ChooseMethod, type Method } from "./ChooseMethod.js";
import { SecurityKeySetup, SmsSetup, TotpSetup } from "./setup-forms.js";

const TITLES: Record<Method, string> = {
  totp: "Set up your authentication app",
  sms: "Set up text messages",
  webauthn: "Set up a security key or biometrics",
};

export function AddAuthenticator({ onAdded, onCancel }: { onAdded(label: string): void; onCancel(): void }) {
  const [method, setMethod] = useState<Method | null>(null);
  return (
    <Card title={method ? TITLES[method] : "Choose how you'll confirm it's you"}>
      {!method && <ChooseMethod onChoose={setMethod} />}
      {method === "totp" && <TotpSetup onAdded={onAdded} />}
      {method === "sms" && <SmsSetup onAdded={onAdded} />}
      {method === "webauthn" && <SecurityKeySetup onAdded={onAdded} />}
      <div className="row">
        <Button variant="link" onClick={() => (method ? setMethod(null) : onCancel())}>
          {method ? "Choose another option" : "Cancel"}
        </Button>
      </div>
    </Card>
  );
}

export function GetStarted({ onEnabled }: { onEnabled(): void }) {
  const session = useSession();
  const codesAction = useAction();
  const enable = useAction();
  const [step, setStep] = useState<"intro" | "add" | "codes">("intro");
  const [added, setAdded] = useState<string | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [understood, setUnderstood] = useState(false);

  async function authenticatorAdded(label: string) {
    setAdded(label);
    setStep("codes");
    const generated = await codesAction.run(() => client.generateBackupCodes());
    if (generated) setCodes(generated.codes);
  }

  async function enableTwoFactor() {
    const done = await enable.run(() => client.enableTwoFactor({ input: { backupCodesAcknowledged: understood } }));
    if (!done) return;
    await session.refresh();
    onEnabled();
  }

  if (step === "intro") {
    return (
      <Card title="Protect your account">
        <p>Two-factor authentication asks for a second proof when you sign in, so a stolen password alone can't open your account.</p>
        <Button onClick={() => setStep("add")}>Get started with two-factor authentication</Button>
      </Card>
    );
  }
  if (step === "add") return <AddAuthenticator onAdded={authenticatorAdded} onCancel={() => setStep("intro")} />;
  return (
    <Card title="Save your backup codes">
      {added && <p className="success">Authenticator added: {added}.</p>}
      <p>
        If you lose your phone or security key, a backup code gets you back in. Each code works once. Store them somewhere safe, like a password manager.
      </p>
      {codes ? <BackupCodeList codes={codes} /> : !codesAction.error && <p role="status">Generating backup codes…</p>}
      <Alert>{codesAction.error}</Alert>
      <label className="checkbox">
        <input type="checkbox" checked={understood} onChange={(e) => setUnderstood(e.target.checked)} disabled={!codes} />
        <span>I understand that each backup code works once, and that they are how I get back in if I lose my authenticators.</span>
      </label>
      <Alert>{enable.error}</Alert>
      <Button onClick={enableTwoFactor} busy={enable.busy} disabled={!understood || !codes}>
        Enable Two Factor
      </Button>
    </Card>
  );
}
