// Starts `npm run dev` for the zero-configuration spec, on a fresh database and outbox.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { emptyDatabase } from "../../scripts/database.mjs";

await emptyDatabase(process.env.DATABASE_URL);
rmSync(process.env.OUTBOX_DIR, { recursive: true, force: true });

const dev = spawn("node", ["scripts/dev.mjs", "-p", process.env.PORT], { stdio: "inherit", env: process.env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => dev.kill(signal));
dev.on("exit", (code) => process.exit(code ?? 0));
