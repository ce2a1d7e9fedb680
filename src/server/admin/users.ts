import "server-only";
import type { Prisma } from "@prisma/client";
import { db } from "../db";
import { listSessions } from "../sessions/store";
import { isBanActive } from "./bans";

export const ADMIN_PAGE_SIZE = 50;

/** How a user can sign in, as the console lists it. */
export type SignInMethodLabel = "password" | "email link" | "github" | "passkey";

const listSelect = {
  id: true,
  name: true,
  email: true,
  role: true,
  createdAt: true,
  passwordHash: true,
  bannedAt: true,
  banExpires: true,
  accounts: { select: { provider: true } },
  twoFactor: { select: { enabledAt: true } },
  _count: { select: { sessions: true, passkeys: true } },
  sessions: { select: { lastSeenAt: true }, orderBy: { lastSeenAt: { sort: "desc", nulls: "last" } }, take: 1 },
} satisfies Prisma.UserSelect;

type ListedRow = Prisma.UserGetPayload<{ select: typeof listSelect }>;

function describe(row: ListedRow, now: Date) {
  const methods: SignInMethodLabel[] = ["email link"];
  if (row.passwordHash) methods.push("password");
  if (row.accounts.some((a) => a.provider === "github")) methods.push("github");
  if (row._count.passkeys > 0) methods.push("passkey");
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    createdAt: row.createdAt,
    lastSeenAt: row.sessions[0]?.lastSeenAt ?? null,
    methods,
    twoFactor: Boolean(row.twoFactor?.enabledAt),
    sessions: row._count.sessions,
    banned: isBanActive(row, now),
  };
}

export type ListedUser = ReturnType<typeof describe>;

/**
 * The console's list: newest first, 50 a page, optionally only those whose address or name starts
 * with `query` (both indexed: User.email is unique, User.name has an index). The password hash is
 * read only to say "password", and never leaves this function.
 */
export async function listUsers(query: string, page: number): Promise<{ users: ListedUser[]; hasMore: boolean }> {
  const where: Prisma.UserWhereInput = query
    ? { OR: [{ email: { startsWith: query } }, { name: { startsWith: query } }] }
    : {};
  const rows = await db.user.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * ADMIN_PAGE_SIZE,
    take: ADMIN_PAGE_SIZE + 1,
    select: listSelect,
  });
  const now = new Date();
  return {
    users: rows.slice(0, ADMIN_PAGE_SIZE).map((row) => describe(row, now)),
    hasMore: rows.length > ADMIN_PAGE_SIZE,
  };
}

/** One user for /admin/users/[id]: the list's facts, the ban, organizations and roles, sessions. */
export async function userDetails(userId: string) {
  const row = await db.user.findUnique({
    where: { id: userId },
    select: {
      ...listSelect,
      emailVerified: true,
      banReason: true,
      memberships: {
        select: { role: true, organization: { select: { name: true, slug: true } } },
        orderBy: { createdAt: "asc" },
      },
    },
  });
  if (!row) return null;
  const sessions = await listSessions(userId);
  return {
    ...describe(row, new Date()),
    emailVerified: row.emailVerified,
    ban: row.bannedAt ? { at: row.bannedAt, reason: row.banReason, expires: row.banExpires } : null,
    memberships: row.memberships,
    sessionList: sessions,
  };
}

export type UserDetails = NonNullable<Awaited<ReturnType<typeof userDetails>>>;
