package kz.agyn.account.internal;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Set;

import kz.agyn.account.AccountException;
import kz.agyn.account.AccountService;
import kz.agyn.account.PasswordPolicy;
import kz.agyn.account.Role;
import kz.agyn.platform.startup.StartupProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.MessageSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * There is no default password: the first start on an empty database creates {@code admin} with the password
 * from AGYN_ADMIN_PASSWORD, or with a random one printed once to the console (not to the log, which may be
 * shipped elsewhere) that must be changed at first sign-in. It runs before the other start-up runners (the
 * demonstration data take a minute), so that an unusable AGYN_ADMIN_PASSWORD is reported at once.
 */
@Component
// Part of starting the observatory; a command-line tool (no web server) neither needs it nor should wait for it.
@ConditionalOnWebApplication
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final AccountService accounts;
    private final MessageSource messages;
    private final String initialPassword;

    AdminBootstrap(AccountService accounts, MessageSource messages,
                   @Value("${agyn.admin.initial-password:}") String initialPassword) {
        this.accounts = accounts;
        this.messages = messages;
        this.initialPassword = initialPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.hasUsers()) {
            return;
        }
        boolean generated = initialPassword == null || initialPassword.isBlank();
        String password = generated ? randomPassword() : initialPassword;
        try {
            accounts.createUser("admin", password, Set.of(Role.ADMIN), "Administrator", "kk", generated);
        } catch (AccountException e) {
            throw new StartupProblem("AGYN_ADMIN_PASSWORD (agyn.admin.initial-password) cannot be used: "
                    + messages.getMessage(e.code(), e.args(), Locale.ENGLISH),
                    "Set AGYN_ADMIN_PASSWORD to another password, or leave it empty to be given a one-time password.");
        }
        if (generated) {
            System.out.println();
            System.out.println("==================================================================");
            System.out.println(" Agyn: first start. Sign in as   admin   with the one-time password");
            System.out.println("     " + password);
            System.out.println(" It is shown only now; you will be asked to change it.");
            System.out.println("==================================================================");
            System.out.println();
        } else {
            log.info("Created the administrator 'admin' with the password from AGYN_ADMIN_PASSWORD");
        }
    }

    /** 16 random characters (about 93 bits), drawn again in the unlikely case the policy refuses them. */
    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        while (true) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 16; i++) {
                sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            try {
                PasswordPolicy.check("admin", sb.toString());
                return sb.toString();
            } catch (AccountException refused) {
                // e.g. it happened to contain "admin": draw again
            }
        }
    }
}
