/** 電子メール (第28条, 様式第11号): the register of mail addresses and the applications that change it. */
export const emailResolvers: Function[] = [];
