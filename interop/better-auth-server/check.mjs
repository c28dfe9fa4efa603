// Checks every flow documented in FLOWS.md against real servers. Each suite starts its own
// `node server.mjs` (PORT=0, NODE_ENV=test, like BetterAuthServer.java) with the env it needs,
// talks to it with node:http (so only the headers written here are sent, as with Java's
// HttpClient; node's fetch would add `sec-fetch-mode: cors`, which changes Better Auth's
// redirect handling), and stops it with SIGTERM.
//
//   node check.mjs                 all suites
//   node check.mjs session oauth   only these suites
//   node check.mjs --list          suite names
//   node check.mjs --examples FILE also write the real requests/responses seen to FILE (JSON)
//
// Exit code 0 when every check passed, 1 otherwise.
import { spawn } from "node:child_process";
import http from "node:http";
import { createHash, createHmac, hkdfSync, randomBytes, randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";
import {
  EncryptJWT, SignJWT, base64url, calculateJwkThumbprint, compactDecrypt, createLocalJWKSet,
  decodeProtectedHeader, exportJWK, generateKeyPair, jwtVerify,
} from "jose";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SECRET = "betterauth4j-interop-test-secret-0123456789-abcdefXYZ"; // the server's default BA_SECRET
const CLIENT = { id: "interop-client", secret: "interop-client-secret-0123456789abcdef" };
const RS = { id: "interop-resource-server", secret: "interop-resource-server-secret-0123456789" };
const RESOURCE = "https://api.example.test";
const REDIRECT = "https://client.interop.example/callback";
const PASSWORD = "correct-horse-battery-staple";

// ---- tiny test framework -------------------------------------------------------
let failures = 0;
let passes = 0;
const examples = {};
function check(cond, label, detail) {
  if (cond) {
    passes++;
    console.log(`  ok   ${label}`);
  } else {
    failures++;
    console.log(`  FAIL ${label}${detail !== undefined ? `\n       ${typeof detail === "string" ? detail : JSON.stringify(detail)}` : ""}`);
  }
  return cond;
}
const eq = (actual, expected, label) =>
  check(JSON.stringify(actual) === JSON.stringify(expected), label, { actual, expected });
const keysOf = (o) => Object.keys(o).sort();
function example(name, value) {
  examples[name] = value;
}

// ---- server process ------------------------------------------------------------
async function startServer(extraEnv = {}) {
  const env = { ...process.env, PORT: "0", NODE_ENV: "test", ...extraEnv };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
  const child = spawn(process.execPath, ["server.mjs"], { cwd: HERE, env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stderr.on("data", (d) => { stderr += d; });
  const exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no READY within 20 s; stderr:\n${stderr}`)), 20000);
    child.stdout.on("data", (d) => {
      stdout += d;
      const m = /^READY (\d+)\n/.exec(stdout);
      if (m) { clearTimeout(timer); resolve(Number(m[1])); }
    });
    exited.then(({ code }) => { clearTimeout(timer); reject(new Error(`server exited (${code}); stderr:\n${stderr}`)); });
  });
  const origin = `http://127.0.0.1:${port}`;
  return {
    port,
    origin,
    auth: `${origin}/api/auth`,
    stderr: () => stderr,
    async stop() {
      const t0 = Date.now();
      child.kill("SIGTERM");
      const { code } = await exited;
      check(code === 0 && Date.now() - t0 < 3000, `SIGTERM: exit code 0 within 3 s (code ${code}, ${Date.now() - t0} ms)`);
      check(stdout === `READY ${port}\n`, `stdout was exactly "READY ${port}\\n"`, JSON.stringify(stdout));
    },
  };
}

async function withServer(env, fn) {
  const server = await startServer(env);
  try {
    await fn(server);
  } finally {
    await server.stop();
  }
}

// ---- HTTP with node:http (only the headers given here are sent) ------------------
function request(method, url, { headers = {}, json, form, body } = {}) {
  let payload = body;
  const h = { ...headers };
  if (json !== undefined) { payload = JSON.stringify(json); h["content-type"] = "application/json"; }
  if (form !== undefined) {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) for (const item of [].concat(v)) params.append(k, item);
    payload = params.toString();
    h["content-type"] = "application/x-www-form-urlencoded";
  }
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers: h }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let parsed;
        try { parsed = JSON.parse(text); } catch { parsed = undefined; }
        const setCookies = [].concat(res.headers["set-cookie"] ?? []);
        resolve({
          status: res.statusCode,
          headers: res.headers,
          setCookies,
          text,
          json: parsed,
          cookie(name) { // the value of a Set-Cookie by exact name (still URL-encoded), or undefined
            const line = setCookies.find((c) => c.startsWith(`${name}=`));
            return line === undefined ? undefined : line.slice(name.length + 1).split(";")[0];
          },
          cookieLine(name) { return setCookies.find((c) => c.startsWith(`${name}=`)); },
        });
      });
    });
    req.on("error", reject);
    if (payload !== undefined) req.end(payload); else req.end();
  });
}
const get = (url, opts) => request("GET", url, opts);
const post = (url, opts) => request("POST", url, opts);
// The response headers worth showing in FLOWS.md (no Date/Connection noise).
const shownHeaders = (r) => Object.fromEntries(Object.entries(r.headers)
  .filter(([k]) => !["date", "connection", "keep-alive", "transfer-encoding", "content-length"].includes(k)));
const exchange = (req, res) => ({ request: req, status: res.status, headers: shownHeaders(res), body: res.json ?? res.text });

const basic = (id, secret) => `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString("base64")}`;
const decodeJwt = (t) => {
  const [h, p] = t.split(".");
  return { header: JSON.parse(Buffer.from(h, "base64url")), payload: JSON.parse(Buffer.from(p, "base64url")) };
};
const cookieHeader = (res) => res.setCookies.filter((c) => !/Max-Age=0/.test(c)).map((c) => c.split(";")[0]).join("; ");
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let userCounter = 0;
async function signUp(server, extra = {}, { name = "Alice" } = {}) {
  const email = `${name.slice(0, 12).toLowerCase().replace(/[^a-z]/g, "x")}-${Date.now()}-${userCounter++}@example.com`;
  const res = await post(`${server.auth}/sign-up/email`, { json: { email, password: PASSWORD, name, ...extra } });
  if (res.status !== 200) throw new Error(`sign-up failed: ${res.status} ${res.text}`);
  return { email, res, cookie: cookieHeader(res), bearer: res.headers["set-auth-token"], userId: res.json.user.id, token: res.json.token };
}
async function jwksOf(server, p = "/jwks") {
  return createLocalJWKSet((await get(`${server.auth}${p}`)).json);
}

// ---- suites ------------------------------------------------------------------------
const suites = {};

