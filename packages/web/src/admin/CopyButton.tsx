import { useState } from "react";
import { Button } from "../ui/controls.js";

/** A "Copy" button; what it copied is announced politely beside it. */
export function CopyButton({ value, what }: { value: string; what: string }) {
  const [status, setStatus] = useState("");
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setStatus(`${what} copied`);
    } catch {
      setStatus("Copying isn't allowed here: select the text instead");
    }
  }
  return (
    <>
      <Button variant="secondary" className="button-small" onClick={copy}>
        Copy
      </Button>
      <span role="status" className="copy-status">
        {status}
      </span>
    </>
  );
}
