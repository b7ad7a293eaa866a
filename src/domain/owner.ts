/**
 * 本机: the owner of local data made while nobody is signed in; never an account name (the server refuses it).
 * Kept apart from the zod schemas so 首页's first load, which reads owners, does not carry zod.
 */
export const LOCAL_OWNER = '本机'
