// ESLint for the whole monorepo: typescript-eslint's recommended rules plus
// Medusa's own rules (@medusajs/eslint-plugin, the ones `medusa lint` runs)
// for the backend and plugins. Warnings fail the build (--max-warnings=0).
import js from "@eslint/js"
import tseslint from "typescript-eslint"
import medusa from "@medusajs/eslint-plugin"
import { dirname } from "node:path"
import { fileURLToPath } from "node:url"
import { layeringBlocks } from "./scripts/lint/layers.mjs"

const medusaRoots = ["backend", "plugins/*"]
const medusaFiles = medusaRoots.map((r) => `${r}/**/*.{ts,tsx}`)

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/.medusa/**",
      "**/.next/**",
      "**/.data/**",
      "**/.cache/**",
      "**/dist/**",
      "storefront/next-env.d.ts",
      "**/*.generated.ts",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: "readonly",
        console: "readonly",
        __dirname: "readonly",
        module: "writable",
        require: "readonly",
        fetch: "readonly",
        URL: "readonly",
        AbortSignal: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        setInterval: "readonly",
        Buffer: "readonly",
        globalThis: "readonly",
      },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-require-imports": "off",
      curly: ["error", "all"],
    },
  },
  ...medusa.configs.recommended.map((block) => ({
    ...block,
    files: block.files ? block.files.flatMap((pattern) => medusaRoots.map((root) => `${root}/${pattern}`)) : medusaFiles,
    ignores: [...(block.ignores ?? []), "**/__tests__/**", "**/*.spec.ts"],
  })),
  {
    files: ["**/*.spec.ts", "integration-tests/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  // Plugin layering (docs/adr/0009-plugin-layering.md)
  ...layeringBlocks(dirname(fileURLToPath(import.meta.url))),
)
