package dev.betterauth4j.demo;

import java.io.PrintStream;
import java.net.URI;

/** What dev mode prints at start: a loud warning and ready-to-paste curl commands for alice and bob. */
final class DevModeBanner {

    private DevModeBanner() {
    }

    static void print(PrintStream out, URI baseUrl, DevTokenIssuer issuer) {
        String api = baseUrl + "/api/tasks";
        String line = "=".repeat(100);
        out.println(line);
        out.println(" DEV MODE - NOT FOR PRODUCTION");
        out.println(" No BETTER_AUTH_* setting was found, so this demo signs its own tokens with a throwaway Ed25519");
        out.println(" key, publishes it at " + baseUrl + "/api/auth/jwks and verifies through that JWKS like any");
        out.println(" Better Auth app. The tokens below make you alice or bob until " + issuer.expiry() + ".");
        out.println(" To verify your Better Auth app's tokens instead: BETTER_AUTH_URL=https://your-app.example");
        out.println(line);
        out.println();
        out.println("export ALICE='" + issuer.issue(DevTokenIssuer.ALICE) + "'");
        out.println("export BOB='" + issuer.issue(DevTokenIssuer.BOB) + "'");
        out.println();
        out.println("# alice creates a task and lists hers");
        out.println("TASK=$(curl -s -X POST " + api + " -H \"Authorization: Bearer $ALICE\""
                + " -H 'Content-Type: application/json' -d '{\"title\":\"Buy milk\"}'"
                + " | sed -E 's/.*\"id\":([0-9]+).*/\\1/'); echo \"alice created task $TASK\"");
        out.println("curl -s " + api + " -H \"Authorization: Bearer $ALICE\"; echo");
        out.println("# bob is refused alice's task (403) and sees only his own list");
        out.println("curl -s " + api + "/$TASK -H \"Authorization: Bearer $BOB\"; echo");
        out.println("curl -s " + api + " -H \"Authorization: Bearer $BOB\"; echo");
        out.println("# no token: 401");
        out.println("curl -s -i " + api);
        out.println();
        out.flush();
    }
}