suites.session = async () => withServer({}, async (s) => {
  const base = s.auth;
  // sign-up
  const body = { email: "alice@example.com", password: PASSWORD, name: "Alice", role: "admin" };
  const up = await post(`${base}/sign-up/email`, { json: body });
  example("signUp", exchange({ method: "POST", path: "/api/auth/sign-up/email", headers: { "Content-Type": "application/json" }, json: body }, up));
  check(up.status === 200, "sign-up: 200");
  const raw = up.cookie("better-auth.session_token");
  check(raw !== undefined, "sign-up: Set-Cookie better-auth.session_token");
  const line = up.cookieLine("better-auth.session_token");
  check(/; Max-Age=604800; Path=\/; HttpOnly; SameSite=Lax$/.test(line), "session_token attributes: Max-Age=604800; Path=/; HttpOnly; SameSite=Lax", line);
  const decoded = decodeURIComponent(raw);
  check(up.headers["set-auth-token"] === decoded, "set-auth-token header = URL-decoded cookie value");
  const [token, sig] = [decoded.slice(0, decoded.lastIndexOf(".")), decoded.slice(decoded.lastIndexOf(".") + 1)];
  check(token === up.json.token && /^[A-Za-z0-9]{32}$/.test(token), "cookie token part = body.token, 32 alphanumerics");
  eq(sig, createHmac("sha256", SECRET).update(token).digest("base64"), "cookie signature = base64(HMAC-SHA256(secret, token)), padded");
  eq(up.headers["access-control-expose-headers"], "set-auth-token", "Access-Control-Expose-Headers: set-auth-token");
  eq(keysOf(up.json), ["token", "user"], "sign-up body keys {token,user}");
  eq(keysOf(up.json.user), ["createdAt", "email", "emailVerified", "id", "name", "role", "updatedAt"], "sign-up user keys");

  // duplicate email
  const dup = await post(`${base}/sign-up/email`, { json: body });
  example("signUpDuplicate", exchange({ method: "POST", path: "/api/auth/sign-up/email" }, dup));
  check(dup.status === 422, `duplicate sign-up: 422 (${dup.status})`);

  // sign-in
  const inBody = { email: "alice@example.com", password: PASSWORD };
  const signIn = await post(`${base}/sign-in/email`, { json: inBody });
  example("signIn", exchange({ method: "POST", path: "/api/auth/sign-in/email", headers: { "Content-Type": "application/json" }, json: inBody }, signIn));
  check(signIn.status === 200 && signIn.json.redirect === false && typeof signIn.json.token === "string", "sign-in: 200 {redirect:false, token, user}");
  check(signIn.headers["set-auth-token"] === decodeURIComponent(signIn.cookie("better-auth.session_token")), "sign-in: set-auth-token = cookie value");
  const stillValid = await get(`${base}/get-session`, { headers: { authorization: `Bearer ${up.headers["set-auth-token"]}` } });
  check(signIn.json.token !== up.json.token && stillValid.json?.session?.token === up.json.token, "sign-in creates a new session; the sign-up session stays valid");
  const badPw = await post(`${base}/sign-in/email`, { json: { ...inBody, password: "wrong-password-123" } });
  example("signInWrongPassword", exchange({ method: "POST", path: "/api/auth/sign-in/email" }, badPw));
  check(badPw.status === 401, `wrong password: 401 (${badPw.status})`);

  // get-session in all forms
  const cookie = `better-auth.session_token=${raw}`;
  const viaCookie = await get(`${base}/get-session`, { headers: { cookie } });
  example("getSessionCookie", exchange({ method: "GET", path: "/api/auth/get-session", headers: { Cookie: cookie } }, viaCookie));
  check(viaCookie.status === 200 && viaCookie.json?.session?.token === token, "get-session with Cookie: 200 {session,user}");
  eq(keysOf(viaCookie.json), ["session", "user"], "get-session body keys {session,user}");
  eq(keysOf(viaCookie.json.session), ["createdAt", "expiresAt", "id", "ipAddress", "token", "updatedAt", "userAgent", "userId"], "session keys");
  eq(viaCookie.headers["cache-control"], "no-store", "get-session: Cache-Control no-store");
  check(typeof viaCookie.headers["set-auth-jwt"] === "string", "get-session: set-auth-jwt header (jwt plugin)");
  const viaBearer = await get(`${base}/get-session?disableCookieCache=true&disableRefresh=true`, { headers: { authorization: `Bearer ${decoded}` } });
  example("getSessionBearerFlags", exchange({ method: "GET", path: "/api/auth/get-session?disableCookieCache=true&disableRefresh=true", headers: { Authorization: `Bearer ${decoded}` } }, viaBearer));
  check(viaBearer.status === 200 && viaBearer.json?.session?.token === token, "get-session with Bearer token.sig (+flags): 200");
  check(viaBearer.setCookies.length === 0, "get-session with Bearer and disableRefresh: no Set-Cookie", viaBearer.setCookies);
  const viaBare = await get(`${base}/get-session`, { headers: { authorization: `Bearer ${token}` } });
  check(viaBare.status === 200 && viaBare.json?.session?.token === token, "get-session with bare token (no signature): 200 (requireSignature off)");
  const viaEncoded = await get(`${base}/get-session`, { headers: { authorization: `Bearer ${raw}` } });
  check(viaEncoded.json?.session?.token === token, "get-session with URL-encoded token.sig: 200 (bearer plugin decodes %)");
  const tampered = `${token}.${Buffer.from(randomBytes(32)).toString("base64")}`;
  const viaBad = await get(`${base}/get-session`, { headers: { authorization: `Bearer ${tampered}` } });
  check(viaBad.status === 200 && viaBad.text === "null", "get-session with a wrong signature: 200 null");
  const viaJwt = await get(`${base}/get-session`, { headers: { authorization: `Bearer ${viaCookie.headers["set-auth-jwt"]}` } });
  check(viaJwt.text === "null", "get-session with a jwt-plugin JWT as bearer: 200 null");
  const none = await get(`${base}/get-session`);
  example("getSessionNone", exchange({ method: "GET", path: "/api/auth/get-session" }, none));
  check(none.status === 200 && none.text === "null", "get-session without credentials: 200, body null");
  const postGs = await post(`${base}/get-session`, { headers: { cookie }, json: {} });
  example("getSessionPost", exchange({ method: "POST", path: "/api/auth/get-session" }, postGs));
  check(postGs.status === 405, `POST get-session: 405 (${postGs.status})`);

  // /token (jwt plugin) still works
  const tok = await get(`${base}/token`, { headers: { authorization: `Bearer ${decoded}` } });
  check(tok.status === 200 && decodeJwt(tok.json.token).payload.sub === up.json.user.id, "GET /token: 200 {token: jwt}");

  // sign-out: under NODE_ENV=test (what BetterAuthServer.java sets) Better Auth skips the
  // origin/CSRF check, so a cookie-authenticated POST needs no Origin (see suite "origin").
  const outNoOrigin = await post(`${base}/sign-out`, { headers: { cookie: "better-auth.session_token=x.y" } });
  check(outNoOrigin.status === 200, `NODE_ENV=test: sign-out with a Cookie and no Origin is not refused (${outNoOrigin.status})`);
  const out = await post(`${base}/sign-out`, { headers: { cookie, origin: s.origin } });
  example("signOutCookie", exchange({ method: "POST", path: "/api/auth/sign-out", headers: { Cookie: cookie, Origin: s.origin } }, out));
  check(out.status === 200 && out.json?.success === true, "sign-out with Cookie + Origin: 200 {success:true}");
  check(out.setCookies.some((c) => c.startsWith("better-auth.session_token=; Max-Age=0")), "sign-out expires the session_token cookie");
  const after = await get(`${base}/get-session`, { headers: { cookie } });
  example("getSessionAfterSignOut", exchange({ method: "GET", path: "/api/auth/get-session", headers: { Cookie: cookie } }, after));
  check(after.text === "null", "get-session after sign-out: null");
  const afterBearer = await get(`${base}/get-session`, { headers: { authorization: `Bearer ${decoded}` } });
  check(afterBearer.text === "null", "get-session (bearer) after sign-out: null");

  // sign-out by bearer needs no Origin
  const u2 = await signUp(s);
  const out2 = await post(`${base}/sign-out`, { headers: { authorization: `Bearer ${u2.bearer}` } });
  example("signOutBearer", exchange({ method: "POST", path: "/api/auth/sign-out", headers: { Authorization: `Bearer ${u2.bearer}` } }, out2));
  check(out2.status === 200 && out2.json?.success === true, "sign-out with Authorization: Bearer, no Origin: 200");
  check((await get(`${base}/get-session`, { headers: { authorization: `Bearer ${u2.bearer}` } })).text === "null", "get-session after bearer sign-out: null");
  const out3 = await post(`${base}/sign-out`, {});
  check(out3.status === 200 && out3.json?.success === true, "sign-out without any credential: 200 {success:true} (nothing to delete)");
});

async function originChecks(s, label) {
  // Without NODE_ENV=test, Better Auth checks Origin on every POST that carries a Cookie header.
  const u = await signUp(s);
  const cookie = u.cookie;
  const noOrigin = await post(`${s.auth}/sign-out`, { headers: { cookie } });
  example("signOutCookieNoOrigin", exchange({ method: "POST", path: "/api/auth/sign-out", headers: { Cookie: "better-auth.session_token=<token.sig>" } }, noOrigin));
  check(noOrigin.status === 403 && noOrigin.json?.code === "MISSING_OR_NULL_ORIGIN", `${label}: sign-out with Cookie, no Origin: 403 MISSING_OR_NULL_ORIGIN (${noOrigin.status})`);
  const foreign = await post(`${s.auth}/sign-out`, { headers: { cookie, origin: `http://localhost:${s.port}` } });
  example("signOutCookieForeignOrigin", exchange({ method: "POST", path: "/api/auth/sign-out", headers: { Cookie: "...", Origin: `http://localhost:${s.port}` } }, foreign));
  check(foreign.status === 403 && foreign.json?.code === "INVALID_ORIGIN", `${label}: foreign Origin: 403 INVALID_ORIGIN (${foreign.status})`);
  const referer = await post(`${s.auth}/sign-out`, { headers: { cookie: "better-auth.session_token=x.y", referer: `${s.origin}/some/page` } });
  check(referer.status === 200, `${label}: a same-origin Referer instead of Origin is accepted`);
  const ok = await post(`${s.auth}/sign-out`, { headers: { cookie, origin: s.origin } });
  check(ok.status === 200 && ok.json.success === true, `${label}: sign-out with Cookie + Origin = baseURL origin: 200`);
  const u2 = await signUp(s);
  const bearer = await post(`${s.auth}/sign-out`, { headers: { authorization: `Bearer ${u2.bearer}` } });
  check(bearer.status === 200, `${label}: sign-out with Bearer and no Cookie needs no Origin: 200`);
  const gs = await get(`${s.auth}/get-session`, { headers: { authorization: `Bearer ${u2.bearer}` } });
  check(gs.text === "null", "...and the session is gone");
  const gsIp = await get(`${s.auth}/get-session`, { headers: { authorization: `Bearer ${u.bearer}` } });
  check(gsIp.status === 200, "GET is never origin-checked");
}
suites.origin = async () => {
  await withServer({ NODE_ENV: undefined }, (s) => originChecks(s, "NODE_ENV unset"));
  await withServer({ BA_ORIGIN_CHECK: "true" }, (s) => originChecks(s, "NODE_ENV=test + BA_ORIGIN_CHECK=true"));
};

suites["require-signature"] = async () => {
  await withServer({ BA_REQUIRE_SIGNATURE: "true" }, async (s) => {
    const u = await signUp(s);
    const signed = await get(`${s.auth}/get-session`, { headers: { authorization: `Bearer ${u.bearer}` } });
    check(signed.json?.session?.token === u.token, "requireSignature=true: token.sig accepted");
    const bare = await get(`${s.auth}/get-session`, { headers: { authorization: `Bearer ${u.token}` } });
    example("requireSignatureBare", exchange({ method: "GET", path: "/api/auth/get-session", headers: { Authorization: `Bearer ${u.token}` } }, bare));
    check(bare.status === 200 && bare.text === "null", "requireSignature=true: bare token -> 200 null");
    const tokenEp = await get(`${s.auth}/token`, { headers: { authorization: `Bearer ${u.token}` } });
    check(tokenEp.status === 401, `requireSignature=true: bare token on /token -> 401 (${tokenEp.status})`);
  });
};

suites["cookie-names"] = async () => {
  await withServer({ BA_COOKIE_PREFIX: "myapp", BA_SECURE_COOKIES: "true", BA_COOKIE_CACHE_STRATEGY: "compact" }, async (s) => {
    const u = await signUp(s);
    const names = u.res.setCookies.map((c) => c.split("=")[0]);
    eq(names, ["__Secure-myapp.session_token", "__Secure-myapp.session_data"], "prefix myapp + secure: cookie names");
    const line = u.res.cookieLine("__Secure-myapp.session_token");
    example("secureCookieLine", line);
    check(/; Max-Age=604800; Path=\/; HttpOnly; Secure; SameSite=Lax$/.test(line), "__Secure- cookie carries Secure", line);
    const tokenCookie = `__Secure-myapp.session_token=${u.res.cookie("__Secure-myapp.session_token")}`;
    const gs = await get(`${s.auth}/get-session?disableCookieCache=true`, { headers: { cookie: tokenCookie } });
    check(gs.json?.session?.token === u.token, "get-session with __Secure-myapp.session_token over http: 200");
    const unprefixed = await get(`${s.auth}/get-session`, { headers: { cookie: `myapp.session_token=${u.res.cookie("__Secure-myapp.session_token")}` } });
    check(unprefixed.text === "null", "same value under myapp.session_token (no __Secure-): null");
    const dflt = await get(`${s.auth}/get-session`, { headers: { cookie: `better-auth.session_token=${u.res.cookie("__Secure-myapp.session_token")}` } });
    check(dflt.text === "null", "same value under better-auth.session_token: null");
    const bearer = await get(`${s.auth}/get-session`, { headers: { authorization: `Bearer ${u.bearer}` } });
    check(bearer.json?.session?.token === u.token, "bearer still works with a custom prefix");
    check(u.res.headers["set-auth-token"] === decodeURIComponent(u.res.cookie("__Secure-myapp.session_token")), "set-auth-token also with a prefix");
  });
  await withServer({ BA_COOKIE_PREFIX: "myapp" }, async (s) => {
    const u = await signUp(s);
    eq(u.res.setCookies.map((c) => c.split("=")[0]), ["myapp.session_token"], "prefix only: myapp.session_token");
    check(!/Secure/.test(u.res.cookieLine("myapp.session_token")), "prefix only: no Secure attribute");
  });
  await withServer({ BA_SECURE_COOKIES: "true" }, async (s) => {
    const u = await signUp(s);
    eq(u.res.setCookies.map((c) => c.split("=")[0]), ["__Secure-better-auth.session_token"], "secure only: __Secure-better-auth.session_token");
  });
};

