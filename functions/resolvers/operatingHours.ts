/** 操作時間 (第11条): the working calendar, maintenance stops and failures, and whether a system is in service. */
export const operatingHoursResolvers: Function[] = [];
