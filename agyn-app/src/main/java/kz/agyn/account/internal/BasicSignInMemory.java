package kz.agyn.account.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Remembers, for a short time, that a user name and password sent by HTTP Basic were right, so that a script's
 * next requests do not each pay a deliberately slow Argon2id verification (about 70 ms of CPU; a script sending
 * Basic on every request was held to 15 requests a second by it).
 *
 * <p>What is kept is never the password: an HMAC-SHA256 of name and password under a key drawn at random when the
 * process starts and never stored, so the memory is worthless outside this process and forgotten by a restart. An
 * entry is valid only while the account's password hash and security stamp are the ones it was made under, so a
 * changed password, a reset, a role change or a disabled account (each moves the stamp) take effect on the next
 * request, whatever the entry's age. Failures are never remembered: each one is verified and counted by the
 * throttle as before. The form login does not use it (one verification per session).
 */
@Component
public class BasicSignInMemory {

    private final Cache<String, Entry> entries;
    private final SecretKeySpec key;

    public BasicSignInMemory(@Value("${agyn.security.basic-memory:PT5M}") Duration lifetime) {
        this.entries = Caffeine.newBuilder().expireAfterWrite(lifetime).maximumSize(10_000).build();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    private record Entry(byte[] mac, String passwordHash, long stamp) {
    }

    /** Whether this name and password were verified recently against the account as it still is. */
    boolean remembers(AccountRepository.Credentials account, String password) {
        Entry entry = entries.getIfPresent(key(account.username()));
        return entry != null && entry.stamp() == account.stamp()
                && entry.passwordHash().equals(account.passwordHash())
                && MessageDigest.isEqual(entry.mac(), mac(account.username(), password));
    }

    /** After a verified sign-in: remember it under the account's current hash and stamp. */
    void remember(AccountRepository.Credentials account, String passwordHash, String password) {
        entries.put(key(account.username()), new Entry(mac(account.username(), password), passwordHash,
                account.stamp()));
    }

    /** Forgets a user's entry (a failed attempt with that name ends what was remembered). */
    void forget(String username) {
        entries.invalidate(key(username));
    }

    private static String key(String username) {
        return username.toLowerCase(java.util.Locale.ROOT);
    }

    private byte[] mac(String username, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(key(username).getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
