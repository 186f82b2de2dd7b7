// A fixed history key for tests (the real one is random, in $PROOFLINE_HOME/history.key).
export const TEST_HISTORY_KEY = Buffer.alloc(32, 7);
