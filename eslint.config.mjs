import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";

// lib/core is the headless backup core: it must stay runnable without the portal or the database.
const coreBoundary = {
  files: ["lib/core/**/*.{ts,tsx}"],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          { group: ["next", "next/*", "react", "react/*", "react-dom", "react-dom/*"], message: "lib/core may not depend on Next.js or React." },
          { group: ["@/app/*", "@/components/*", "@/db", "@/db/*", "@/lib/dal", "@/lib/dal/*", "@/lib/auth", "@/lib/auth/*", "@/lib/server/*", "@/lib/client/*"], message: "lib/core depends on no other folder of ours." },
          { group: ["**/app/*", "**/components/*", "**/db/*", "**/dal/*"], message: "lib/core depends on no other folder of ours." },
        ],
      },
    ],
  },
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    plugins: { drizzle },
    rules: {
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  coreBoundary,
  globalIgnores([".next/**", "node_modules/**", ".data/**", "next-env.d.ts", "db/migrations/**", "test-results/**", "playwright-report/**"]),
]);
