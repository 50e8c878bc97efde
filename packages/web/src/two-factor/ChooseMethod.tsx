// The seed's three options, in its words.
export type Method = "webauthn" | "sms" | "totp";

const CHOICES: { method: Method; title: string; detail: string }[] = [
  { method: "webauthn", title: "Use a hardware security key or biometric features on your device", detail: "A security key, fingerprint, face or screen lock. The most secure option." },
  { method: "sms", title: "Add a phone number to receive an SMS message containing a verification code", detail: "We text you a code each time you sign in." },
  { method: "totp", title: "Use an authentication app on your phone", detail: "Google Authenticator, Authy or similar: faster and more convenient than SMS." },
];

export function ChooseMethod({ onChoose }: { onChoose(method: Method): void }) {
  return (
    <ul className="choices" aria-label="Ways to add an authenticator">
      {CHOICES.map((choice) => (
        <li key={choice.method}>
          <button type="button" className="choice" onClick={() => onChoose(choice.method)} aria-describedby={`choice-${choice.method}`}>
            <span className={`choice-icon choice-icon-${choice.method}`} aria-hidden="true" />
            <span className="choice-title">{choice.title}</span>
          </button>
          <p className="hint choice-detail" id={`choice-${choice.method}`}>
            {choice.detail}
          </p>
        </li>
      ))}
    </ul>
  );
}
