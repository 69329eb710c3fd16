/** 禁止行為 (第25条): the exceptions the system administrator allows, and findings of devices connected. */
export const prohibitedActResolvers: Function[] = [];
