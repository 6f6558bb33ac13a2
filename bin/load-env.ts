// Imported first by every bin script: lib/env parses process.env at import time, so .env.local
// must be loaded before anything imports it.
import * as nextEnvModule from "@next/env";

// @next/env is a bundle flagged __esModule without a default export: under tsx's CommonJS output a
// default import is undefined, while under ESM the whole module arrives as `default`. Accept both.
const nextEnv = (nextEnvModule as { default?: typeof nextEnvModule }).default ?? nextEnvModule;
nextEnv.loadEnvConfig(process.cwd());