suites.expiry = async () => {
  await withServer({ BA_SESSION_EXPIRES_IN: "3" }, async (s) => {
    const u = await signUp(s);
    check(/; Max-Age=3;/.test(u.res.cookieLine("better-auth.session_token")), "BA_SESSION_EXPIRES_IN=3: cookie Max-Age=3", u.res.cookieLine("better-auth.session_token"));
    const q = "?disableCookieCache=true&disableRefresh=true";
    const g1 = await get(`${s.auth}/get-session${q}`, { headers: { authorization: `Bearer ${u.bearer}` } });
    const exp1 = g1.json.session.expiresAt;
    const lifetime = Date.parse(exp1) - Date.parse(g1.json.session.createdAt);
    check(lifetime >= 2900 && lifetime <= 3100, `session.expiresAt = createdAt + 3 s (${lifetime} ms)`);
    await sleep(1200);
    // Without disableRefresh, the default updateAge (1 day) > expiresIn, so nothing is extended either.
    const g2 = await get(`${s.auth}/get-session`, { headers: { authorization: `Bearer ${u.bearer}` } });
    eq(g2.json.session.expiresAt, exp1, "default updateAge (86400 s): get-session without disableRefresh does not extend");
    await sleep(2200);
    const g3 = await get(`${s.auth}/get-session${q}`, { headers: { authorization: `Bearer ${u.bearer}` } });
    example("getSessionExpired", exchange({ method: "GET", path: `/api/auth/get-session${q}`, headers: { Authorization: `Bearer ${u.bearer}` } }, g3));
    check(g3.status === 200 && g3.text === "null", "expired session: 200 null");
    check(g3.setCookies.some((c) => c.startsWith("better-auth.session_token=; Max-Age=0")), "expired session: response expires the session_token cookie");
    const tok = await get(`${s.auth}/token`, { headers: { authorization: `Bearer ${u.bearer}` } });
    check(tok.status === 401, `expired session: /token 401 (${tok.status})`);
  });
  await withServer({ BA_SESSION_EXPIRES_IN: "30", BA_SESSION_UPDATE_AGE: "0" }, async (s) => {
    const u = await signUp(s);
    const g1 = await get(`${s.auth}/get-session?disableRefresh=true`, { headers: { authorization: `Bearer ${u.bearer}` } });
    await sleep(1100);
    const g2 = await get(`${s.auth}/get-session?disableRefresh=true`, { headers: { authorization: `Bearer ${u.bearer}` } });
    eq(g2.json.session.expiresAt, g1.json.session.expiresAt, "updateAge=0 + disableRefresh=true: expiresAt unchanged");
    const g3 = await get(`${s.auth}/get-session`, { headers: { authorization: `Bearer ${u.bearer}` } });
    check(Date.parse(g3.json.session.expiresAt) > Date.parse(g1.json.session.expiresAt), "updateAge=0 without disableRefresh: expiresAt pushed forward (session refreshed)");
    check(g3.setCookies.some((c) => c.startsWith("better-auth.session_token=")), "refresh re-sets the session_token cookie");
  });
};

suites["rate-limit"] = async () => {
  await withServer({ BA_RATE_LIMIT: "true", BA_RATE_LIMIT_MAX: "3", BA_RATE_LIMIT_WINDOW: "10" }, async (s) => {
    const users = [];
    for (let i = 0; i < 5; i++) users.push(await signUp(s));
    check(users.length === 5, "rate limiter on: 5 sign-ups in a row are not limited");
    const h = { authorization: `Bearer ${users[0].bearer}` };
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await get(`${s.auth}/get-session`, { headers: h })).status);
    eq(statuses, [200, 200, 200], "first 3 get-session in the window: 200");
    const limited = await get(`${s.auth}/get-session`, { headers: h });
    example("rateLimited", exchange({ method: "GET", path: "/api/auth/get-session", headers: { Authorization: "Bearer <token.sig>" } }, limited));
    check(limited.status === 429, `4th get-session: 429 (${limited.status})`);
    eq(limited.json, { message: "Too many requests. Please try again later." }, "429 body");
    check(/^\d+$/.test(limited.headers["x-retry-after"] ?? "") && Number(limited.headers["x-retry-after"]) <= 10, `429 X-Retry-After in seconds (${limited.headers["x-retry-after"]})`);
    check(limited.headers["retry-after"] === undefined, "429 has no standard Retry-After header");
    const other = await get(`${s.auth}/get-session`, { headers: { authorization: `Bearer ${users[1].bearer}` } });
    check(other.status === 429, "another user's session from the same client is limited too (key = IP + path, not session)");
    const xff = await get(`${s.auth}/get-session`, { headers: { ...h, "x-forwarded-for": "203.0.113.7" } });
    check(xff.status === 200, "X-Forwarded-For: 203.0.113.7 -> its own bucket: 200");
    const xff2 = await get(`${s.auth}/get-session`, { headers: { ...h, "x-forwarded-for": "203.0.113.7, 198.51.100.1" } });
    check(xff2.status === 429, "a multi-hop X-Forwarded-For is not trusted -> back to the 127.0.0.1 bucket: 429");
    const tokenEp = await get(`${s.auth}/token`, { headers: h });
    check(tokenEp.status === 200, "other paths have their own bucket (/token: 200)");
    const retry = Number(limited.headers["x-retry-after"]);
    await sleep(retry * 1000 + 300);
    check((await get(`${s.auth}/get-session`, { headers: h })).status === 200, `after X-Retry-After (${retry} s): 200 again`);
  });
  await withServer({ NODE_ENV: undefined, BA_RATE_LIMIT: "true", BA_RATE_LIMIT_MAX: "2", BA_RATE_LIMIT_WINDOW: "10" }, async (s) => {
    // Outside test/development Better Auth has no client IP without X-Forwarded-For: every such
    // client shares one bucket per path ("no-trusted-ip"), and a warning is logged once.
    const a = await signUp(s);
    const b = await signUp(s);
    const r = [];
    for (const u of [a, b, a]) r.push((await get(`${s.auth}/get-session`, { headers: { authorization: `Bearer ${u.bearer}` } })).status);
    eq(r, [200, 200, 429], "NODE_ENV unset, no X-Forwarded-For: all clients share one bucket");
    check(/could not determine a client IP/.test(s.stderr()), "...and Better Auth warns on stderr");
    const x = await get(`${s.auth}/get-session`, { headers: { authorization: `Bearer ${a.bearer}`, "x-forwarded-for": "198.51.100.9" } });
    check(x.status === 200, "...while X-Forwarded-For: <one IP> gets its own bucket");
  });
};

// session_data cookie in each strategy
function readSessionData(res, base = "better-auth.session_data") {
  const whole = res.cookie(base);
  if (whole !== undefined) return { value: decodeURIComponent(whole), names: [base] };
  const parts = res.setCookies.map((c) => c.split(";")[0]).filter((c) => c.startsWith(`${base}.`))
    .map((c) => { const i = c.indexOf("="); return [c.slice(0, i), c.slice(i + 1)]; })
    .sort((a, b) => Number(a[0].slice(base.length + 1)) - Number(b[0].slice(base.length + 1)));
  if (!parts.length) return undefined;
  return { value: parts.map(([, v]) => decodeURIComponent(v)).join(""), names: parts.map(([n]) => n) };
}
function hkdfKey(secret, salt = "better-auth-session") {
  return new Uint8Array(hkdfSync("sha256", Buffer.from(secret), Buffer.from(salt), Buffer.from("BetterAuth.js Generated Encryption Key"), 64));
}
async function jweKid(secret) {
  return calculateJwkThumbprint({ kty: "oct", k: base64url.encode(hkdfKey(secret)) }, "sha256");
}
async function openCache(strategy, value, { secret = SECRET, server } = {}) {
  if (strategy === "compact") {
    const outerText = Buffer.from(value, "base64url").toString("utf8");
    const outer = JSON.parse(outerText);
    // The HMAC covers JSON.stringify({...session, expiresAt}); rebuild it from the raw text.
    const start = outerText.indexOf('"session":') + '"session":'.length;
    const end = outerText.lastIndexOf(',"expiresAt":');
    const sessionText = outerText.slice(start, end);
    const signed = `${sessionText.slice(0, -1)},"expiresAt":${outer.expiresAt}}`;
    const ok = createHmac("sha256", secret).update(signed).digest("base64url") === outer.signature;
    return { ok, data: outer.session, outer };
  }
  if (strategy === "jwt") {
    try { const { payload, protectedHeader } = await jwtVerify(value, new TextEncoder().encode(secret)); return { ok: true, data: payload, header: protectedHeader }; } catch (e) { return { ok: false, error: e.message }; }
  }
  if (strategy === "jwt-jwks") {
    try { const { payload, protectedHeader } = await jwtVerify(value, await jwksOf(server)); return { ok: true, data: payload, header: protectedHeader }; } catch (e) { return { ok: false, error: e.message }; }
  }
  if (strategy === "jwe") {
    try {
      const { plaintext, protectedHeader } = await compactDecrypt(value, hkdfKey(secret));
      return { ok: true, data: JSON.parse(new TextDecoder().decode(plaintext)), header: protectedHeader };
    } catch (e) { return { ok: false, error: e.message }; }
  }
  throw new Error(strategy);
}

