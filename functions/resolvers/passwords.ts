/** パスワードの管理 (第24条): when each person last changed the password of each system. */
export const passwordResolvers: Function[] = [];
