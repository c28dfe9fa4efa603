// A real Better Auth (1.7.25) server, optionally with @better-auth/oauth-provider (1.7.5), for
// betterauth4j's Java interop tests. Memory adapter (state lives only as long as the process),
// email+password, jwt() + bearer() plugins, one extra user field `role`. Configured from env;
// see README.md. Prints exactly one stdout line "READY <port>" once serving.
import http from "node:http";
import { randomBytes } from "node:crypto";
import { betterAuth } from "better-auth";
import { memoryAdapter } from "better-auth/adapters/memory";
import { jwt, bearer } from "better-auth/plugins";
import { toNodeHandler } from "better-auth/node";

const env = process.env;
const fail = (msg) => {
  console.error(`better-auth-server: ${msg}`);
  process.exit(2);
};
const note = (msg) => console.error(`better-auth-server: ${msg}`);

// ---- configuration from the environment -----------------------------------
if (env.PORT === undefined || env.PORT === "") fail("env PORT is required (0 = pick a free port)");
const port = Number(env.PORT);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`invalid PORT: ${env.PORT}`);

// Fixed test secret; deliberately NOT Better Auth's dev default
// ("better-auth-secret-12345678901234567890").
const secret = env.BA_SECRET || "betterauth4j-interop-test-secret-0123456789-abcdefXYZ";
if (env.BETTER_AUTH_SECRETS) {
  // Better Auth reads BETTER_AUTH_SECRETS itself ("<version>:<secret>,..."; first = current).
  // `secret` (BA_SECRET) is then only the "legacy" secret that decryption still tries.
  note("BETTER_AUTH_SECRETS is set: its first entry is the current secret; BA_SECRET is only tried as a legacy decryption key");
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

const seconds = (name, { allowZero = false } = {}) => {
  if (env[name] === undefined || env[name] === "") return undefined;
  const n = Number(env[name]);
  if (!Number.isFinite(n) || n < 0 || (!allowZero && n === 0)) {
    fail(`${name} must be a ${allowZero ? "non-negative" : "positive"} number of seconds`);
  }
  return n;
};
const integerSeconds = (name, opts) => {
  const n = seconds(name, opts);
  if (n !== undefined && !Number.isInteger(n)) fail(`${name} must be a whole number of seconds`);
  return n;
};
const flag = (name) => {
  const v = env[name];
  if (v === undefined || v === "" || v === "false") return false;
  if (v === "true") return true;
  fail(`${name} must be true or false (got ${v})`);
};
const list = (value) => value.split(",").map((s) => s.trim()).filter(Boolean);

const rotationInterval = seconds("BA_ROTATION_INTERVAL");
const gracePeriod = seconds("BA_GRACE_PERIOD");

// Comma-separated audience: one value -> string, several -> array.
let audience;
if (env.BA_AUDIENCE) {
  const parts = list(env.BA_AUDIENCE);
  audience = parts.length === 1 ? parts[0] : parts;
}

const strategy = env.BA_COOKIE_CACHE_STRATEGY || undefined;
if (strategy && !["compact", "jwt", "jwe"].includes(strategy)) {
  fail(`BA_COOKIE_CACHE_STRATEGY must be compact, jwt or jwe (got ${strategy})`);
}
const sessionCookieCache = flag("BA_SESSION_COOKIE_CACHE");
if (sessionCookieCache && strategy !== "jwt") fail("BA_SESSION_COOKIE_CACHE=true requires BA_COOKIE_CACHE_STRATEGY=jwt");
const cookieCacheMaxAge = integerSeconds("BA_COOKIE_CACHE_MAX_AGE");
const cookieCacheVersion = env.BA_COOKIE_CACHE_VERSION || undefined;
if ((cookieCacheMaxAge !== undefined || cookieCacheVersion !== undefined) && !strategy) {
  fail("BA_COOKIE_CACHE_MAX_AGE / BA_COOKIE_CACHE_VERSION need BA_COOKIE_CACHE_STRATEGY");
}

// ---- session credential options (issue 15) ----------------------------------
const cookiePrefix = env.BA_COOKIE_PREFIX || undefined;
if (cookiePrefix !== undefined && !/^[A-Za-z0-9_-]+$/.test(cookiePrefix)) fail("BA_COOKIE_PREFIX must match [A-Za-z0-9_-]+");
const secureCookies = flag("BA_SECURE_COOKIES");
// Under NODE_ENV=test Better Auth skips its origin/CSRF check by default; this turns it back on.
const originCheck = flag("BA_ORIGIN_CHECK");
const requireSignature = flag("BA_REQUIRE_SIGNATURE");
const sessionExpiresIn = integerSeconds("BA_SESSION_EXPIRES_IN");
const sessionUpdateAge = integerSeconds("BA_SESSION_UPDATE_AGE", { allowZero: true });
const rateLimitOn = flag("BA_RATE_LIMIT");
const rateLimitWindow = integerSeconds("BA_RATE_LIMIT_WINDOW") ?? 60;
const rateLimitMax = integerSeconds("BA_RATE_LIMIT_MAX") ?? 5;

// ---- OAuth provider options (issue 17) ----------------------------------------
const oauthOn = flag("BA_OAUTH_PROVIDER");
const oauthDisableJwt = flag("BA_OAUTH_DISABLE_JWT");
const oauthBackchannel = flag("BA_OAUTH_BACKCHANNEL_LOGOUT");
if ((oauthDisableJwt || oauthBackchannel) && !oauthOn) fail("BA_OAUTH_DISABLE_JWT / BA_OAUTH_BACKCHANNEL_LOGOUT need BA_OAUTH_PROVIDER=true");
if (oauthDisableJwt && oauthBackchannel) fail("back-channel logout tokens need the jwt plugin: BA_OAUTH_BACKCHANNEL_LOGOUT cannot be combined with BA_OAUTH_DISABLE_JWT");
const oauth = {
  clientId: env.BA_OAUTH_CLIENT_ID || "interop-client",
  clientSecret: env.BA_OAUTH_CLIENT_SECRET || "interop-client-secret-0123456789abcdef",
  redirectUri: env.BA_OAUTH_REDIRECT_URI || "https://client.interop.example/callback",
  introspectClientId: env.BA_OAUTH_INTROSPECT_CLIENT_ID || "interop-resource-server",
  introspectClientSecret: env.BA_OAUTH_INTROSPECT_CLIENT_SECRET || "interop-resource-server-secret-0123456789",
  clientAuthMethod: env.BA_OAUTH_CLIENT_AUTH_METHOD || "client_secret_basic",
  introspectAuthMethod: env.BA_OAUTH_INTROSPECT_AUTH_METHOD || "client_secret_post",
  resources: list(env.BA_OAUTH_RESOURCE || "https://api.example.test"),
  scopes: (env.BA_OAUTH_SCOPES || "openid profile email offline_access tasks:read tasks:write").split(/\s+/).filter(Boolean),
  accessTokenTtl: integerSeconds("BA_OAUTH_ACCESS_TOKEN_TTL"),
};
if (oauthOn) {
  if (oauth.clientId === oauth.introspectClientId) fail("BA_OAUTH_CLIENT_ID and BA_OAUTH_INTROSPECT_CLIENT_ID must differ");
  // The provider holds each client to the one token_endpoint_auth_method it was registered with.
  for (const [name, value] of [["BA_OAUTH_CLIENT_AUTH_METHOD", oauth.clientAuthMethod], ["BA_OAUTH_INTROSPECT_AUTH_METHOD", oauth.introspectAuthMethod]]) {
    if (!["client_secret_basic", "client_secret_post"].includes(value)) fail(`${name} must be client_secret_basic or client_secret_post (got ${value})`);
  }
  for (const r of oauth.resources) {
    let u;
    try { u = new URL(r); } catch { fail(`BA_OAUTH_RESOURCE entry ${r} is not an absolute URI`); }
    if (u.hash) fail(`BA_OAUTH_RESOURCE entry ${r} must not have a fragment`);
  }
  let u;
  try { u = new URL(oauth.redirectUri); } catch { fail(`BA_OAUTH_REDIRECT_URI ${oauth.redirectUri} is not an absolute URL`); }
  // The provider accepts only https (non-loopback) redirect URIs for "web" clients, and http only
  // on localhost/127.0.0.1/[::1] for "native" ones; pick the type the URI needs.
  oauth.applicationType = u.protocol === "https:" ? "web" : "native";
}
// Scopes a client may get through client_credentials: the non-OIDC ones (the provider refuses
// openid/profile/email/offline_access there).
const m2mScopes = oauth.scopes.filter((s) => !["openid", "profile", "email", "offline_access"].includes(s));
if (oauthOn && m2mScopes.length === 0) fail("BA_OAUTH_SCOPES needs at least one scope besides openid/profile/email/offline_access");

// ---- back-channel logout capture ------------------------------------------------
// The provider only accepts an https, non-private backchannel_logout_uri and POSTs the logout
// token there with the global fetch. With BA_OAUTH_BACKCHANNEL_LOGOUT=true the confidential
// client is registered with BACKCHANNEL_URI and that one URL is answered in-process (204) and
// recorded; GET /__interop/logout-tokens returns what was recorded. Nothing leaves the machine.
const BACKCHANNEL_URI = "https://rp.interop.example/backchannel-logout";
const logoutTokens = [];
if (oauthBackchannel) {
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input?.url;
    if (url === BACKCHANNEL_URI) {
      const body = init?.body instanceof URLSearchParams ? init.body : new URLSearchParams(String(init?.body ?? ""));
      logoutTokens.push({
        receivedAt: new Date().toISOString(),
        contentType: new Headers(init?.headers).get("content-type"),
        logout_token: body.get("logout_token"),
      });
      return new Response(null, { status: 204 });
    }
    return realFetch(input, init);
  };
}