for (const [label, env, kind] of [
  ["compact", { BA_COOKIE_CACHE_STRATEGY: "compact" }, "compact"],
  ["jwt", { BA_COOKIE_CACHE_STRATEGY: "jwt" }, "jwt"],
  ["jwe", { BA_COOKIE_CACHE_STRATEGY: "jwe" }, "jwe"],
  ["jwt-jwks", { BA_COOKIE_CACHE_STRATEGY: "jwt", BA_SESSION_COOKIE_CACHE: "true" }, "jwt-jwks"],
]) {
  suites[`cache-${label}`] = async () => withServer({ ...env, BA_COOKIE_CACHE_MAX_AGE: "120", BA_COOKIE_CACHE_VERSION: "7" }, async (s) => {
    const u = await signUp(s, { role: "admin" });
    const line = u.res.cookieLine("better-auth.session_data");
    check(/; Max-Age=120; Path=\/; HttpOnly; SameSite=Lax$/.test(line ?? ""), `${label}: session_data Max-Age=120 (BA_COOKIE_CACHE_MAX_AGE)`, line);
    const sd = readSessionData(u.res);
    const opened = await openCache(kind, sd.value, { server: s });
    check(opened.ok, `${label}: session_data verifies/decrypts with the expected key`, opened.error);
    const data = opened.data;
    eq(data.version, "7", `${label}: version "7" (BA_COOKIE_CACHE_VERSION)`);
    check(data.session.token === u.token && data.user.id === u.userId && data.user.role === "admin", `${label}: carries session (incl. raw token) and user (incl. role)`);
    check(typeof data.updatedAt === "number", `${label}: updatedAt is epoch ms`);
    if (kind === "compact") {
      eq(keysOf(opened.outer), ["expiresAt", "session", "signature"], "compact: outer keys {session,expiresAt,signature}");
      check(Math.abs(opened.outer.expiresAt - (Date.now() + 120000)) < 5000, "compact: expiresAt = now + maxAge (ms)");
      example("cacheCompact", { cookie: line, decoded: opened.outer });
    } else {
      const header = decodeProtectedHeader(sd.value);
      if (kind === "jwt") eq(header, { alg: "HS256" }, "jwt: header {alg:HS256}");
      if (kind === "jwe") {
        eq(keysOf(header), ["alg", "enc", "kid"], "jwe: header keys");
        check(header.alg === "dir" && header.enc === "A256CBC-HS512" && header.kid === await jweKid(SECRET), "jwe: dir / A256CBC-HS512 / kid = thumbprint of HKDF key");
        check(typeof data.jti === "string", "jwe: payload has jti");
      }
      if (kind === "jwt-jwks") {
        check(header.typ === "better-auth.session-cache+jwt" && header.alg === "EdDSA" && typeof header.kid === "string", "jwt+sessionCookieCache: typ better-auth.session-cache+jwt, EdDSA, kid");
        check(data.aud === "better-auth:session-cache" && data.sid === u.token && data.sub === u.userId && data.iss === s.origin, "jwt+sessionCookieCache: aud/sid/sub/iss");
      }
      check(data.exp - data.iat === 120, `${label}: exp - iat = 120`);
      example(`cache_${label}`, { cookie: line, header, payload: data });
    }
    // get-session answered from the cache: a second session_data-less call re-sets the cookie
    const both = `better-auth.session_token=${u.res.cookie("better-auth.session_token")}; better-auth.session_data=${u.res.cookie("better-auth.session_data")}`;
    const fromCache = await get(`${s.auth}/get-session`, { headers: { cookie: both } });
    check(fromCache.json?.session?.token === u.token && fromCache.setCookies.length === 0, `${label}: get-session with both cookies answers from the cache (no Set-Cookie)`);
    const bearerOnly = await get(`${s.auth}/get-session`, { headers: { authorization: `Bearer ${u.bearer}` } });
    check(readSessionData(bearerOnly) !== undefined, `${label}: bearer-only get-session sets a fresh session_data`);
    // sign-out: the old cookie pair still answers from the cache until it expires
    const out = await post(`${s.auth}/sign-out`, { headers: { cookie: both, origin: s.origin } });
    check(out.setCookies.some((c) => c.startsWith("better-auth.session_data=; Max-Age=0")), `${label}: sign-out expires session_data`);
    const replay = await get(`${s.auth}/get-session`, { headers: { cookie: both } });
    check(replay.json?.session?.token === u.token, `${label}: after sign-out, replaying the old session_token + session_data still gets 200 {session} from the cache`);
    const replayDb = await get(`${s.auth}/get-session?disableCookieCache=true`, { headers: { cookie: both } });
    check(replayDb.text === "null", `${label}: ...but with disableCookieCache=true: null`);

    // chunking: a 5000-character name
    const big = await signUp(s, {}, { name: "N".repeat(5000) });
    const chunked = readSessionData(big.res);
    example(`chunks_${label}`, { names: chunked?.names, sizes: big.res.setCookies.filter((c) => c.startsWith("better-auth.session_data.")).map((c) => c.split(";")[0].length) });
    check(chunked && chunked.names.length >= 2 && chunked.names[0] === "better-auth.session_data.0" && chunked.names[1] === "better-auth.session_data.1", `${label}: 5000-char name -> chunks ${chunked?.names.join(", ")}`);
    check(big.res.setCookies.every((c) => c.split(";")[0].length <= 4050), `${label}: every chunk's name=value <= 4050 bytes`);
    const reopened = await openCache(kind, chunked.value, { server: s });
    check(reopened.ok && reopened.data.user.name.length === 5000, `${label}: concatenated chunks (by index) verify and carry the 5000-char name`);
    const chunkCookies = big.res.setCookies.map((c) => c.split(";")[0]).join("; ");
    const fromChunks = await get(`${s.auth}/get-session`, { headers: { cookie: chunkCookies } });
    check(fromChunks.json?.user?.name?.length === 5000 && fromChunks.setCookies.length === 0, `${label}: get-session reassembles the chunks (answered from the cache)`);
  });
}

suites.secrets = async () => {
  const OLD = "old-secret-version-1-0123456789abcdefghijklmnop";
  const NEW = "new-secret-version-2-0123456789abcdefghijklmnop";
  const SECRETS = `2:${NEW},1:${OLD}`;
  for (const strategy of ["jwe", "compact", "jwt"]) {
    await withServer({ BETTER_AUTH_SECRETS: SECRETS, BA_COOKIE_CACHE_STRATEGY: strategy }, async (s) => {
      check(/BETTER_AUTH_SECRETS is set/.test(s.stderr()), `${strategy}: server notes BETTER_AUTH_SECRETS on stderr`);
      const u = await signUp(s);
      const raw = decodeURIComponent(u.res.cookie("better-auth.session_token"));
      eq(raw.split(".")[1], createHmac("sha256", NEW).update(u.token).digest("base64"), `${strategy}: session_token HMAC uses the first (current) secret`);
      const sd = readSessionData(u.res).value;
      check((await openCache(strategy, sd, { secret: NEW })).ok, `${strategy}: session_data made with the current secret`);
      if (strategy === "jwe") eq(decodeProtectedHeader(sd).kid, await jweKid(NEW), "jwe: kid = thumbprint of HKDF(current secret)");
      // A session_token signed with the old secret is refused.
      const oldSigned = `${u.token}.${createHmac("sha256", OLD).update(u.token).digest("base64")}`;
      const gOld = await get(`${s.auth}/get-session`, { headers: { cookie: `better-auth.session_token=${encodeURIComponent(oldSigned)}` } });
      check(gOld.text === "null", `${strategy}: session_token signed with the old secret: null`);
      // A cache cookie made with the old secret (or BA_SECRET, the legacy secret): only jwe accepts it.
      const real = (await openCache(strategy, sd, { secret: NEW })).data;
      const forged = { session: real.session, user: { ...real.user, name: "FROM-FORGED-CACHE" }, updatedAt: Date.now(), version: "1" };
      for (const [which, key] of [["old version-1 secret", OLD], ["legacy BA_SECRET", SECRET]]) {
        let value;
        if (strategy === "jwe") {
          const k = hkdfKey(key);
          const kid = await calculateJwkThumbprint({ kty: "oct", k: base64url.encode(k) }, "sha256");
          value = await new EncryptJWT(forged).setProtectedHeader({ alg: "dir", enc: "A256CBC-HS512", kid }).setIssuedAt().setExpirationTime("5m").setJti(randomUUID()).encrypt(k);
        } else if (strategy === "jwt") {
          value = await new SignJWT(forged).setProtectedHeader({ alg: "HS256" }).setIssuedAt().setExpirationTime("5m").sign(new TextEncoder().encode(key));
        } else {
          const expiresAt = Date.now() + 300000;
          const signature = createHmac("sha256", key).update(JSON.stringify({ ...forged, expiresAt })).digest("base64url");
          value = Buffer.from(JSON.stringify({ session: forged, expiresAt, signature })).toString("base64url");
        }
        const g = await get(`${s.auth}/get-session`, { headers: { cookie: `better-auth.session_token=${u.res.cookie("better-auth.session_token")}; better-auth.session_data=${value}` } });
        const accepted = g.json?.user?.name === "FROM-FORGED-CACHE";
        if (strategy === "jwe") check(accepted, `jwe: cache encrypted with the ${which} is accepted (decryption tries every secret)`);
        else check(!accepted && g.json?.session?.token === u.token, `${strategy}: cache signed with the ${which} is refused (falls back to the database)`);
      }
    });
  }
};

// ---- OAuth --------------------------------------------------------------------------
function pkce() {
  const verifier = base64url.encode(randomBytes(32));
  return { verifier, challenge: base64url.encode(createHash("sha256").update(verifier).digest()) };
}
async function authorize(s, auth, { scope = "openid profile email offline_access tasks:read", resource = RESOURCE, extra = {} } = {}) {
  const { verifier, challenge } = pkce();
  const q = new URLSearchParams({ response_type: "code", client_id: CLIENT.id, redirect_uri: REDIRECT, scope, state: "xyz-state", code_challenge: challenge, code_challenge_method: "S256", ...extra });
  if (resource) q.append("resource", resource);
  const res = await get(`${s.auth}/oauth2/authorize?${q}`, { headers: auth });
  const location = res.headers.location ? new URL(res.headers.location, s.origin) : undefined;
  return { res, location, code: location?.searchParams.get("code"), verifier, query: q.toString() };
}
async function dpopKey(alg = "ES256") {
  const { privateKey, publicKey } = await generateKeyPair(alg);
  const jwk = await exportJWK(publicKey);
  return {
    jwk,
    jkt: await calculateJwkThumbprint(jwk, "sha256"),
    proof: ({ htm, htu, ath, iat = Math.floor(Date.now() / 1000), jti = randomUUID(), typ = "dpop+jwt", header = {} }) =>
      new SignJWT({ htm, htu, jti, iat, ...(ath ? { ath } : {}) }).setProtectedHeader({ typ, alg, jwk, ...header }).sign(privateKey),
  };
}
const ath = (token) => base64url.encode(createHash("sha256").update(token).digest());

