/** 管理運営委員会 (第30条–第34条): meetings, attendance, motions, minutes and working groups. */
export const committeeResolvers: Function[] = [];
