// The GraphiQL playground as a developer meets it: it loads with no internet access (every asset
// served by the API itself), opens on the seed's journey as tabs, and a query in it runs against the API.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { playgroundTabs } from "@access-identity/graphql/playground";
import { startTestApi } from "@access-identity/testing/api";
import { hasChromium, launchChromium, type Chromium } from "@access-identity/testing/browser";
import { signUpUser } from "@access-identity/testing/flows";
import { uniqueEmail } from "@access-identity/testing/identities";
import { startTestServer, type TestServer } from "@access-identity/testing/server";
import { oathtool } from "@access-identity/testing/totp";

const JOURNEY = ["SignUp", "StartTotpEnrolment", "ConfirmTotpEnrolment", "GenerateBackupCodes", "EnableTwoFactor", "SignIn", "CompleteSignIn", "Me"];

/** A tab's operation, variables and headers with the values its comments say to paste. */
function pasted(text: string | undefined, values: Record<string, string>): string | undefined {
  return text && Object.entries(values).reduce((t, [placeholder, value]) => t.replaceAll(placeholder, value), text);
}

describe("the playground's tabs", () => {
  test("are the journey in order, and run in order with the pasted values they ask for, walk it", async () => {
    expect(playgroundTabs.map((tab) => tab.query.match(/^(?:mutation|query) (\w+)/m)?.[1])).toEqual(JOURNEY);
    const api = await startTestApi();
    try {
      const email = uniqueEmail();
      const values: Record<string, string> = { "ada@example.com": email };
      const answers: Record<string, any> = {};
      for (const tab of playgroundTabs) {
        const name = tab.query.match(/^(?:mutation|query) (\w+)/m)![1]!;
        if (name === "ConfirmTotpEnrolment") values["123456"] = oathtool(answers.StartTotpEnrolment.secret, api.clock.now());
        if (name === "SignIn") api.clock.advance(30);
        if (name === "CompleteSignIn") values["123456"] = oathtool(answers.StartTotpEnrolment.secret, api.clock.now());
        const headers = JSON.parse(pasted(tab.headers, values) ?? "{}") as Record<string, string>;
        const res = await api.gql(tab.query, JSON.parse(pasted(tab.variables, values) ?? "{}"), { headers });
        expect(res.errors, name).toBeUndefined();
        answers[name] = Object.values(res.data)[0];
        if (name === "SignUp") values.PASTE_SESSION_TOKEN = answers.SignUp.session.token;
        if (name === "StartTotpEnrolment") values.PASTE_FACTOR_ID = answers.StartTotpEnrolment.factorId;
        if (name === "SignIn") values.PASTE_CHALLENGE_ID = answers.SignIn.challenge.id;
        if (name === "CompleteSignIn") values.PASTE_SESSION_TOKEN = answers.CompleteSignIn.session.token;
      }
      expect(answers.ConfirmTotpEnrolment.__typename).toBe("FactorConfirmed");
      expect(answers.GenerateBackupCodes.codes).toHaveLength(10);
      expect(answers.EnableTwoFactor.status.enabled).toBe(true);
      expect(answers.SignIn.__typename).toBe("SecondFactorRequired");
      expect(answers.CompleteSignIn.session.aal).toBe("AAL2");
      expect(answers.Me).toMatchObject({ email, twoFactor: { enabled: true, factors: [{ kind: "TOTP", label: "Phone" }] } });
    } finally {
      await api.close();
    }
  });
});

describe.skipIf(!hasChromium)("the GraphiQL playground in Chromium", () => {
  let api: TestServer;
  let browser: Chromium;
  beforeAll(async () => {
    api = await startTestServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  test("loads offline on the journey's tabs; the first runs as it is, the last with a token pasted into Headers", async () => {
    const user = await signUpUser(api);
    const page = await browser.context.newPage();
    const offOrigin: string[] = [];
    page.on("request", (request) => {
      if (!request.url().startsWith(api.server.url) && !request.url().startsWith("data:") && !request.url().startsWith("blob:")) offOrigin.push(request.url());
    });
    // Not "networkidle": GraphiQL's editor starts web workers from blob: URLs, and Chromium can
    // report one of those fetches as in flight for good, so the page may never count as idle.
    await page.goto(`${api.server.url}/graphql`, { waitUntil: "load" });
    await page.locator(".graphiql-execute-button").waitFor();
    await expect.poll(async () => page.locator(".graphiql-tab-button").allInnerTexts(), { timeout: 10_000 }).toEqual(JOURNEY);

    // The first tab, as it opens: sign up with its example variables.
    await page.locator(".graphiql-execute-button").click();
    await expect.poll(async () => page.locator(".result-window").innerText(), { timeout: 10_000 }).toContain('"SignedIn"');

    // The last tab: its comment says to paste a token into Headers.
    // A dispatched click: the tabs are a drag-to-reorder list, and Playwright's synthetic pointer
    // sequence on it reads as the start of a drag rather than a click.
    await page.locator(".graphiql-tab-button").last().dispatchEvent("click");
    await expect.poll(async () => page.locator(".graphiql-tab-active").innerText()).toBe("Me");
    await expect.poll(async () => page.locator(".graphiql-query-editor").innerText(), { timeout: 10_000 }).toMatch(/query\sMe/); // Monaco renders spaces as U+00A0
    await page.getByText("Headers", { exact: true }).click();
    const headers = page.locator(".graphiql-editor-tool .graphiql-editor").last();
    await expect.poll(async () => headers.innerText()).toContain("PASTE_SESSION_TOKEN");
    await headers.click();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.press("Delete"); // else Monaco wraps the selection in the typed brace
    await page.keyboard.type(`{"Authorization": "Bearer ${user.token}"`);
    await page.locator(".graphiql-execute-button").click();
    await expect.poll(async () => page.locator(".result-window").innerText(), { timeout: 10_000 }).toContain(user.email);
    expect(offOrigin).toEqual([]);
  }, 40_000);
});
