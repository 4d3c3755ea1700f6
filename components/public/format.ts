// The public pages' words come from lib/public/words.ts (shared with the kit's documents).
export { countLabel, dayLabel, kindLabel } from "@/lib/public/words";
