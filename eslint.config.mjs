import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import jsxA11y from "eslint-plugin-jsx-a11y";

// jsx-a11y's recommended rules as errors (eslint-config-next registers the plugin, with a few as warnings).
const a11yErrors = Object.fromEntries(
  Object.entries(jsxA11y.flatConfigs.recommended.rules).map(([rule, setting]) => [
    rule,
    Array.isArray(setting) ? ["error", ...setting.slice(1)] : "error",
  ]),
);

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: [".next/**", "lib/generated/**", ".data/**", "node_modules/**", "next-env.d.ts"] },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["**/*.tsx"],
    rules: {
      ...a11yErrors,
      // Deprecated upstream in favour of label-has-associated-control (kept as an error above), and it
      // wrongly demands that a label both nest and name its input.
      "jsx-a11y/label-has-for": "off",
      // A scroll box that only scrolls sideways is a focusable region, so the keyboard can scroll it (axe).
      // A component's own autoFocus prop is checked where it reaches the DOM element.
      "jsx-a11y/no-autofocus": ["error", { ignoreNonDOM: true }],
      "jsx-a11y/no-noninteractive-tabindex": ["error", { roles: ["tabpanel", "region"] }],
    },
  },
];

export default config;