// ---- database ----------------------------------------------------------------
// Better Auth's memory adapter enforces no unique keys: a create() with an id that already exists
// just appends a second row. Better Auth's single-use reservations (DPoP proof jti at the token
// endpoint, private_key_jwt assertion jti) rely on the database refusing a duplicate primary key,
// so without this wrapper a replayed DPoP proof would be accepted. The wrapper makes a create()
// with a caller-chosen id (forceAllowId) fail like a SQL primary-key violation.
function withPrimaryKeys(adapterFactory) {
  return (options) => {
    const adapter = adapterFactory(options);
    const create = adapter.create;
    adapter.create = async (args) => {
      const id = args?.data?.id;
      if (args?.forceAllowId && id !== undefined && id !== null
          && await adapter.findOne({ model: args.model, where: [{ field: "id", value: id }] })) {
        throw new Error(`UNIQUE constraint failed: ${args.model}.id`);
      }
      return create.call(adapter, args);
    };
    return adapter;
  };
}

// ---- Better Auth instance --------------------------------------------------
// Created only AFTER the socket is listening, because with PORT=0 the real
// port (and so the default baseURL, which is also the default iss/aud) is
// only known then.
let seeding = false; // true only while the server registers its own OAuth clients at start
let nextClientId;
let nextClientSecret;

