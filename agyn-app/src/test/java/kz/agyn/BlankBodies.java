package kz.agyn;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpRequest;
import java.util.Arrays;

/**
 * Request bodies of any size for the upload-limit tests: a head, {@code n} blanks made as they are read (a 100 MB
 * body is never held in the test's memory), then a tail.
 */
public final class BlankBodies {

    private BlankBodies() {
    }

    public static HttpRequest.BodyPublisher of(byte[] head, long blanks, byte[] tail) {
        return HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() ->
                new SequenceInputStream(new SequenceInputStream(new ByteArrayInputStream(head), new Blanks(blanks)),
                        new ByteArrayInputStream(tail))), head.length + blanks + tail.length);
    }

    /** {@code n} blanks, made as they are read. */
    private static final class Blanks extends InputStream {
        private long left;

        Blanks(long n) {
            left = n;
        }

        @Override
        public int read() {
            return left-- > 0 ? ' ' : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            Arrays.fill(b, off, off + n, (byte) ' ');
            left -= n;
            return n;
        }
    }
}
