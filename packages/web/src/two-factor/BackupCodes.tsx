// The backup codes, shown once: a list to note down, a file to download, a copy to paste.
import { useState } from "react";
import { Button, Notice } from "../ui/controls.js";

export function BackupCodeList({ codes }: { codes: readonly string[] }) {
  const [copied, setCopied] = useState<string | null>(null);
  const text = `Access Identity backup codes\nEach code works once.\n\n${codes.join("\n")}\n`;

  function download() {
    const url = URL.createObjectURL(new Blob([text], { type: "text/plain" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = "access-identity-backup-codes.txt";
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(codes.join("\n"));
      setCopied("Backup codes copied to the clipboard.");
    } catch {
      setCopied("Your browser didn't allow copying. Select the codes and copy them instead.");
    }
  }

  return (
    <div className="backup-codes">
      <ul className="code-list" aria-label="Backup codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <div className="row">
        <Button variant="secondary" onClick={download}>
          Download
        </Button>
        <Button variant="secondary" onClick={copy}>
          Copy
        </Button>
      </div>
      {copied && <Notice>{copied}</Notice>}
    </div>
  );
}
