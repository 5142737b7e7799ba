/**
 * The largest server-action body Next.js reads (next.config.js `experimental.serverActions.bodySizeLimit`,
 * which cannot import this file; a unit test keeps the two equal). proxy.ts refuses larger ones first.
 */
export const SERVER_ACTION_BODY_LIMIT_BYTES = 4 * 1024 * 1024;
