// The web app's build. It talks to the API only through @access-identity/client, taken from the
// client package's sources (the same code its npm build ships), so a regenerated client needs no step here.
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here("."),
  plugins: [react()],
  resolve: {
    alias: [
      { find: /^@access-identity\/client\/webauthn$/, replacement: here("../client/src/webauthn.ts") },
      { find: /^@access-identity\/client$/, replacement: here("../client/src/index.ts") },
    ],
  },
  build: {
    outDir: here("dist"),
    emptyOutDir: true,
    // Every asset is a file of its own: the CSP allows same-origin scripts and styles only.
    assetsInlineLimit: 0,
    target: "es2022",
    reportCompressedSize: false,
  },
  logLevel: "warn",
});
