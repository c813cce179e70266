// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["**/dist/**", "**/node_modules/**", "coverage/**", "**/.adminjs/**", "core/bin/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/switch-exhaustiveness-check": ["error", { considerDefaultExhaustiveForUnions: true }],
      "@typescript-eslint/no-floating-promises": "error",
      eqeqeq: ["error", "always"],
      "no-restricted-syntax": [
        "error",
        { selector: "Literal[raw=/^\\d+\\.\\d+$/][parent.type='BinaryExpression'][parent.operator='*']", message: "Money and rates are exact decimals: use the decimal helpers, never float arithmetic." },
      ],
    },
  },
  {
    // Core and the support domain are pure: time and randomness are inputs, never read from the environment.
    files: ["core/src/**/*.ts", "support/src/**/*.ts"],
    ignores: ["**/*.test.ts", "**/test-support/**", "support/src/adapters/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: "The domain is pure: take the instant from the command's Contexte." },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "The domain is pure: take the instant from the command's Contexte." },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: "The domain is pure: take identifiers and randomness from the command's Contexte." },
        { selector: "CallExpression[callee.name='parseFloat']", message: "Money and rates are exact decimals: never parse them as floats." },
      ],
    },
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ["**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: { module: "writable", require: "readonly" } },
  },
);
