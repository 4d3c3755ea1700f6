"use client";

// One action, saved as you go, like the questionnaire: a choice (criteria, owner, priority,
// status, progress) is saved at once, a text after a short pause or when leaving the field, the
// due date when leaving the field. Each group of fields is saved on its own, so a refused value
// (a date that is not one) never holds back the others. A refused value stays in its field with
// the French message; a save that cannot reach the server is kept in the browser and sent again
// when the connection returns, every few seconds, and on the next visit.
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import type { ClientActionResult } from "@/components/forms/use-action";
import { ACTION_STATUS_LABELS, PRIORITY_LABELS } from "@/lib/action-plan/rules";
import type { EditableAction } from "@/lib/action-plan/editable";
import { DESCRIPTION_MAX_LENGTH, TITLE_MAX_LENGTH, type UpdateActionInput } from "@/lib/action-plan/schemas";
import { CriteriaPicker, type CriterionChoice } from "./criteria-picker";
import { inputClasses } from "@/components/forms/form-field";

export type { EditableAction };

type Status = EditableAction["status"];
type Priority = EditableAction["priority"];

export type SavedAction = Omit<EditableAction, "id">;

export type UpdateResult = { changed: boolean; conflict: { by: string; at: string } | null; action: SavedAction };

type Group = "title" | "description" | "criteria" | "owner" | "dueOn" | "priority" | "status";
type Patch = Omit<UpdateActionInput, "actionId" | "baseUpdatedAt">;
type Pending = { patch: Patch; seq: number; refused?: string };

type Values = {
  title: string;
  description: string;
  criteria: string[];
  ownerMode: "none" | "member" | "other";
  ownerUserId: string;
  ownerName: string;
  dueOnText: string;
  priority: Priority;
  status: Status;
  abandonReason: string;
  progress: number;
};

