import type { Config } from "tailwindcss";

// Tailwind 4 reads this through `@config` in src/app/globals.css. The colours are CSS variables
// there (shadcn/ui's theme tokens), and so is the `dark` variant: a class or the server's
// `data-theme`, not the media query alone, so a visitor can choose.
const config: Config = {
  content: ["./src/**/*.{ts,tsx}"],
};

export default config;
