// A real Better Auth (1.7.24) server for betterauth4j's Java interop tests.
// Memory adapter (state lives only as long as the process), email+password,
// jwt() + bearer() plugins, one extra user field `role`. Configured from env;
// see README.md. Prints exactly one stdout line "READY <port>" once serving.
import http from "node:http";
import { betterAuth } from "better-auth";
import { memoryAdapter } from "better-auth/adapters/memory";
import { jwt, bearer } from "better-auth/plugins";
import { toNodeHandler } from "better-auth/node";

const env = process.env;
const fail = (msg) => {
  console.error(`better-auth-server: ${msg}`);
  process.exit(2);
};

// ---- configuration from the environment -----------------------------------
if (env.PORT === undefined || env.PORT === "") fail("env PORT is required (0 = pick a free port)");
const port = Number(env.PORT);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`invalid PORT: ${env.PORT}`);

// Fixed test secret; deliberately NOT Better Auth's dev default
// ("better-auth-secret-12345678901234567890").
const secret = env.BA_SECRET || "betterauth4j-interop-test-secret-0123456789-abcdefXYZ";
if (env.BETTER_AUTH_SECRETS) {
  console.error("better-auth-server: note: BETTER_AUTH_SECRETS is set and takes precedence over BA_SECRET");
}

// keyPairConfig per JWS alg. ES384/RS384/RS512/PS384/PS512 are outside Better
// Auth's TS types but accepted at runtime (passed straight to jose).
const KEY_PAIR_CONFIGS = {
  EdDSA: { alg: "EdDSA", crv: "Ed25519" },
  ES256: { alg: "ES256", crv: "P-256" },
  ES384: { alg: "ES384", crv: "P-384" },
  ES512: { alg: "ES512", crv: "P-521" },
  RS256: { alg: "RS256" }, RS384: { alg: "RS384" }, RS512: { alg: "RS512" },
  PS256: { alg: "PS256" }, PS384: { alg: "PS384" }, PS512: { alg: "PS512" },
};
const alg = env.BA_ALG || "EdDSA";
const keyPairConfig = KEY_PAIR_CONFIGS[alg];
if (!keyPairConfig) fail(`unsupported BA_ALG ${alg}; one of ${Object.keys(KEY_PAIR_CONFIGS).join(", ")}`);

const seconds = (name) => {
  if (!env[name]) return undefined;
  const n = Number(env[name]);
  if (!Number.isFinite(n) || n <= 0) fail(`${name} must be a positive number of seconds`);
  return n;
};
const rotationInterval = seconds("BA_ROTATION_INTERVAL");
const gracePeriod = seconds("BA_GRACE_PERIOD");

// Comma-separated audience: one value -> string, several -> array.
let audience;
if (env.BA_AUDIENCE) {
  const parts = env.BA_AUDIENCE.split(",").map((s) => s.trim()).filter(Boolean);
  audience = parts.length === 1 ? parts[0] : parts;
}

const strategy = env.BA_COOKIE_CACHE_STRATEGY || undefined;
if (strategy && !["compact", "jwt", "jwe"].includes(strategy)) {
  fail(`BA_COOKIE_CACHE_STRATEGY must be compact, jwt or jwe (got ${strategy})`);
}
const sessionCookieCache = env.BA_SESSION_COOKIE_CACHE === "true";
if (sessionCookieCache && strategy !== "jwt") fail("BA_SESSION_COOKIE_CACHE=true requires BA_COOKIE_CACHE_STRATEGY=jwt");

// ---- Better Auth instance --------------------------------------------------
// Created only AFTER the socket is listening, because with PORT=0 the real
// port (and so the default baseURL, which is also the default iss/aud) is
// only known then.
function createAuth(actualPort) {
  const jwks = { keyPairConfig };
  if (env.BA_JWKS_PATH) jwks.jwksPath = env.BA_JWKS_PATH;
  if (rotationInterval !== undefined) jwks.rotationInterval = rotationInterval;
  if (gracePeriod !== undefined) jwks.gracePeriod = gracePeriod;

  const jwtOpts = {};
  if (env.BA_ISSUER) jwtOpts.issuer = env.BA_ISSUER;
  if (audience !== undefined) jwtOpts.audience = audience;
  if (env.BA_EXPIRATION) jwtOpts.expirationTime = env.BA_EXPIRATION;

  return betterAuth({
    baseURL: env.BA_BASE_URL || `http://127.0.0.1:${actualPort}`,
    secret,
    // One array per model; the memory adapter does not create tables itself.
    database: memoryAdapter({ user: [], session: [], account: [], verification: [], jwks: [] }),
    emailAndPassword: { enabled: true },
    user: { additionalFields: { role: { type: "string", required: false, input: true } } },
    session: strategy ? { cookieCache: { enabled: true, strategy } } : undefined,
    // Tests sign in many times in a row; Better Auth enables rate limiting
    // when NODE_ENV=production, so switch it off explicitly.
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    // All Better Auth logging goes to stderr, so stdout carries only "READY <port>".
    logger: { log: (level, message, ...args) => console.error(`[better-auth ${level}] ${message}`, ...args) },
    plugins: [jwt({ jwks, jwt: jwtOpts, ...(sessionCookieCache ? { sessionCookieCache: true } : {}) }), bearer()],
  });
}

// ---- HTTP server -------------------------------------------------------------
let handler = null; // set once the auth instance exists
const server = http.createServer((req, res) => {
  if (!handler) {
    res.writeHead(503, { "content-type": "text/plain" }).end("starting\n");
    return;
  }
  handler(req, res);
});
server.on("error", (err) => fail(`listen failed: ${err.message}`));

server.listen(port, "127.0.0.1", async () => {
  const actualPort = server.address().port;
  try {
    const auth = createAuth(actualPort);
    await auth.$context; // finish async init (options validation, plugin init) before READY
    handler = toNodeHandler(auth);
  } catch (err) {
    console.error(err);
    fail("could not initialise Better Auth");
  }
  process.stdout.write(`READY ${actualPort}\n`);
});

// ---- shutdown ----------------------------------------------------------------
let stopping = false;
function shutdown() {
  if (stopping) return;
  stopping = true;
  server.close(() => process.exit(0));
  server.closeAllConnections(); // drop keep-alive sockets so close() completes
  setTimeout(() => process.exit(0), 2000).unref();
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