suites.oauth = async () => withServer({ BA_OAUTH_PROVIDER: "true" }, async (s) => {
  const base = s.auth;
  // discovery
  const asMeta = await get(`${s.origin}/.well-known/oauth-authorization-server/api/auth`);
  example("asMetadata", exchange({ method: "GET", path: "/.well-known/oauth-authorization-server/api/auth" }, asMeta));
  check(asMeta.status === 200 && asMeta.json.issuer === base, "RFC 8414 metadata at /.well-known/oauth-authorization-server/api/auth, issuer = origin + /api/auth");
  const asMeta2 = await get(`${base}/.well-known/oauth-authorization-server`);
  eq(asMeta2.json, asMeta.json, "same metadata at /api/auth/.well-known/oauth-authorization-server");
  const oidc = await get(`${base}/.well-known/openid-configuration`);
  example("openidConfiguration", exchange({ method: "GET", path: "/api/auth/.well-known/openid-configuration" }, oidc));
  check(oidc.status === 200 && oidc.json.issuer === base, "OIDC discovery at /api/auth/.well-known/openid-configuration");
  check((await get(`${s.origin}/.well-known/oauth-authorization-server`)).status === 404, "nothing at the origin root /.well-known/oauth-authorization-server (404)");
  check((await get(`${s.origin}/.well-known/openid-configuration`)).status === 404, "nothing at the origin root /.well-known/openid-configuration (404)");
  eq([asMeta.json.token_endpoint, asMeta.json.introspection_endpoint, asMeta.json.jwks_uri],
    [`${base}/oauth2/token`, `${base}/oauth2/introspect`, `${base}/jwks`], "token / introspection / jwks endpoints");
  eq(asMeta.json.dpop_signing_alg_values_supported, ["EdDSA", "ES256", "ES512", "PS256", "RS256"], "dpop_signing_alg_values_supported");
  check(asMeta.json.backchannel_logout_supported === true, "backchannel_logout_supported: true");
  const jwks = await jwksOf(s);

  // client_credentials with resource -> JWT
  const ccForm = { grant_type: "client_credentials", resource: RESOURCE, scope: "tasks:read" };
  const cc = await post(`${base}/oauth2/token`, { headers: { authorization: basic(CLIENT.id, CLIENT.secret) }, form: ccForm });
  example("clientCredentialsJwt", exchange({ method: "POST", path: "/api/auth/oauth2/token", headers: { Authorization: "Basic base64(client_id:client_secret)", "Content-Type": "application/x-www-form-urlencoded" }, form: ccForm }, cc));
  check(cc.status === 200 && cc.json.token_type === "Bearer" && cc.json.expires_in === 3600, "client_credentials + resource: 200, Bearer, expires_in 3600");
  eq(keysOf(cc.json), ["access_token", "expires_at", "expires_in", "scope", "token_type"], "token response keys");
  const ccJwt = decodeJwt(cc.json.access_token);
  eq(keysOf(ccJwt.header), ["alg", "kid", "typ"], "at+jwt header keys");
  eq(ccJwt.header.typ, "at+jwt", "header typ at+jwt");
  eq(keysOf(ccJwt.payload), ["aud", "azp", "client_id", "exp", "iat", "iss", "jti", "scope", "sub"], "client_credentials claims (no sid)");
  eq([ccJwt.payload.sub, ccJwt.payload.aud, ccJwt.payload.client_id, ccJwt.payload.azp, ccJwt.payload.scope, ccJwt.payload.iss],
    [CLIENT.id, RESOURCE, CLIENT.id, CLIENT.id, "tasks:read", base], "sub = client_id, aud = resource (string), iss = origin/api/auth");
  check(ccJwt.payload.exp - ccJwt.payload.iat === 3600 && ccJwt.payload.jti.length === 32, "exp = iat + 3600, jti 32 chars");
  try {
    await jwtVerify(cc.json.access_token, jwks, { issuer: base, audience: RESOURCE, typ: "at+jwt" });
    check(true, "at+jwt verifies against /api/auth/jwks");
  } catch (e) { check(false, "at+jwt verifies against /api/auth/jwks", e.message); }
  const defaultScope = await post(`${base}/oauth2/token`, { headers: { authorization: basic(CLIENT.id, CLIENT.secret) }, form: { grant_type: "client_credentials", resource: RESOURCE } });
  eq(defaultScope.json.scope, "tasks:read tasks:write", "client_credentials without scope: all client_credentials scopes");

  // errors
  const notConfigured = await post(`${base}/oauth2/token`, { headers: { authorization: basic(CLIENT.id, CLIENT.secret) }, form: { grant_type: "client_credentials", resource: "https://other.example.test" } });
  example("tokenInvalidTarget", exchange({ method: "POST", path: "/api/auth/oauth2/token" }, notConfigured));
  check(notConfigured.status === 400 && notConfigured.json.error === "invalid_target", "unknown resource: 400 invalid_target");
  const oidcScope = await post(`${base}/oauth2/token`, { headers: { authorization: basic(CLIENT.id, CLIENT.secret) }, form: { grant_type: "client_credentials", scope: "openid" } });
  check(oidcScope.status === 400 && oidcScope.json.error === "invalid_scope", "client_credentials with openid: 400 invalid_scope");
  const badSecret = await post(`${base}/oauth2/token`, { headers: { authorization: basic(CLIENT.id, "nope") }, form: { grant_type: "client_credentials" } });
  example("tokenBadSecret", exchange({ method: "POST", path: "/api/auth/oauth2/token" }, badSecret));
  check(badSecret.status === 401 && badSecret.json.error === "invalid_client" && badSecret.headers["www-authenticate"] === "Basic", "wrong client secret: 401 invalid_client, WWW-Authenticate: Basic");
  const wrongMethod = await post(`${base}/oauth2/token`, { form: { grant_type: "client_credentials", client_id: CLIENT.id, client_secret: CLIENT.secret } });
  check(wrongMethod.status === 400 && wrongMethod.json.error === "invalid_client", "client_secret_post for a client_secret_basic client: 400 invalid_client");

  // client_credentials without resource -> opaque
  const opaque = await post(`${base}/oauth2/token`, { headers: { authorization: basic(CLIENT.id, CLIENT.secret) }, form: { grant_type: "client_credentials" } });
  example("clientCredentialsOpaque", exchange({ method: "POST", path: "/api/auth/oauth2/token", form: { grant_type: "client_credentials" } }, opaque));
  check(/^[A-Za-z]{32}$/.test(opaque.json.access_token), "client_credentials without resource: opaque 32-letter token");

  // introspection
  const intro = (token, auth, extra = {}) => post(`${base}/oauth2/introspect`, { headers: auth.header ?? {}, form: { token, ...auth.form, ...extra } });
  const asClient = { header: { authorization: basic(CLIENT.id, CLIENT.secret) } };
  const asRs = { form: { client_id: RS.id, client_secret: RS.secret } };
  const i1 = await intro(cc.json.access_token, asRs, { token_type_hint: "access_token" });
  example("introspectJwtByResourceServer", exchange({ method: "POST", path: "/api/auth/oauth2/introspect", headers: { "Content-Type": "application/x-www-form-urlencoded" }, form: { token: "<at+jwt>", token_type_hint: "access_token", client_id: RS.id, client_secret: RS.secret } }, i1));
  check(i1.status === 200 && i1.json.active === true && i1.json.aud === RESOURCE && i1.json.token_type === "Bearer", "introspect JWT by the resource-server client (client_secret_post): active, aud reported");
  eq(keysOf(i1.json), ["active", "aud", "azp", "client_id", "exp", "iat", "iss", "jti", "scope", "sub", "token_type"], "introspection keys for a client_credentials JWT");
  const i2 = await intro(cc.json.access_token, asClient);
  check(i2.json.active === true, "introspect JWT by the issuing client (client_secret_basic): active");
  const i3 = await intro(opaque.json.access_token, asClient);
  example("introspectOpaqueM2M", exchange({ method: "POST", path: "/api/auth/oauth2/introspect", form: { token: "<opaque>" } }, i3));
  check(i3.json.active === true && i3.json.aud === undefined && i3.json.sub === undefined, "introspect opaque M2M token by its client: active, no aud, no sub");
  const i4 = await intro(opaque.json.access_token, asRs);
  check(i4.status === 200 && i4.text === '{"active":false}', "opaque token without resource, asked by the resource server: {active:false}");
  const i5 = await intro("not-a-token", asRs);
  example("introspectUnknown", exchange({ method: "POST", path: "/api/auth/oauth2/introspect", form: { token: "not-a-token" } }, i5));
  check(i5.status === 200 && i5.text === '{"active":false}', "unknown token: 200 {active:false}");
  const i6 = await intro(cc.json.access_token, { form: { client_id: RS.id, client_secret: "nope" } });
  example("introspectWrongSecretPost", exchange({ method: "POST", path: "/api/auth/oauth2/introspect", form: { token: "<at+jwt>", client_id: RS.id, client_secret: "nope" } }, i6));
  check(i6.status === 400 && i6.json.error === "invalid_client", "introspection with a wrong secret (client_secret_post): 400 invalid_client (401 + WWW-Authenticate only for Basic)", [i6.status, i6.text]);
  const i6b = await intro(cc.json.access_token, { header: { authorization: basic(RS.id, "nope") } });
  check(i6b.status === 401 && i6b.json.error === "invalid_client" && /cannot use client_secret_basic/.test(i6b.json.error_description), "Basic credentials for a client_secret_post client: 401 invalid_client", [i6b.status, i6b.text]);
  const i7 = await intro(cc.json.access_token, {});
  example("introspectNoClientAuth", exchange({ method: "POST", path: "/api/auth/oauth2/introspect", form: { token: "<at+jwt>" } }, i7));
  check(i7.status === 401 && i7.json.error === "invalid_client", "introspection without client authentication: 401 invalid_client");
  const i8 = await intro(`Bearer ${cc.json.access_token}`, asRs);
  check(i8.json.active === true, "introspection strips a 'Bearer ' prefix in the token parameter");
  const tamperedJwt = cc.json.access_token.slice(0, -4) + (cc.json.access_token.endsWith("AAAA") ? "BBBB" : "AAAA");
  // Upstream behaviour in 1.7.5: jose's JWSSignatureVerificationFailed is not mapped to
  // {active:false}; the endpoint logs "Introspection error" and answers 500 with an empty body.
  const [th, tp, ts] = cc.json.access_token.split(".");
  const flipped = Buffer.from(ts, "base64url"); flipped[0] ^= 1;
  const tj = await intro(`${th}.${tp}.${base64url.encode(flipped)}`, asRs);
  example("introspectBadSignature", exchange({ method: "POST", path: "/api/auth/oauth2/introspect", form: { token: "<at+jwt with one signature bit flipped>" } }, tj));
  check(tj.status === 500 && tj.text === "", "JWT with a broken signature: 500, empty body (upstream bug, not {active:false})", [tj.status, tj.text]);
  const forgedPayload = base64url.encode(JSON.stringify({ ...ccJwt.payload, scope: "tasks:write" }));
  check((await intro(`${th}.${forgedPayload}.${ts}`, asRs)).status === 500, "JWT with an altered payload: 500 too");
  const otherKey = await generateKeyPair("EdDSA");
  const foreign = await new SignJWT({ ...ccJwt.payload }).setProtectedHeader({ alg: "EdDSA", typ: "at+jwt", kid: "not-a-known-kid" }).sign(otherKey.privateKey);
  const fk = await intro(foreign, asRs);
  check(fk.status === 500 && fk.text === "", "JWT with an unknown kid: 500 too (JWKSNoMatchingKey is not mapped either)", [fk.status, fk.text]);
  check((await intro(`${th}.${tp}`, asRs)).text === '{"active":false}', "two-part token: {active:false}");

  // authorization code + PKCE, driven over HTTP with the session cookie
  const user = await signUp(s, {}, { name: "Olga" });
  const az = await authorize(s, { cookie: user.cookie });
  example("authorize", { request: { method: "GET", path: `/api/auth/oauth2/authorize?${az.query}`, headers: { Cookie: "better-auth.session_token=<token.sig>" } }, status: az.res.status, headers: shownHeaders(az.res) });
  check(az.res.status === 302 && az.location?.origin + az.location?.pathname === REDIRECT && az.code, "authorize with a session cookie (skip_consent client): 302 to redirect_uri with code");
  eq([az.location.searchParams.get("state"), az.location.searchParams.get("iss")], ["xyz-state", base], "redirect carries state and iss");
  const azJson = await get(`${base}/oauth2/authorize?${az.query}`, { headers: { cookie: user.cookie, accept: "application/json" } });
  check(azJson.status === 200 && azJson.json.redirect === true && azJson.json.url.startsWith(`${REDIRECT}?code=`), "with Accept: application/json: 200 {redirect:true,url}");
  const azBearer = await authorize(s, { authorization: `Bearer ${user.bearer}` });
  check(azBearer.res.status === 302 && azBearer.code, "authorize with Authorization: Bearer <token.sig> works too");
  const azAnon = await authorize(s, {});
  check(azAnon.res.status === 302 && azAnon.location.pathname === "/sign-in" && azAnon.location.searchParams.get("sig"), "authorize without a session: 302 to loginPage /sign-in?...&sig=...");
  const tokenForm = { grant_type: "authorization_code", code: az.code, redirect_uri: REDIRECT, code_verifier: az.verifier, resource: RESOURCE };
  const ac = await post(`${base}/oauth2/token`, { headers: { authorization: basic(CLIENT.id, CLIENT.secret) }, form: tokenForm });
  example("authorizationCodeToken", exchange({ method: "POST", path: "/api/auth/oauth2/token", headers: { Authorization: "Basic base64(client_id:client_secret)" }, form: { ...tokenForm, code: "<code>", code_verifier: "<verifier>" } }, ac));
  check(ac.status === 200 && ac.json.token_type === "Bearer" && ac.json.refresh_token && ac.json.id_token, "code exchange: access_token + refresh_token + id_token");
  const at = decodeJwt(ac.json.access_token);
  eq(keysOf(at.payload), ["aud", "azp", "client_id", "exp", "iat", "iss", "jti", "scope", "sid", "sub"], "user access token claims (with sid)");
  eq(at.payload.aud, [RESOURCE, `${base}/oauth2/userinfo`], "aud = [resource, {base}/oauth2/userinfo] when openid is granted");
  check(at.payload.sub === user.userId && at.payload.scope === "openid profile email offline_access tasks:read", "sub = user id, scope as granted");
  const sessionId = (await get(`${base}/get-session`, { headers: { cookie: user.cookie } })).json.session.id;
  eq(at.payload.sid, sessionId, "sid = Better Auth session id (not the session token)");
  const idt = decodeJwt(ac.json.id_token);
  eq(idt.header, { alg: "EdDSA", kid: ccJwt.header.kid }, "ID token header {alg,kid}: no typ");
  eq(keysOf(idt.payload), ["acr", "at_hash", "aud", "auth_time", "exp", "iat", "iss", "sub"], "ID token claims (no nonce requested, no sid)");
  check(idt.payload.aud === CLIENT.id && idt.payload.exp - idt.payload.iat === 36000, "ID token aud = client_id, lifetime 36000 s");
  const half = createHash("sha512").update(ac.json.access_token).digest().subarray(0, 32);
  eq(idt.payload.at_hash, base64url.encode(half), "at_hash = left half of SHA-512 (EdDSA) of the access token");
  try { await jwtVerify(ac.json.id_token, jwks, { issuer: base, audience: CLIENT.id }); check(true, "ID token verifies against the same JWKS"); } catch (e) { check(false, "ID token verifies", e.message); }
  const badVerifier = await authorize(s, { cookie: user.cookie });
  const bv = await post(`${base}/oauth2/token`, { headers: { authorization: basic(CLIENT.id, CLIENT.secret) }, form: { ...tokenForm, code: badVerifier.code, code_verifier: pkce().verifier } });
  check(bv.status === 401 && bv.json.error === "invalid_request", `wrong code_verifier: 401 invalid_request (${bv.status})`);

  // nonce -> ID token nonce
  const withNonce = await authorize(s, { cookie: user.cookie }, { extra: { nonce: "n-0S6_WzA2Mj" } });
  const tn = await post(`${base}/oauth2/token`, { headers: { authorization: basic(CLIENT.id, CLIENT.secret) }, form: { ...tokenForm, code: withNonce.code, code_verifier: withNonce.verifier } });
  eq(decodeJwt(tn.json.id_token).payload.nonce, "n-0S6_WzA2Mj", "nonce is echoed in the ID token");

  // without resource -> opaque user token
  const azOpaque = await authorize(s, { cookie: user.cookie }, { resource: null });
  const op = await post(`${base}/oauth2/token`, { headers: { authorization: basic(CLIENT.id, CLIENT.secret) }, form: { grant_type: "authorization_code", code: azOpaque.code, redirect_uri: REDIRECT, code_verifier: azOpaque.verifier } });
  check(/^[A-Za-z]{32}$/.test(op.json.access_token) && op.json.id_token, "authorization code without resource: opaque access token (+ ID token)");
  const iop = await intro(op.json.access_token, asClient);
  example("introspectOpaqueUser", exchange({ method: "POST", path: "/api/auth/oauth2/introspect", form: { token: "<opaque>" } }, iop));
  check(iop.json.active === true && iop.json.sub === user.userId && iop.json.sid === sessionId && iop.json.aud === undefined, "introspect opaque user token: active, sub, sid, no aud");

  // introspection of the user JWT by the resource server, refresh token by the client
  const iu = await intro(ac.json.access_token, asRs);
  example("introspectUserJwt", exchange({ method: "POST", path: "/api/auth/oauth2/introspect", form: { token: "<at+jwt>", client_id: RS.id, client_secret: RS.secret } }, iu));
  check(iu.json.active === true && iu.json.sid === sessionId, "introspect user JWT: active, sid");
  const ir = await intro(ac.json.refresh_token, asClient, { token_type_hint: "refresh_token" });
  example("introspectRefresh", exchange({ method: "POST", path: "/api/auth/oauth2/introspect", form: { token: "<refresh_token>", token_type_hint: "refresh_token" } }, ir));
  check(ir.json.active === true && ir.json.exp - ir.json.iat === 2592000, "introspect refresh token (issuing client): active, 30-day exp", ir.text);
  check((await intro(ac.json.refresh_token, asRs, { token_type_hint: "refresh_token" })).text === '{"active":false}', "refresh token asked by another client: {active:false}");

  // userinfo
  const ui = await get(`${base}/oauth2/userinfo`, { headers: { authorization: `Bearer ${ac.json.access_token}` } });
  example("userinfo", exchange({ method: "GET", path: "/api/auth/oauth2/userinfo", headers: { Authorization: "Bearer <at+jwt>" } }, ui));
  check(ui.status === 200 && ui.json.sub === user.userId, "userinfo with the access token");

  // refresh
  const rf = await post(`${base}/oauth2/token`, { headers: { authorization: basic(CLIENT.id, CLIENT.secret) }, form: { grant_type: "refresh_token", refresh_token: ac.json.refresh_token } });
  check(rf.status === 200 && rf.json?.refresh_token !== ac.json.refresh_token && decodeJwt(rf.json.access_token).payload.sid === sessionId, "refresh_token grant: new access token (same sid) and a rotated refresh token", rf.text);
  eq(decodeJwt(rf.json.access_token).payload.aud, [RESOURCE, `${base}/oauth2/userinfo`], "refreshed token keeps the resource audience");
  const rf2 = await post(`${base}/oauth2/token`, { headers: { authorization: basic(CLIENT.id, CLIENT.secret) }, form: { grant_type: "refresh_token", refresh_token: ac.json.refresh_token } });
  check(rf2.status === 400 && rf2.json.error === "invalid_grant", "reusing a rotated refresh token: 400 invalid_grant (and the family is revoked)");

  // code replay: refused, and the refresh/opaque tokens issued for that code are deleted
  const azR = await authorize(s, { cookie: user.cookie }, { resource: null });
  const formR = { grant_type: "authorization_code", code: azR.code, redirect_uri: REDIRECT, code_verifier: azR.verifier };
  const first = await post(`${base}/oauth2/token`, { headers: { authorization: basic(CLIENT.id, CLIENT.secret) }, form: formR });
  const reuse = await post(`${base}/oauth2/token`, { headers: { authorization: basic(CLIENT.id, CLIENT.secret) }, form: formR });
  example("codeReuse", exchange({ method: "POST", path: "/api/auth/oauth2/token", form: { grant_type: "authorization_code", code: "<already used>" } }, reuse));
  check(reuse.status === 400 && reuse.json.error === "invalid_grant", "code reuse: 400 invalid_grant");
  check((await intro(first.json.access_token, asClient)).text === '{"active":false}' && (await intro(first.json.refresh_token, asClient)).text === '{"active":false}', "code reuse revokes the opaque access token and refresh token issued for that code");

  // sign-out -> tokens bound to the session become inactive
  const user2 = await signUp(s, {}, { name: "Paul" });
  const az2 = await authorize(s, { cookie: user2.cookie });
  const t2 = await post(`${base}/oauth2/token`, { headers: { authorization: basic(CLIENT.id, CLIENT.secret) }, form: { ...tokenForm, code: az2.code, code_verifier: az2.verifier } });
  const az3 = await authorize(s, { cookie: user2.cookie }, { resource: null, scope: "openid tasks:read" });
  const t3 = await post(`${base}/oauth2/token`, { headers: { authorization: basic(CLIENT.id, CLIENT.secret) }, form: { grant_type: "authorization_code", code: az3.code, redirect_uri: REDIRECT, code_verifier: az3.verifier } });
  check(t3.json.refresh_token === undefined, "no offline_access: no refresh token");
  check((await intro(t2.json.access_token, asRs)).json.active === true, "before sign-out: JWT active");
  const so = await post(`${base}/sign-out`, { headers: { cookie: user2.cookie, origin: s.origin } });
  check(so.status === 200, "user signs out (cookie + Origin)");
  const after1 = await intro(t2.json.access_token, asRs);
  example("introspectAfterSignOut", exchange({ method: "POST", path: "/api/auth/oauth2/introspect", form: { token: "<at+jwt of the signed-out session>" } }, after1));
  check(after1.text === '{"active":false}', "after sign-out: the user JWT (sid) introspects {active:false}");
  check((await intro(t3.json.access_token, asClient)).text === '{"active":false}', "after sign-out: the opaque user token introspects {active:false}");
  const rAfter = await intro(t2.json.refresh_token, asClient, { token_type_hint: "refresh_token" });
  check(rAfter.json.active === true && rAfter.json.sid === undefined, "after sign-out: an offline_access refresh token stays active (sid dropped)");
  const rUse = await post(`${base}/oauth2/token`, { headers: { authorization: basic(CLIENT.id, CLIENT.secret) }, form: { grant_type: "refresh_token", refresh_token: t2.json.refresh_token } });
  const rUseAt = rUse.json?.access_token ? decodeJwt(rUse.json.access_token).payload : {};
  const rUseI = rUse.json?.access_token ? await intro(rUse.json.access_token, asRs) : {};
  example("refreshAfterSignOut", { status: rUse.status, accessTokenClaims: rUseAt, introspection: rUseI.json });
  // Memory adapter: the schema's onDelete "set null" on oauthRefreshToken.sessionId is not applied, so the new
  // token inherits the ended session's sid and introspects inactive (a SQL database would clear the sid).
  check(rUse.status === 200 && rUseAt.sid === decodeJwt(t2.json.access_token).payload.sid && rUseI.text === '{"active":false}', "after sign-out: the refresh grant still answers 200, but here the new JWT carries the ended sid and introspects {active:false}");
  try { await jwtVerify(t2.json.access_token, jwks, { issuer: base, audience: RESOURCE }); check(true, "after sign-out: the JWT still verifies offline (only introspection knows)"); } catch (e) { check(false, "JWT still verifies offline", e.message); }
  check((await get(`${base}/oauth2/userinfo`, { headers: { authorization: `Bearer ${t2.json.access_token}` } })).status === 401, "after sign-out: userinfo 401");
  check((await intro(cc.json.access_token, asRs)).json.active === true, "M2M tokens are not affected by a user's sign-out");

  // ---- DPoP
  const key = await dpopKey("ES256");
  const htu = `${base}/oauth2/token`;
  const proof1 = await key.proof({ htm: "POST", htu });
  example("dpopProof", { header: decodeProtectedHeader(proof1), payload: decodeJwt(proof1).payload });
  const dForm = { grant_type: "client_credentials", resource: RESOURCE };
  const d1 = await post(`${base}/oauth2/token`, { headers: { authorization: basic(CLIENT.id, CLIENT.secret), dpop: proof1 }, form: dForm });
  example("dpopToken", exchange({ method: "POST", path: "/api/auth/oauth2/token", headers: { Authorization: "Basic ...", DPoP: "<proof>" }, form: dForm }, d1));
  check(d1.status === 200 && d1.json.token_type === "DPoP", "token request with a DPoP proof: token_type DPoP");
  const dJwt = decodeJwt(d1.json.access_token).payload;
  eq(dJwt.cnf, { jkt: key.jkt }, "cnf.jkt = RFC 7638 SHA-256 thumbprint of the proof's jwk");
  const di = await intro(d1.json.access_token, asRs);
  check(di.json.active === true && di.json.token_type === "DPoP" && di.json.cnf?.jkt === key.jkt, "introspection: token_type DPoP, cnf.jkt");
  const replay = await post(`${base}/oauth2/token`, { headers: { authorization: basic(CLIENT.id, CLIENT.secret), dpop: proof1 }, form: dForm });
  example("dpopReplay", exchange({ method: "POST", path: "/api/auth/oauth2/token", headers: { DPoP: "<same proof again>" } }, replay));
  check(replay.status === 400 && replay.json.error === "invalid_dpop_proof" && /already been used/.test(replay.json.error_description), "replayed proof: 400 invalid_dpop_proof (jti already used)");
  const bad = async (label, opts, pattern) => {
    const r = await post(`${base}/oauth2/token`, { headers: { authorization: basic(CLIENT.id, CLIENT.secret), dpop: await key.proof({ htm: "POST", htu, ...opts }) }, form: dForm });
    check(r.status === 400 && r.json.error === "invalid_dpop_proof" && pattern.test(r.json.error_description), `${label}: 400 invalid_dpop_proof (${r.json?.error_description})`);
  };
  await bad("htm GET", { htm: "GET" }, /htm/);
  await bad("htu of another host", { htu: `http://localhost:${s.port}/api/auth/oauth2/token` }, /htu/);
  await bad("iat 301 s old", { iat: Math.floor(Date.now() / 1000) - 301 }, /iat/);
  await bad("iat 10 s ahead", { iat: Math.floor(Date.now() / 1000) + 10 }, /iat/);
  await bad("typ JWT", { typ: "JWT" }, /typ/);
  const es384 = await dpopKey("ES384");
  const r384 = await post(`${base}/oauth2/token`, { headers: { authorization: basic(CLIENT.id, CLIENT.secret), dpop: await es384.proof({ htm: "POST", htu }) }, form: dForm });
  check(r384.status === 400 && /unsupported JWS algorithm/.test(r384.json.error_description), `ES384 proof: 400 (${r384.json?.error_description})`);
  const noDpop = await post(`${base}/oauth2/token`, { headers: { authorization: basic(CLIENT.id, CLIENT.secret) }, form: dForm });
  check(noDpop.json.token_type === "Bearer" && decodeJwt(noDpop.json.access_token).payload.cnf === undefined, "same request without a DPoP header: a plain Bearer token (DPoP is opt-in per request)");
  const dOpaque = await post(`${base}/oauth2/token`, { headers: { authorization: basic(CLIENT.id, CLIENT.secret), dpop: await key.proof({ htm: "POST", htu }) }, form: { grant_type: "client_credentials" } });
  const dOpaqueI = await intro(dOpaque.json.access_token, asClient);
  check(dOpaque.json.token_type === "DPoP" && dOpaqueI.json.token_type === "DPoP" && dOpaqueI.json.cnf?.jkt === key.jkt, "opaque token + DPoP proof: bound too (token_type DPoP, cnf.jkt in introspection)");
  const okQuery = await post(`${base}/oauth2/token`, { headers: { authorization: basic(CLIENT.id, CLIENT.secret), dpop: await key.proof({ htm: "POST", htu: `${htu}?ignored=1` }) }, form: dForm });
  check(okQuery.status === 200, "htu with a query string is accepted (query is ignored)");
  const lower = await post(`${base}/oauth2/token`, { headers: { authorization: basic(CLIENT.id, CLIENT.secret), dpop: await key.proof({ htm: "post", htu }) }, form: dForm });
  check(lower.status === 200, "htm is compared case-insensitively");
  const ed = await dpopKey("EdDSA");
  const dEd = await post(`${base}/oauth2/token`, { headers: { authorization: basic(CLIENT.id, CLIENT.secret), dpop: await ed.proof({ htm: "POST", htu }) }, form: dForm });
  check(dEd.json.token_type === "DPoP" && decodeJwt(dEd.json.access_token).payload.cnf.jkt === ed.jkt, "EdDSA (Ed25519) proof key works too");
  // DPoP for a user token via authorization code; the refresh token is bound too.
  const user3 = await signUp(s, {}, { name: "Dora" });
  const az4 = await authorize(s, { cookie: user3.cookie });
  const t4 = await post(`${base}/oauth2/token`, { headers: { authorization: basic(CLIENT.id, CLIENT.secret), dpop: await key.proof({ htm: "POST", htu }) }, form: { ...tokenForm, code: az4.code, code_verifier: az4.verifier } });
  check(t4.json.token_type === "DPoP" && decodeJwt(t4.json.access_token).payload.cnf.jkt === key.jkt, "authorization code + DPoP proof: DPoP-bound user token");
  const r4 = await post(`${base}/oauth2/token`, { headers: { authorization: basic(CLIENT.id, CLIENT.secret) }, form: { grant_type: "refresh_token", refresh_token: t4.json.refresh_token } });
  check(r4.status === 400 && r4.json.error === "invalid_dpop_proof", "refreshing a DPoP-bound refresh token without a proof: 400 invalid_dpop_proof");
  const r5 = await post(`${base}/oauth2/token`, { headers: { authorization: basic(CLIENT.id, CLIENT.secret), dpop: await ed.proof({ htm: "POST", htu }) }, form: { grant_type: "refresh_token", refresh_token: t4.json.refresh_token } });
  check(r5.status === 400 && /does not match/.test(r5.json.error_description), "...with another key's proof: 400 (key does not match)");
  // Resource request (Better Auth's own resource-server check, at /oauth2/userinfo).
  const uiUrl = `${base}/oauth2/userinfo`;
  const uiOk = await get(uiUrl, { headers: { authorization: `DPoP ${t4.json.access_token}`, dpop: await key.proof({ htm: "GET", htu: uiUrl, ath: ath(t4.json.access_token) }) } });
  example("dpopResourceProof", { header: decodeProtectedHeader(await key.proof({ htm: "GET", htu: uiUrl, ath: ath(t4.json.access_token) })), status: uiOk.status });
  check(uiOk.status === 200 && uiOk.json.sub === user3.userId, "resource request: Authorization: DPoP <token> + DPoP proof {htm:GET, htu, ath}: 200");
  const uiBearer = await get(uiUrl, { headers: { authorization: `Bearer ${t4.json.access_token}` } });
  example("dpopTokenAsBearer", exchange({ method: "GET", path: "/api/auth/oauth2/userinfo", headers: { Authorization: "Bearer <DPoP-bound token>" } }, uiBearer));
  check(uiBearer.status === 401, "DPoP-bound token with the Bearer scheme: 401");
  const uiNoAth = await get(uiUrl, { headers: { authorization: `DPoP ${t4.json.access_token}`, dpop: await key.proof({ htm: "GET", htu: uiUrl }) } });
  check(uiNoAth.status === 401 && /ath/.test(uiNoAth.json?.error_description ?? ""), `resource proof without ath: 401 (${uiNoAth.json?.error_description})`);
  const uiWrongKey = await get(uiUrl, { headers: { authorization: `DPoP ${t4.json.access_token}`, dpop: await ed.proof({ htm: "GET", htu: uiUrl, ath: ath(t4.json.access_token) }) } });
  check(uiWrongKey.status === 401, "resource proof signed by another key: 401");
  const uiDpopForBearer = await get(uiUrl, { headers: { authorization: `DPoP ${ac.json.access_token}`, dpop: await key.proof({ htm: "GET", htu: uiUrl, ath: ath(ac.json.access_token) }) } });
  check(uiDpopForBearer.status === 401, "DPoP scheme with an unbound token: 401");
});

