// Sessions, step-up in place, password change and reset, email verification: the client's own
// generated methods (packages/client/src/operations/{sessions,step-up,email}.graphql).
import { client } from "../api/client.js";

export type SessionInfo = NonNullable<Awaited<ReturnType<typeof client.session>>>;

export const nextApi = client;
