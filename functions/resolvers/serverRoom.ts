/** サーバ室 (第16条): who may enter, and the entries recorded. */
export const serverRoomResolvers: Function[] = [];
