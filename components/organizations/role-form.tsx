"use client";

import { useState } from "react";
import { ActionMessage } from "@/components/forms/action-message";
import { useAction, type ClientActionResult } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { roleLabel } from "./role-labels";

export function RoleForm({
  membershipId,
  current,
  roles,
  memberName,
  action,
}: {
  membershipId: string;
  current: string;
  roles: string[];
  memberName: string;
  action: (input: { membershipId: string; role: string }) => Promise<ClientActionResult>;
}) {
  const [role, setRole] = useState(current);
  const { run, pending, result } = useAction(action);
  const id = `role-${membershipId}`;
  return (
    <form
      className="space-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        run({ membershipId, role });
      }}
    >
      <div className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor={id} className="block text-sm font-semibold">
            Rôle de {memberName}
          </label>
          <select id={id} value={role} onChange={(event) => setRole(event.target.value)} className="rounded-md border-2 border-ink-muted px-2 py-1.5">
            {roles.map((option) => (
              <option key={option} value={option}>
                {roleLabel(option)}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" variant="secondary" disabled={pending || role === current}>
          Modifier
        </Button>
      </div>
      <ActionMessage result={result} />
    </form>
  );
}
