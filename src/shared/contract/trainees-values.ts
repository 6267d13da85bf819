/** The trainee contract's constants the screens need as values; no zod here, so the renderer can import them. */

export const TRAINEE_STATUSES = ['active', 'suspended', 'extended', 'withdrawn', 'completed'] as const;
export type TraineeStatus = (typeof TRAINEE_STATUSES)[number];
