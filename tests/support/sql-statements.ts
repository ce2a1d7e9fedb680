import { db } from "@/server/db";

/** Every SQL statement the app's database client runs while `work` runs (Prisma query events). */
const statements: string[] = [];
db.$on("query", (event) => statements.push(event.query));

export async function countStatements(work: () => Promise<unknown>): Promise<string[]> {
  statements.length = 0;
  await work();
  return [...statements];
}
