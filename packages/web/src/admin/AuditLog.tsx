import type { DomainAuditLogQuery } from "@access-identity/client";
import { useEffect, useState } from "react";
import { client } from "../api/client.js";
import { describeThrown } from "../api/errors.js";
import { Alert, Card } from "../ui/controls.js";

type AuditEvent = NonNullable<DomainAuditLogQuery["domain"]>["auditLog"]["edges"][number]["node"];

/** DOMAIN_POLICY_CHANGED -> "Domain policy changed". */
function actionText(action: string): string {
  const words = action.toLowerCase().replace(/_/g, " ");
  return words[0]!.toUpperCase() + words.slice(1);
}

export function AuditLogTable({ domain, version }: { domain: string; version: number }) {
  const [events, setEvents] = useState<AuditEvent[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    client.domainAuditLog({ name: domain, first: 50 }).then(
      (result) => setEvents(result?.auditLog.edges.map((edge) => edge.node) ?? []),
      (thrown) => setError(describeThrown(thrown)),
    );
  }, [domain, version]);

  return (
    <Card title="Audit log">
      <Alert>{error}</Alert>
      {events && (
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Audit log (scrollable)">
          <table>
            <caption className="visually-hidden">Audit log</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">What</th>
                <th scope="col">By</th>
                <th scope="col">Member</th>
                <th scope="col">Detail</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => (
                <tr key={event.id}>
                  <td>
                    <time dateTime={event.at}>{new Date(event.at).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" })}</time>
                  </td>
                  <td>{actionText(event.action)}</td>
                  <td>{event.actor?.email ?? "—"}</td>
                  <td>{event.subject?.email ?? "—"}</td>
                  <td>{event.detail ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
