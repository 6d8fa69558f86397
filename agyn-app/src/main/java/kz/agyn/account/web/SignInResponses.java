package kz.agyn.account.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.agyn.platform.security.Problems;

/** Answers of the API door to a caller that must wait: 429 with Retry-After (RFC 6585, RFC 9110). */
final class SignInResponses {

    private SignInResponses() {
    }

    static void tooMany(Problems problems, HttpServletRequest request, HttpServletResponse response,
                        Duration retryAfter) throws IOException {
        long seconds = Math.max(1, retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0));
        response.setHeader("Retry-After", Long.toString(seconds));
        problems.write(request, response, 429, "Too Many Requests", "api.auth.locked",
                Map.of("retryAfter", seconds), Math.max(1, (seconds + 59) / 60));
    }
}