suites["oauth-opaque"] = async () => withServer({ BA_OAUTH_PROVIDER: "true", BA_OAUTH_DISABLE_JWT: "true" }, async (s) => {
  const base = s.auth;
  const meta = (await get(`${base}/.well-known/openid-configuration`)).json;
  example("openidConfigurationNoJwt", meta);
  check(meta.jwks_uri === undefined && JSON.stringify(meta.id_token_signing_alg_values_supported) === '["HS256"]' && meta.backchannel_logout_supported === false, "disableJwtPlugin: no jwks_uri, ID tokens HS256, no back-channel logout");
  const cc = await post(`${base}/oauth2/token`, { headers: { authorization: basic(CLIENT.id, CLIENT.secret) }, form: { grant_type: "client_credentials", resource: RESOURCE } });
  check(/^[A-Za-z]{32}$/.test(cc.json.access_token), "disableJwtPlugin: client_credentials + resource -> opaque token");
  const i = await post(`${base}/oauth2/introspect`, { form: { token: cc.json.access_token, client_id: RS.id, client_secret: RS.secret } });
  example("introspectOpaqueWithResource", exchange({ method: "POST", path: "/api/auth/oauth2/introspect", form: { token: "<opaque>", client_id: RS.id, client_secret: RS.secret } }, i));
  check(i.json.active === true && JSON.stringify(i.json.aud) === JSON.stringify(RESOURCE) && i.json.sub === undefined, "introspect by the resource server: active, aud = resource (the resource server is linked to it)");
  const user = await signUp(s);
  const az = await authorize(s, { cookie: user.cookie });
  const t = await post(`${base}/oauth2/token`, { headers: { authorization: basic(CLIENT.id, CLIENT.secret) }, form: { grant_type: "authorization_code", code: az.code, redirect_uri: REDIRECT, code_verifier: az.verifier, resource: RESOURCE } });
  check(/^[A-Za-z]{32}$/.test(t.json.access_token), "disableJwtPlugin: user access token opaque even with a resource");
  const iu = await post(`${base}/oauth2/introspect`, { form: { token: t.json.access_token, client_id: RS.id, client_secret: RS.secret } });
  eq(iu.json.aud, [RESOURCE, `${base}/oauth2/userinfo`], "introspected aud = [resource, userinfo]");
  const idt = decodeJwt(t.json.id_token);
  eq(idt.header, { alg: "HS256" }, "ID token header {alg:HS256}");
  try { await jwtVerify(t.json.id_token, new TextEncoder().encode(CLIENT.secret), { audience: CLIENT.id, issuer: base }); check(true, "ID token HMAC key = the client secret (UTF-8)"); } catch (e) { check(false, "ID token HS256 with client secret", e.message); }
  const so = await post(`${base}/sign-out`, { headers: { authorization: `Bearer ${user.bearer}` } });
  check(so.status === 200 && (await post(`${base}/oauth2/introspect`, { form: { token: t.json.access_token, client_id: RS.id, client_secret: RS.secret } })).text === '{"active":false}', "after sign-out: opaque user token inactive");
  const tok = await get(`${base}/token`, { headers: { authorization: `Bearer ${(await signUp(s)).bearer}` } });
  check(tok.status === 200, "the jwt plugin's own /token still works (plugin installed, just not used by the provider)");
});

