/** 調査・指導・研修 (第19条–第21条): investigations, guidance and training. */
export const oversightResolvers: Function[] = [];
