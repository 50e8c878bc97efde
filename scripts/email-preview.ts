import { mkdirSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { loadEmailConfig } from "@access-identity/core/email/config";
import { renderAll, sampleEmailData } from "@access-identity/core/email/templates/samples";

// `npm run email:preview [-- folder]` writes every email with sample data as <name>.html and
// <name>.txt (default .email-preview/), for people to look at in a browser and an editor.
// Links use APP_URL as the server would (default http://localhost:$PORT).
const folder = resolve(process.argv[2] ?? ".email-preview");
mkdirSync(folder, { recursive: true });
const emails = renderAll(loadEmailConfig(), sampleEmailData());
for (const [name, email] of Object.entries(emails)) {
  writeFileSync(resolve(folder, `${name}.html`), email.html);
  writeFileSync(resolve(folder, `${name}.txt`), `Subject: ${email.subject}\n\n${email.text}`);
}
console.log(`wrote ${Object.keys(emails).length} emails (.html and .txt) to ${folder}`);
