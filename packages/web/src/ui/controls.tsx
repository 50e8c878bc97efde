// The few building blocks every screen shares, so spacing, focus and states look the same everywhere.
import { useEffect, useId, useRef, type ButtonHTMLAttributes, type InputHTMLAttributes, type ReactNode } from "react";

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: "primary" | "secondary" | "danger" | "link"; busy?: boolean };

/** A button that says it is working (aria-busy, disabled) while its action runs. */
export function Button({ variant = "primary", busy = false, disabled, className, type = "button", children, ...rest }: ButtonProps) {
  return (
    <button type={type} className={`button button-${variant} ${className ?? ""}`} disabled={disabled || busy} aria-busy={busy || undefined} {...rest}>
      {busy && <span className="spinner" aria-hidden="true" />}
      {children}
    </button>
  );
}

type FieldProps = InputHTMLAttributes<HTMLInputElement> & { label: string; hint?: ReactNode };

/** A labelled input; its hint is its description, so screen readers read both. */
export function Field({ label, hint, className, ...input }: FieldProps) {
  const id = useId();
  return (
    <div className={`field ${className ?? ""}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <input id={id} aria-describedby={hint ? `${id}-hint` : undefined} {...input} />
    </div>
  );
}

/** Where a form's error appears: announced at once (role="alert"), next to what the user did. */
export function Alert({ children }: { children: ReactNode }) {
  if (!children) return null;
  return (
    <div role="alert" className="alert">
      {children}
    </div>
  );
}

/** A polite confirmation ("Copied", "Saved") that screen readers announce without interrupting. */
export function Notice({ children }: { children: ReactNode }) {
  return (
    <p className="notice" role="status">
      {children}
    </p>
  );
}

/** The native modal dialog: focus is trapped and Escape closes it; named by its heading. */
export function Dialog({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
    </dialog>
  );
}

export function Card({ title, children, headingLevel = 2, className }: { title?: string; children: ReactNode; headingLevel?: 2 | 3; className?: string }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section className={`card ${className ?? ""}`}>
      {title && <Heading>{title}</Heading>}
      {children}
    </section>
  );
}
