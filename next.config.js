/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite finds its WebAssembly files relative to its own package, and the FSRS optimiser and
  // argon2 are native: load them from node_modules rather than bundling them.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@node-rs/argon2"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
