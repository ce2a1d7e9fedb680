-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sessionToken" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "expires" DATETIME NOT NULL,
    "method" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "authenticatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "secondFactorPending" BOOLEAN NOT NULL DEFAULT false,
    "lastSeenAt" DATETIME,
    "ipAddress" TEXT,
    "userAgent" TEXT,
    "impersonatorId" TEXT,
    CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Session_impersonatorId_fkey" FOREIGN KEY ("impersonatorId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Session" ("authenticatedAt", "createdAt", "expires", "id", "ipAddress", "lastSeenAt", "method", "secondFactorPending", "sessionToken", "updatedAt", "userAgent", "userId") SELECT "authenticatedAt", "createdAt", "expires", "id", "ipAddress", "lastSeenAt", "method", "secondFactorPending", "sessionToken", "updatedAt", "userAgent", "userId" FROM "Session";
DROP TABLE "Session";
ALTER TABLE "new_Session" RENAME TO "Session";
CREATE UNIQUE INDEX "Session_sessionToken_key" ON "Session"("sessionToken");
CREATE INDEX "Session_userId_idx" ON "Session"("userId");
CREATE INDEX "Session_impersonatorId_idx" ON "Session"("impersonatorId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