function createAuth(actualPort) {
  const jwks = { keyPairConfig };
  if (env.BA_JWKS_PATH) jwks.jwksPath = env.BA_JWKS_PATH;
  if (rotationInterval !== undefined) jwks.rotationInterval = rotationInterval;
  if (gracePeriod !== undefined) jwks.gracePeriod = gracePeriod;

  const jwtOpts = {};
  if (env.BA_ISSUER) jwtOpts.issuer = env.BA_ISSUER;
  if (audience !== undefined) jwtOpts.audience = audience;
  if (env.BA_EXPIRATION) jwtOpts.expirationTime = env.BA_EXPIRATION;

  const session = {};
  if (strategy) {
    session.cookieCache = { enabled: true, strategy };
    if (cookieCacheMaxAge !== undefined) session.cookieCache.maxAge = cookieCacheMaxAge;
    if (cookieCacheVersion !== undefined) session.cookieCache.version = cookieCacheVersion;
  }
  if (sessionExpiresIn !== undefined) session.expiresIn = sessionExpiresIn;
  if (sessionUpdateAge !== undefined) session.updateAge = sessionUpdateAge;

  const advanced = {};
  if (cookiePrefix !== undefined) advanced.cookiePrefix = cookiePrefix;
  if (secureCookies) advanced.useSecureCookies = true;
  if (originCheck) advanced.disableOriginCheck = false;

  // Better Auth enables rate limiting when NODE_ENV=production, so it is always set explicitly.
  // With BA_RATE_LIMIT=true: GET /get-session is limited to BA_RATE_LIMIT_MAX requests per
  // BA_RATE_LIMIT_WINDOW seconds per client key; sign-up/sign-in are exempt (their built-in rule
  // is 3 per 10 s, which would break tests that sign up several users); everything else keeps
  // Better Auth's defaults (100 per 10 s; OAuth endpoints per the oauth-provider plugin rules).
  const rateLimit = rateLimitOn
    ? {
        enabled: true,
        storage: "memory",
        customRules: {
          "/get-session": { window: rateLimitWindow, max: rateLimitMax },
          "/sign-up/*": false,
          "/sign-in/*": false,
        },
      }
    : { enabled: false };

  const tables = { user: [], session: [], account: [], verification: [], jwks: [] };
  const plugins = [
    jwt({ jwks, jwt: jwtOpts, ...(sessionCookieCache ? { sessionCookieCache: true } : {}) }),
    bearer(requireSignature ? { requireSignature: true } : undefined),
  ];
  if (oauthOn) {
    // Every model of @better-auth/oauth-provider's schema (src/schema.ts); the memory adapter
    // does not create tables itself.
    Object.assign(tables, {
      oauthClient: [], oauthResource: [], oauthClientResource: [], oauthRefreshToken: [],
      oauthAccessToken: [], oauthConsent: [], oauthClientAssertion: [],
    });
    plugins.push(oauthProviderPlugin({
      // Not served: the registered clients skip consent, and a test that needs a login
      // page signs in over HTTP first.
      loginPage: "/sign-in",
      consentPage: "/consent",
      scopes: oauth.scopes,
      resources: oauth.resources,
      disableJwtPlugin: oauthDisableJwt,
      ...(oauth.accessTokenTtl !== undefined
        ? { accessTokenExpiresIn: oauth.accessTokenTtl, m2mAccessTokenExpiresIn: oauth.accessTokenTtl }
        : {}),
      // Client and resource administration only for the server's own start-up registration.
      clientPrivileges: () => seeding,
      resourcePrivileges: () => seeding,
      generateClientId: () => nextClientId,
      generateClientSecret: () => nextClientSecret,
      // Without its own rate limiter settings the plugin adds per-endpoint rules; they only
      // apply when the global limiter is on (BA_RATE_LIMIT=true).
    }));
  }

  return betterAuth({
    baseURL: env.BA_BASE_URL || `http://127.0.0.1:${actualPort}`,
    secret,
    // One array per model; the memory adapter does not create tables itself.
    database: withPrimaryKeys(memoryAdapter(tables)),
    emailAndPassword: { enabled: true },
    user: { additionalFields: { role: { type: "string", required: false, input: true } } },
    session: Object.keys(session).length ? session : undefined,
    advanced: Object.keys(advanced).length ? advanced : undefined,
    rateLimit,
    telemetry: { enabled: false },
    // All Better Auth logging goes to stderr, so stdout carries only "READY <port>".
    logger: { log: (level, message, ...args) => console.error(`[better-auth ${level}] ${message}`, ...args) },
    plugins,
  });
}

