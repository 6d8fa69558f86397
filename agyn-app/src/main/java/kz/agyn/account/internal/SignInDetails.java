package kz.agyn.account.internal;

import java.io.Serializable;

/**
 * What a sign-in attempt carries besides its credentials: the client's address (the remote address, or behind a
 * trusted proxy the forwarded one, see server.forward-headers-strategy) and the method.
 */
public record SignInDetails(String address, SignInMethod method) implements Serializable {
}
