import { authGet, authPost } from "@/server/auth/route-guard";

/** Auth.js's endpoints, behind the checks in src/server/auth/route-guard.ts. */
export const GET = authGet;
export const POST = authPost;
