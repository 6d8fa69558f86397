package kz.agyn.platform;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Exists only in tests: a page that fails, to see what a user is shown when the server errs. */
@RestController
class FailingTestController {

    static final String SECRET = "internal-detail-850101300124";

    @GetMapping({"/test/failure", "/api/v1/test/failure"})
    String fail() {
        throw new IllegalStateException("Something broke with " + SECRET);
    }
}
