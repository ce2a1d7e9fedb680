/** A local fake (tests/fakes/<name>.ts) as one of a Playwright config's web servers, on 127.0.0.1:`port`. */
export function fakeWebServer(
  name: "resend" | "github" | "proxy" | "cross-site",
  port: number,
  { health = "/health", env = {} }: { health?: string; env?: Record<string, string> } = {},
) {
  return {
    // tsx as a loader: half a second sooner than through npx, for each fake.
    command: `node --import tsx tests/fakes/${name}.ts`,
    url: `http://127.0.0.1:${port}${health}`,
    env: { PORT: String(port), ...env },
    reuseExistingServer: false,
  };
}