let oauthProviderPlugin;
if (oauthOn) ({ oauthProvider: oauthProviderPlugin } = await import("@better-auth/oauth-provider"));

// Registers the confidential client, the introspecting resource-server client and their links
// to every resource, through the provider's own admin endpoints (as an operator would), with a
// throw-away seed user whose session is signed out again at the end.
async function seedOAuthClients(auth) {
  seeding = true;
  try {
    const signUp = await auth.api.signUpEmail({
      body: {
        email: "oauth-seed@interop.invalid",
        password: randomBytes(24).toString("base64url"),
        name: "OAuth seed (server-internal)",
      },
      returnHeaders: true,
    });
    const cookie = signUp.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    const headers = new Headers({ cookie });

    const register = async (clientId, clientSecret, body) => {
      nextClientId = clientId;
      nextClientSecret = clientSecret;
      await auth.api.adminCreateOAuthClient({ headers, body });
      for (const identifier of oauth.resources) {
        await auth.api.adminLinkClientResource({ headers, params: { identifier, client_id: clientId } });
      }
    };
    await register(oauth.clientId, oauth.clientSecret, {
      client_name: "betterauth4j interop client",
      application_type: oauth.applicationType,
      redirect_uris: [oauth.redirectUri],
      token_endpoint_auth_method: oauth.clientAuthMethod,
      grant_types: ["authorization_code", "client_credentials", "refresh_token"],
      response_types: ["code"],
      scope: oauth.scopes.join(" "),
      client_credentials_scopes: m2mScopes,
      skip_consent: true,
      ...(oauthBackchannel ? { backchannel_logout_uri: BACKCHANNEL_URI, backchannel_logout_session_required: true } : {}),
    });
    await register(oauth.introspectClientId, oauth.introspectClientSecret, {
      client_name: "betterauth4j interop resource server",
      token_endpoint_auth_method: oauth.introspectAuthMethod,
      grant_types: ["client_credentials"],
      scope: m2mScopes.join(" "),
      client_credentials_scopes: m2mScopes,
    });
    await auth.api.signOut({ headers });
  } finally {
    seeding = false;
    nextClientId = undefined;
    nextClientSecret = undefined;
  }
}

// ---- HTTP server -------------------------------------------------------------
let handler = null; // set once the auth instance exists
const server = http.createServer((req, res) => {
  if (!handler) {
    res.writeHead(503, { "content-type": "text/plain" }).end("starting\n");
    return;
  }
  if (oauthBackchannel && req.method === "GET" && req.url === "/__interop/logout-tokens") {
    res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" })
      .end(JSON.stringify(logoutTokens));
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
    if (oauthOn) await seedOAuthClients(auth);
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
