/** @type {import("next").NextConfig} */
const nextConfig = {
  // libsql ships native bindings and non-JS files; bundling it breaks the build.
  serverExternalPackages: ["@libsql/client", "libsql", "@prisma/adapter-libsql", "@node-rs/argon2"],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
