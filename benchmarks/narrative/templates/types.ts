/** Narrative genres; every language writes some of each. */
export const GENRES = ['story', 'letter', 'form', 'hr', 'medical', 'legal', 'education', 'finance', 'travel', 'message', 'bio'] as const;
export type Genre = (typeof GENRES)[number];

/** Templates of one language, by genre (slot syntax: see ../slots.ts). */
export type Templates = Record<Genre, string[]>;
