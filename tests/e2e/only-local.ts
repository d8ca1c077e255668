/**
 * What keeps a browser we start to 127.0.0.1, shared by the tests, the demo and the bench
 * (this module imports nothing, so scripts can use it without the test runner).
 */

/** Chromium's flag that leaves 127.0.0.1 the one address a page can reach. */
export const ONLY_LOCAL_HOSTS = '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1';