suites["oauth-backchannel"] = async () => withServer({ BA_OAUTH_PROVIDER: "true", BA_OAUTH_BACKCHANNEL_LOGOUT: "true" }, async (s) => {
  const base = s.auth;
  const user = await signUp(s);
  const az = await authorize(s, { cookie: user.cookie });
  const t = await post(`${base}/oauth2/token`, { headers: { authorization: basic(CLIENT.id, CLIENT.secret) }, form: { grant_type: "authorization_code", code: az.code, redirect_uri: REDIRECT, code_verifier: az.verifier, resource: RESOURCE } });
  const sessionId = (await get(`${base}/get-session`, { headers: { cookie: user.cookie } })).json.session.id;
  eq(decodeJwt(t.json.id_token).payload.sid, sessionId, "client with backchannel_logout_uri: ID token carries sid");
  check((await get(`${s.origin}/__interop/logout-tokens`)).text === "[]", "no logout token before sign-out");
  await post(`${base}/sign-out`, { headers: { cookie: user.cookie, origin: s.origin } });
  let tokens = [];
  for (let i = 0; i < 20 && !tokens.length; i++) { tokens = (await get(`${s.origin}/__interop/logout-tokens`)).json; if (!tokens.length) await sleep(100); }
  check(tokens.length === 1 && tokens[0].contentType === "application/x-www-form-urlencoded", "sign-out: one logout token POSTed (form-encoded) to the back-channel URI");
  const lt = tokens[0].logout_token;
  const { header, payload } = decodeJwt(lt);
  example("logoutToken", { header, payload });
  eq(keysOf(header), ["alg", "kid", "typ"], "logout token header keys");
  eq(header.typ, "logout+jwt", "typ logout+jwt");
  eq(keysOf(payload), ["aud", "events", "exp", "iat", "iss", "jti", "sid", "sub"], "logout token claims");
  check(payload.aud === CLIENT.id && payload.sub === user.userId && payload.sid === sessionId && payload.iss === base && payload.exp - payload.iat === 120, "aud = client_id, sub, sid, iss, 120 s lifetime");
  eq(payload.events, { "http://schemas.openid.net/event/backchannel-logout": {} }, "events");
  try { await jwtVerify(lt, await jwksOf(s), { typ: "logout+jwt" }); check(true, "logout token verifies against the JWKS"); } catch (e) { check(false, "logout token verifies", e.message); }
});

