package kz.agyn.account;

/** A token just created: the secret is shown to its owner this once and never stored. */
public record NewToken(ApiToken token, String secret) {
}
