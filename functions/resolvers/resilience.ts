/** 保守対策・障害対策 (第17条, 第18条): protective measures and recovery procedures of each system. */
export const resilienceResolvers: Function[] = [];
