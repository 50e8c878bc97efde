import { api } from "./api.js";
import { webSite } from "./settings.js";

/**
 * The web app (packages/web) on S3 and CloudFront, off unless the deployer sets WEB_DOMAIN
 * (stacks/settings.ts webSite; docs/ops.md). SST runs the app's own build in packages/web at deploy
 * with VITE_API_URL set to the Function URL, so the built app calls the API there
 * (packages/web/src/api/client.ts), and uploads `dist`. The API's CORS and WebAuthn origins default
 * to https://WEB_DOMAIN (stacks/api.ts, settings.ts).
 */
const site = webSite();

export const web = site
  ? new sst.aws.StaticSite("Web", {
      path: "packages/web",
      // packages/web's `vite build` (vite.config.ts writes dist/ beside it).
      build: { command: "npm run build", output: "dist" },
      environment: { VITE_API_URL: api.url },
      domain: site.domain,
    })
  : undefined;
