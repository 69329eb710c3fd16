/** 操作職員等 (第12条, 様式第5号): who may operate a system. */
export const operatorResolvers: Function[] = [];
