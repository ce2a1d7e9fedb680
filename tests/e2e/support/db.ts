import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaClient } from "@prisma/client";
import { E2E_DATABASE_FILE } from "../env";

/** The e2e app's database, for asserting what a flow left behind. */
export const db = new PrismaClient({ adapter: new PrismaLibSQL({ url: `file:./${E2E_DATABASE_FILE}` }) });
