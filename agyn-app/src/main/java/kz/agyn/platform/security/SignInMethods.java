package kz.agyn.platform.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * How people and scripts prove who they are, brought to the two filter chains by the feature that knows the
 * users (the account feature). The platform decides who may reach what; the sign-in methods (the login form,
 * HTTP Basic, API tokens, throttling, session checks) are added here so that the platform depends on no feature.
 */
public interface SignInMethods {

    /** Adds the API door's sign-in: HTTP Basic and personal API tokens, answered with problem+json. */
    void api(HttpSecurity http) throws Exception;

    /** Adds the browser door's sign-in: the login form and what happens after it. */
    void web(HttpSecurity http) throws Exception;
}