const GROUPS: Group[] = ["title", "description", "criteria", "owner", "dueOn", "priority", "status"];
const RETRY_MS = 4000;
const TEXT_PAUSE_MS = 1200;
const OTHER = "__autre";
const timeFormat = new Intl.DateTimeFormat("fr-FR", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Paris" });

/** "YYYY-MM-DD" → "DD/MM/YYYY" for the field. */
function isoToFrench(iso: string | null | undefined): string {
  const match = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  return match ? `${match[3]}/${match[2]}/${match[1]}` : (iso ?? "");
}

/**
 * What the person typed → what the server reads: "31/03/2026" (or 31-3-2026, 31.03.2026) becomes
 * "2026-03-31"; anything else is sent as typed, and the server answers in French what is wrong.
 */
export function frenchToIso(text: string): string {
  const value = text.trim();
  const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  return match ? `${match[3]}-${match[2]!.padStart(2, "0")}-${match[1]!.padStart(2, "0")}` : value;
}

function valuesOf(action: EditableAction | SavedAction): Values {
  return {
    title: action.title,
    description: action.description,
    criteria: action.criteria,
    ownerMode: action.ownerUserId ? "member" : action.ownerName ? "other" : "none",
    ownerUserId: action.ownerUserId ?? "",
    ownerName: action.ownerName ?? "",
    dueOnText: isoToFrench(action.dueOn),
    priority: action.priority,
    status: action.status,
    abandonReason: action.abandonReason ?? "",
    progress: action.progress,
  };
}

/** The fields of `values` one group saves. */
function patchOf(group: Group, values: Values): Patch {
  switch (group) {
    case "title":
      return { title: values.title };
    case "description":
      return { description: values.description };
    case "criteria":
      return { criteria: values.criteria };
    case "owner":
      if (values.ownerMode === "member") return { ownerUserId: values.ownerUserId || null, ownerName: null };
      if (values.ownerMode === "other") return { ownerUserId: null, ownerName: values.ownerName };
      return { ownerUserId: null, ownerName: null };
    case "dueOn":
      return { dueOn: frenchToIso(values.dueOnText) };
    case "priority":
      return { priority: values.priority };
    case "status":
      return { status: values.status, progress: values.progress, abandonReason: values.status === "ABANDONED" ? values.abandonReason : null };
  }
}

/** A patch kept in the browser, back into the fields. */
function applyPatch(values: Values, patch: Patch): Values {
  const next = { ...values };
  if (typeof patch.title === "string") next.title = patch.title;
  if (typeof patch.description === "string") next.description = patch.description;
  if (Array.isArray(patch.criteria)) next.criteria = patch.criteria;
  if ("ownerUserId" in patch || "ownerName" in patch) {
    next.ownerUserId = patch.ownerUserId ?? "";
    next.ownerName = patch.ownerName ?? "";
    next.ownerMode = patch.ownerUserId ? "member" : "ownerName" in patch && patch.ownerName !== null ? "other" : "none";
  }
  if (typeof patch.dueOn === "string") next.dueOnText = isoToFrench(patch.dueOn);
  if (typeof patch.priority === "string") next.priority = patch.priority;
  if (typeof patch.status === "string") next.status = patch.status;
  if (typeof patch.progress === "number") next.progress = patch.progress;
  if (typeof patch.abandonReason === "string") next.abandonReason = patch.abandonReason;
  return next;
}

/** The server's values for one group, once saved (DONE sets the progress to 100, …). */
function fromServer(group: Group, values: Values, saved: Values): Values {
  switch (group) {
    case "title":
      return { ...values, title: saved.title };
    case "description":
      return { ...values, description: saved.description };
    case "criteria":
      return { ...values, criteria: saved.criteria };
    case "owner":
      // The person may be choosing "someone else" and not have typed the name yet.
      return values.ownerMode === "other" && !saved.ownerName ? values : { ...values, ownerMode: saved.ownerMode, ownerUserId: saved.ownerUserId, ownerName: saved.ownerName };
    case "dueOn":
      return { ...values, dueOnText: saved.dueOnText };
    case "priority":
      return { ...values, priority: saved.priority };
    case "status":
      return { ...values, status: saved.status, progress: saved.progress, abandonReason: saved.abandonReason || values.abandonReason };
  }
}

function storageKey(actionId: string, group: Group) {
  return `ccd-plan-action:${actionId}:${group}`;
}

function store(actionId: string, group: Group, patch: Patch | null) {
  try {
    if (patch) localStorage.setItem(storageKey(actionId, group), JSON.stringify(patch));
    else localStorage.removeItem(storageKey(actionId, group));
  } catch {
    // Private browsing or a full storage: saving still works, without the safety net.
  }
}

function pendingLabel(count: number) {
  return count === 1 ? "1 modification en attente" : `${count} modifications en attente`;
}

export function ActionEditor({
  action,
  choices,
  members,
  saveAction,
}: {
  action: EditableAction;
  choices: readonly CriterionChoice[];
  members: readonly { id: string; name: string }[];
  saveAction: (input: UpdateActionInput) => Promise<ClientActionResult<UpdateResult>>;
}) {
  const router = useRouter();
  const [values, setValues] = useState<Values>(() => valuesOf(action));
  const valuesRef = useRef(values);
  valuesRef.current = values;
  const [pendingGroups, setPendingGroups] = useState<Group[]>([]);
  const [inFlight, setInFlight] = useState(0);
  const [offline, setOffline] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<Group, string>>>({});
  const [conflict, setConflict] = useState<string | null>(null);

  const pending = useRef(new Map<Group, Pending>());
  const sending = useRef(new Set<Group>());
  const sequence = useRef(0);
  const base = useRef(action.updatedAt);
  const timers = useRef(new Map<Group, ReturnType<typeof setTimeout>>());
  /** What the server holds for each group, to skip saves that change nothing. */
  const saved = useRef(new Map<Group, string>(GROUPS.map((group) => [group, JSON.stringify(patchOf(group, valuesOf(action)))])));

  const refreshPending = useCallback(() => setPendingGroups([...pending.current.keys()]), []);

  const send = useCallback(
    async (group: Group) => {
      const entry = pending.current.get(group);
      if (!entry || entry.refused || sending.current.has(group)) return;
      sending.current.add(group);
      setInFlight((count) => count + 1);
      let changed = false;
      try {
        const outcome = await saveAction({ actionId: action.id, ...entry.patch, baseUpdatedAt: base.current });
        setOffline(false);
        const current = pending.current.get(group);
        if (!outcome.ok) {
          // Refused (a wrong value, a lost permission): kept as typed, sent again at the next change.
          if (current) current.refused = outcome.message;
          setErrors((all) => ({ ...all, [group]: outcome.message }));
          return;
        }
        changed = outcome.data.changed;
        base.current = outcome.data.action.updatedAt;
        const server = valuesOf(outcome.data.action);
        for (const other of GROUPS) saved.current.set(other, JSON.stringify(patchOf(other, server)));
        setErrors((all) => {
          const { [group]: _removed, ...rest } = all;
          return rest;
        });
        if (outcome.data.conflict) {
          setConflict(`${outcome.data.conflict.by} a aussi modifié cette action à ${timeFormat.format(new Date(outcome.data.conflict.at))} : vérifiez que tout vous convient.`);
        }
        if (current && current.seq === entry.seq) {
          // Nothing changed while this save travelled: the fields show what the server holds.
          pending.current.delete(group);
          store(action.id, group, null);
          setValues((all) => fromServer(group, all, server));
        }
      } catch {
        setOffline(true);
      } finally {
        sending.current.delete(group);
        setInFlight((count) => count - 1);
        refreshPending();
      }
      // The plan's rule and the history are the server's: show them again after a change.
      if (changed) router.refresh();
      const after = pending.current.get(group);
      if (after && after.seq !== entry.seq && !after.refused) void send(group);
    },
    [action.id, refreshPending, router, saveAction],
  );

  /** Saves the group as the fields show it now, unless the server already holds it. */
  const save = useCallback(
    (group: Group, next: Values = valuesRef.current) => {
      clearTimeout(timers.current.get(group));
      timers.current.delete(group);
      const patch = patchOf(group, next);
      if (!pending.current.has(group) && JSON.stringify(patch) === saved.current.get(group)) return;
      pending.current.set(group, { patch, seq: ++sequence.current });
      store(action.id, group, patch);
      refreshPending();
      void send(group);
    },
    [action.id, refreshPending, send],
  );

  function change(group: Group, update: Partial<Values>, when: "now" | "pause" | "later" = "now") {
    const next = { ...valuesRef.current, ...update };
    valuesRef.current = next;
    setValues(next);
    if (when === "now") save(group, next);
    else if (when === "pause") {
      clearTimeout(timers.current.get(group));
      timers.current.set(
        group,
        setTimeout(() => save(group), TEXT_PAUSE_MS),
      );
    }
  }

  // Changes left in the browser by an earlier visit are shown and sent again.
  useEffect(() => {
    let restored = valuesRef.current;
    for (const group of GROUPS) {
      try {
        const raw = localStorage.getItem(storageKey(action.id, group));
        if (!raw) continue;
        const patch = JSON.parse(raw) as Patch;
        restored = applyPatch(restored, patch);
        pending.current.set(group, { patch, seq: ++sequence.current });
      } catch {
        store(action.id, group, null);
      }
    }
    if (pending.current.size === 0) return;
    valuesRef.current = restored;
    setValues(restored);
    refreshPending();
    for (const group of pending.current.keys()) void send(group);
    // Once, on arrival.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const retry = () => {
      for (const [group, entry] of pending.current) if (!entry.refused) void send(group);
    };
    window.addEventListener("online", retry);
    const timer = setInterval(retry, RETRY_MS);
    return () => {
      window.removeEventListener("online", retry);
      clearInterval(timer);
    };
  }, [send]);

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if ((pending.current.size > 0 || timers.current.size > 0) && !offline) event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [offline]);

  const refusedCount = Object.keys(errors).length;
  let status: string;
  if (pendingGroups.length > 0 && offline) status = `Hors ligne : ${pendingLabel(pendingGroups.length)}, envoyée${pendingGroups.length > 1 ? "s" : ""} au retour de la connexion`;
  else if (inFlight > 0) status = "Enregistrement…";
  else if (refusedCount > 0) status = `Non enregistré : ${refusedCount === 1 ? "un champ est à corriger" : `${refusedCount} champs sont à corriger`}`;
  else if (pendingGroups.length > 0) status = `Non enregistré : ${pendingLabel(pendingGroups.length)}`;
  else status = "Enregistré";

  const fieldError = (group: Group, id: string) =>
    errors[group] ? (
      <p id={id} className="mt-1 font-semibold text-danger-700">
        {errors[group]}
      </p>
    ) : null;
  const described = (group: Group, errorId: string, hintId?: string) => ({
    "aria-invalid": errors[group] ? true : undefined,
    "aria-describedby": [hintId, errors[group] ? errorId : null].filter(Boolean).join(" ") || undefined,
  });

  const progressSteps = [...new Set([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, values.progress])].sort((a, b) => a - b);

  return (
    <div className="space-y-6">
      <p
        role="status"
        data-testid="save-status"
        className={`sticky top-0 z-10 rounded-md border px-4 py-2 font-semibold ${
          refusedCount > 0 || (offline && pendingGroups.length > 0) ? "border-danger-700 bg-danger-50" : "border-line bg-white"
        }`}
      >
        {status}
      </p>
      {conflict ? (
        <p role="alert" className="rounded-md border-l-4 border-brand-700 bg-info-50 px-4 py-3">
          {conflict}
        </p>
      ) : null}

      <div>
        <label htmlFor="action-titre" className="block font-semibold">
          Titre de l’action
        </label>
        <input
          id="action-titre"
          type="text"
          maxLength={TITLE_MAX_LENGTH}
          value={values.title}
          onChange={(event) => change("title", { title: event.target.value }, "pause")}
          onBlur={() => save("title")}
          className={inputClasses}
          {...described("title", "action-titre-erreur")}
        />
        {fieldError("title", "action-titre-erreur")}
      </div>

      <div>
        <label htmlFor="action-description" className="block font-semibold">
          Description <span className="font-normal text-ink-muted">(facultatif)</span>
        </label>
        <textarea
          id="action-description"
          rows={5}
          maxLength={DESCRIPTION_MAX_LENGTH}
          value={values.description}
          onChange={(event) => change("description", { description: event.target.value }, "pause")}
          onBlur={() => save("description")}
          className={inputClasses}
          {...described("description", "action-description-erreur")}
        />
        {fieldError("description", "action-description-erreur")}
      </div>

      <CriteriaPicker
        idPrefix="action-critere"
        choices={choices}
        selected={values.criteria}
        onChange={(criteria) => change("criteria", { criteria })}
        error={errors.criteria}
      />

      <div className="grid gap-6 sm:grid-cols-2">
        <div>
          <label htmlFor="action-responsable" className="block font-semibold">
            Responsable
          </label>
          <select
            id="action-responsable"
            value={values.ownerMode === "member" ? values.ownerUserId : values.ownerMode === "other" ? OTHER : ""}
            onChange={(event) => {
              const choice = event.target.value;
              if (choice === OTHER) change("owner", { ownerMode: "other", ownerUserId: "" }, values.ownerName.trim() ? "now" : "later");
              else if (choice) change("owner", { ownerMode: "member", ownerUserId: choice });
              else change("owner", { ownerMode: "none", ownerUserId: "" });
            }}
            className={inputClasses}
            {...described("owner", "action-responsable-erreur")}
          >
            <option value="">Personne pour l’instant</option>
            {members.map((member) => (
              <option key={member.id} value={member.id}>
                {member.name}
              </option>
            ))}
            <option value={OTHER}>Une autre personne (prestataire, élu…)</option>
          </select>
          {values.ownerMode === "other" ? (
            <div className="mt-3">
              <label htmlFor="action-responsable-nom" className="block font-semibold">
                Nom de cette personne
              </label>
              <input
                id="action-responsable-nom"
                type="text"
                maxLength={120}
                value={values.ownerName}
                onChange={(event) => change("owner", { ownerName: event.target.value }, "pause")}
                onBlur={() => save("owner")}
                className={inputClasses}
              />
            </div>
          ) : null}
          {fieldError("owner", "action-responsable-erreur")}
        </div>

        <div>
          <label htmlFor="action-echeance" className="block font-semibold">
            Échéance <span className="font-normal text-ink-muted">(facultatif)</span>
          </label>
          <p id="action-echeance-aide" className="text-sm text-ink-muted">
            Au format jour/mois/année, par exemple 31/03/2026.
          </p>
          <input
            id="action-echeance"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            placeholder="jj/mm/aaaa"
            value={values.dueOnText}
            onChange={(event) => change("dueOn", { dueOnText: event.target.value }, "later")}
            onBlur={() => save("dueOn")}
            onKeyDown={(event) => {
              if (event.key === "Enter") save("dueOn");
            }}
            className={`${inputClasses} max-w-48`}
            {...described("dueOn", "action-echeance-erreur", "action-echeance-aide")}
          />
          {fieldError("dueOn", "action-echeance-erreur")}
        </div>

        <div>
          <label htmlFor="action-priorite" className="block font-semibold">
            Priorité
          </label>
          <select
            id="action-priorite"
            value={values.priority}
            onChange={(event) => change("priority", { priority: event.target.value as Priority })}
            className={inputClasses}
            {...described("priority", "action-priorite-erreur")}
          >
            {(["HIGH", "MEDIUM", "LOW"] as const).map((priority) => (
              <option key={priority} value={priority}>
                {PRIORITY_LABELS[priority]}
              </option>
            ))}
          </select>
          {fieldError("priority", "action-priorite-erreur")}
        </div>

        <div>
          <label htmlFor="action-avancement" className="block font-semibold">
            Avancement
          </label>
          <select
            id="action-avancement"
            value={values.progress}
            disabled={values.status === "DONE"}
            onChange={(event) => change("status", { progress: Number(event.target.value) })}
            className={inputClasses}
          >
            {progressSteps.map((step) => (
              <option key={step} value={step}>
                {step} %
              </option>
            ))}
          </select>
        </div>
      </div>

      <fieldset className="space-y-2" {...described("status", "action-statut-erreur")}>
        <legend className="font-semibold">Statut</legend>
        <div className="flex flex-wrap gap-2">
          {(["TODO", "IN_PROGRESS", "DONE", "ABANDONED"] as const).map((status) => (
            <label
              key={status}
              className="flex min-h-11 cursor-pointer items-center gap-2 rounded-md border border-line px-3 py-2 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50"
            >
              <input
                type="radio"
                name="action-statut"
                value={status}
                checked={values.status === status}
                // Abandoning without a reason is refused by the server, which says to give one:
                // the reason field appears below, and the abandon is saved with it.
                onChange={() => change("status", { status, progress: status === "DONE" ? 100 : values.progress })}
                className="size-5 accent-brand-700"
              />
              {ACTION_STATUS_LABELS[status]}
            </label>
          ))}
        </div>
        {values.status === "ABANDONED" ? (
          <div className="pt-2">
            <label htmlFor="action-motif" className="block font-semibold">
              Motif de l’abandon
            </label>
            <p id="action-motif-aide" className="text-sm text-ink-muted">
              Obligatoire : il sera lu lors du renouvellement du label. L’abandon est enregistré avec son motif.
            </p>
            <textarea
              id="action-motif"
              rows={2}
              maxLength={1000}
              value={values.abandonReason}
              onChange={(event) => change("status", { abandonReason: event.target.value }, "pause")}
              onBlur={() => save("status")}
              className={inputClasses}
              aria-describedby="action-motif-aide"
            />
          </div>
        ) : null}
        {fieldError("status", "action-statut-erreur")}
      </fieldset>
    </div>
  );
}
