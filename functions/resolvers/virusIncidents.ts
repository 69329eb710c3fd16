/** コンピュータウィルス対策 (第26条): incidents and the duty that follows them, step by step. */
export const virusIncidentResolvers: Function[] = [];
