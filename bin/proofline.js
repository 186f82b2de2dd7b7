#!/usr/bin/env node
// The installed command: the compiled CLI in dist/ (npm run build; npm ci runs it through prepare).
// After changing src/, rebuild, or run the sources with `npm run proofline -- ...` (tsx).
import "../dist/cli/main.js";
