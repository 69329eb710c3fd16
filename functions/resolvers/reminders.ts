/** 通知: the notices the reminders job records for the people who must act. */
export const reminderResolvers: Function[] = [];
