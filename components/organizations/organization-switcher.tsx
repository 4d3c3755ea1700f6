"use client";

import { useAction, type ClientActionResult } from "@/components/forms/use-action";

/** For people who act for several organizations: which one the private area opens on. */
export function OrganizationSwitcher({
  organizations,
  activeId,
  action,
}: {
  organizations: { id: string; name: string }[];
  activeId: string | null;
  action: (input: { organizationId: string }) => Promise<ClientActionResult>;
}) {
  const { run, pending } = useAction(action);
  return (
    <div className="flex items-center gap-2">
      <label htmlFor="organisation-active" className="text-sm font-semibold">
        Vous agissez pour
      </label>
      <select
        id="organisation-active"
        value={activeId ?? ""}
        disabled={pending}
        onChange={(event) => run({ organizationId: event.target.value })}
        className="rounded-md border-2 border-ink-muted px-2 py-1 text-base"
      >
        {organizations.map((organization) => (
          <option key={organization.id} value={organization.id}>
            {organization.name}
          </option>
        ))}
      </select>
    </div>
  );
}
