// The reference web app (packages/web/dist, built by `npm start`'s prestart) on the local server's
// own origin, beside /graphql: hashed assets cached for good, everything else revalidated, and the
// app's routes (extensionless paths) answered with index.html so a reload or a link from an email
// opens the right screen. The CSP lets the page load only its own scripts, styles and API.
import { existsSync, readFileSync, statSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { dirname, extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The repository's root: the nearest directory above this module that holds packages/web. Found
 * by walking up rather than by a fixed relative path, because this module runs both from its source
 * (packages/functions/src/local/, under tsx and vitest) and bundled into dist/local/main.mjs
 * (`npm start`) or dist/bench/ (the benchmark), at different depths.
 */
export function repositoryRoot(from: string = fileURLToPath(import.meta.url)): string | undefined {
  for (let dir = dirname(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, "packages", "web", "package.json"))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

export const DEFAULT_WEB_ROOT = join(repositoryRoot() ?? process.cwd(), "packages", "web", "dist");

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".txt": "text/plain; charset=utf-8",
  ".woff2": "font/woff2",
};

/** Same-origin only; `data:` images for the QR code the API sends as a data URL. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const SECURITY_HEADERS = {
  "content-security-policy": CONTENT_SECURITY_POLICY,
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
};

export type WebAppHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

/** A handler that answers the app's requests (true) and leaves everything else (false) to GraphQL. */
export function webAppHandler(root: string = DEFAULT_WEB_ROOT): WebAppHandler | undefined {
  const webRoot = resolve(root);
  if (!existsSync(join(webRoot, "index.html"))) return undefined;

  function send(req: IncomingMessage, res: ServerResponse, file: string, cacheControl: string): void {
    const body = readFileSync(file);
    res.writeHead(200, {
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
      "content-length": body.length,
      "cache-control": cacheControl,
      ...SECURITY_HEADERS,
    });
    res.end(req.method === "HEAD" ? undefined : body);
  }

  return (req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") return false;
    let path: string;
    try {
      path = decodeURIComponent((req.url ?? "/").split("?")[0]!);
    } catch {
      return false; // malformed percent-encoding: not a file of ours
    }
    if (path === "/graphql" || path.startsWith("/graphql/")) return false;
    if (extname(path) === "") {
      // An app route: the app decides what it shows (an unknown one says "Page not found").
      send(req, res, join(webRoot, "index.html"), "no-cache");
      return true;
    }
    const file = normalize(join(webRoot, path));
    if (!file.startsWith(webRoot + sep) || !statSync(file, { throwIfNoEntry: false })?.isFile()) return false;
    // Vite names every built asset by its content hash: it never changes under the same URL.
    send(req, res, file, path.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache");
    return true;
  };
}
