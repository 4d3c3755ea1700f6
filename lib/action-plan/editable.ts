// What the action editor edits, as the browser receives it (dates as strings). The page gives it
// the stored action, the autosave action answers with the saved one: one conversion for both.
import type { ActionStatus, Priority } from "@/lib/db/generated/enums";

export type EditableAction = {
  id: string;
  title: string;
  description: string;
  criteria: string[];
  ownerUserId: string | null;
  ownerName: string | null;
  /** "YYYY-MM-DD" or null. */
  dueOn: string | null;
  priority: Priority;
  status: ActionStatus;
  abandonReason: string | null;
  progress: number;
  updatedAt: string;
};

type StoredAction = Omit<EditableAction, "dueOn" | "updatedAt"> & { dueOn: Date | null; updatedAt: Date };

export function toEditableAction(action: StoredAction): EditableAction {
  return {
    id: action.id,
    title: action.title,
    description: action.description,
    criteria: action.criteria,
    ownerUserId: action.ownerUserId,
    ownerName: action.ownerName,
    dueOn: action.dueOn ? action.dueOn.toISOString().slice(0, 10) : null,
    priority: action.priority,
    status: action.status,
    abandonReason: action.abandonReason,
    progress: action.progress,
    updatedAt: action.updatedAt.toISOString(),
  };
}
