package kz.agyn.account.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Not a test: what a sign-in costs, run by {@code bench/password-hash.sh}. Hashes and verifies a 40-character
 * Kazakh password with the application's encoder (Argon2id 19 MiB, 2 passes), one at a time and from 16 threads
 * at once (the encoder lets as many hashes run as there are processors), and prints milliseconds per hash.
 */
public final class PasswordHashThroughput {

    private PasswordHashThroughput() {
    }

    public static void main(String[] args) throws Exception {
        PasswordEncoder encoder = new PasswordHashing().passwordEncoder();
        String password = "Қазақстандағы–ақыл–ой–ағыны–өзгеріс–№202";
        String hash = encoder.encode(password);
        for (int i = 0; i < 10; i++) {
            encoder.matches(password, hash);
        }
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            encoder.matches(password, hash);
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("one at a time: median %.0f ms, fastest %.0f ms, slowest %.0f ms per verification%n",
                ms[runs / 2], ms[0], ms[runs - 1]);
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> work = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < threads * 4; i++) {
            work.add(pool.submit(() -> encoder.matches(password, hash)));
        }
        for (Future<?> f : work) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        System.out.printf("%d threads, %d verifications: %.1f s, %.1f verifications/s, %d processors%n", threads,
                threads * 4, seconds, threads * 4 / seconds, Runtime.getRuntime().availableProcessors());
        Runtime rt = Runtime.getRuntime();
        System.out.printf("heap in use after: %d MiB%n", (rt.totalMemory() - rt.freeMemory()) >> 20);
    }
}