suites["oauth-options"] = async () => withServer({
  BA_OAUTH_PROVIDER: "true", BA_OAUTH_ACCESS_TOKEN_TTL: "2",
  BA_OAUTH_CLIENT_ID: "my-client", BA_OAUTH_CLIENT_SECRET: "my-client-secret-0123456789",
  BA_OAUTH_CLIENT_AUTH_METHOD: "client_secret_post", BA_OAUTH_INTROSPECT_AUTH_METHOD: "client_secret_basic",
  BA_OAUTH_INTROSPECT_CLIENT_ID: "my-rs", BA_OAUTH_INTROSPECT_CLIENT_SECRET: "my-rs-secret-0123456789",
  BA_OAUTH_REDIRECT_URI: "http://127.0.0.1:9999/cb", BA_OAUTH_RESOURCE: "https://a.example.test/api,https://b.example.test",
  BA_OAUTH_SCOPES: "openid offline_access read write",
}, async (s) => {
  const base = s.auth;
  const c = { client_id: "my-client", client_secret: "my-client-secret-0123456789" };
  const rsAuth = { authorization: basic("my-rs", "my-rs-secret-0123456789") };
  const t = await post(`${base}/oauth2/token`, { form: { grant_type: "client_credentials", ...c, resource: ["https://a.example.test/api", "https://b.example.test"] } });
  const p = decodeJwt(t.json.access_token).payload;
  eq(p.aud, ["https://a.example.test/api", "https://b.example.test"], "two resource parameters -> aud array");
  check(p.exp - p.iat === 2 && t.json.expires_in === 2 && p.scope === "read write", "BA_OAUTH_ACCESS_TOKEN_TTL=2, BA_OAUTH_SCOPES (M2M scopes = non-OIDC ones)");
  check((await post(`${base}/oauth2/introspect`, { headers: rsAuth, form: { token: t.json.access_token } })).json.active === true, "client_secret_post client + client_secret_basic introspector work");
  const user = await signUp(s);
  const { verifier, challenge } = pkce();
  const q = new URLSearchParams({ response_type: "code", client_id: "my-client", redirect_uri: "http://127.0.0.1:9999/cb", scope: "openid read", code_challenge: challenge, code_challenge_method: "S256", resource: "https://b.example.test" });
  const az = await get(`${base}/oauth2/authorize?${q}`, { headers: { cookie: user.cookie } });
  const loc = new URL(az.headers.location);
  check(az.status === 302 && loc.origin === "http://127.0.0.1:9999", "http loopback redirect URI (client registered as application_type native)");
  const ut = await post(`${base}/oauth2/token`, { form: { grant_type: "authorization_code", ...c, code: loc.searchParams.get("code"), redirect_uri: "http://127.0.0.1:9999/cb", code_verifier: verifier } });
  eq(decodeJwt(ut.json.access_token).payload.aud, ["https://b.example.test", `${base}/oauth2/userinfo`], "resource from the authorize request is used when the token request has none");
  await sleep(3100);
  const i = await post(`${base}/oauth2/introspect`, { headers: rsAuth, form: { token: t.json.access_token } });
  check(i.text === '{"active":false}', "expired JWT: {active:false}", i.text);
});

suites.legacy = async () => withServer({ BA_ALG: "ES256", BA_JWKS_PATH: "/.well-known/jwks.json", BA_ISSUER: "https://issuer.example", BA_AUDIENCE: "api-one,api-two", BA_EXPIRATION: "5m", BA_ROTATION_INTERVAL: "3600", BA_GRACE_PERIOD: "60" }, async (s) => {
  const u = await signUp(s);
  const t = await get(`${s.auth}/token`, { headers: { authorization: `Bearer ${u.bearer}` } });
  const { header, payload } = decodeJwt(t.json.token);
  check(header.alg === "ES256" && payload.iss === "https://issuer.example" && JSON.stringify(payload.aud) === '["api-one","api-two"]' && payload.exp - payload.iat === 300, "existing options: ES256, issuer, array audience, 5m");
  try { await jwtVerify(t.json.token, await jwksOf(s, "/.well-known/jwks.json")); check(true, "verifies against BA_JWKS_PATH"); } catch (e) { check(false, "verifies against BA_JWKS_PATH", e.message); }
  check((await get(`${s.auth}/jwks`)).status === 404, "old /jwks: 404");
});

// ---- main --------------------------------------------------------------------------
const args = process.argv.slice(2);
if (args.includes("--list")) { console.log(Object.keys(suites).join("\n")); process.exit(0); }
let examplesFile;
const ei = args.indexOf("--examples");
if (ei >= 0) { examplesFile = args[ei + 1]; args.splice(ei, 2); }
const selected = args.length ? args : Object.keys(suites);
for (const name of selected) if (!suites[name]) { console.error(`unknown suite ${name}; --list shows them`); process.exit(2); }
const t0 = Date.now();
for (const name of selected) {
  console.log(`# ${name}`);
  try {
    await suites[name]();
  } catch (e) {
    failures++;
    console.log(`  FAIL ${name} threw: ${e.stack}`);
  }
}
if (examplesFile) writeFileSync(examplesFile, JSON.stringify(examples, null, 2));
console.log(`\n${passes} passed, ${failures} failed (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
process.exit(failures ? 1 : 0);
