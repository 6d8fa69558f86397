package kz.agyn.tabular;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** StAX as the readers use it on untrusted files: no DTDs, no external entities, bounded tokens. */
final class Xml {

    /** No legitimate token in a workbook or an SDMX message comes near this; an attribute value does not stream. */
    static final int MAX_TOKEN_BYTES = 4 << 20;
    static final int MAX_DEPTH = 100;

    private static final XMLInputFactory FACTORY = factory();

    private Xml() {
    }

    private static XMLInputFactory factory() {
        // The JDK's own parser, not whatever the classpath offers: its behaviour on hostile input is the one tested.
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return f;
    }

    static XMLStreamReader reader(InputStream in) throws XMLStreamException {
        return FACTORY.createXMLStreamReader(new TokenGuard(in));
    }

    /**
     * Fails a stream with a run of more than {@link #MAX_TOKEN_BYTES} bytes without a '&lt;': the parser would
     * otherwise build that run into one string (character data is streamed in chunks, attribute values are not).
     */
    static final class TokenGuard extends FilterInputStream {
        static final class TokenTooLong extends IOException {
            private static final long serialVersionUID = 1L;

            TokenTooLong() {
                super("token too long");
            }
        }

        private int run;

        TokenGuard(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                see((byte) b);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            for (int i = 0; i < n; i++) {
                see(b[off + i]);
            }
            return n;
        }

        private void see(byte b) throws TokenTooLong {
            if (b == '<') {
                run = 0;
            } else if (++run > MAX_TOKEN_BYTES) {
                throw new TokenTooLong();
            }
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] scratch = new byte[(int) Math.min(8192, Math.max(0, n))];
            int r = read(scratch, 0, scratch.length);
            return Math.max(0, r);
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }

    /** Whether a failure came from one of the guards rather than from the XML itself. */
    static boolean caused(Throwable e, Class<? extends Throwable> kind) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (kind.isInstance(t)) {
                return true;
            }
            if (t instanceof XMLStreamException x && x.getNestedException() != null
                    && kind.isInstance(x.getNestedException())) {
                return true;
            }
        }
        return false;
    }

    /**
     * What went wrong while streaming an XML document, as the user's problem: the size limit (the caller's own
     * message, since each reader states its own limits), a token too long, or malformed XML at its line and column.
     */
    static TabularException failure(Exception e, javax.xml.stream.XMLStreamReader x, String file,
                                    boolean sizeExceeded, java.util.function.Supplier<TabularException> tooLarge) {
        TabularException t;
        if (sizeExceeded) {
            t = tooLarge.get();
        } else if (caused(e, TokenGuard.TokenTooLong.class)) {
            t = new TabularException("tabular.xml.tokenTooLong", new Location(file, null, 0, 0),
                    MAX_TOKEN_BYTES >> 20);
        } else {
            int line = 0;
            int column = 0;
            if (e instanceof javax.xml.stream.XMLStreamException xe && xe.getLocation() != null) {
                line = xe.getLocation().getLineNumber();
                column = xe.getLocation().getColumnNumber();
            } else if (x != null) {
                try {
                    line = x.getLocation().getLineNumber();
                    column = x.getLocation().getColumnNumber();
                } catch (RuntimeException ignored) {
                    // No position to report.
                }
            }
            line = Math.max(0, line);
            column = Math.max(0, column);
            t = new TabularException("tabular.xml.malformed", new Location(file, null, line, column), line, column);
        }
        t.initCause(e);
        return t;
    }

    /** Reads a whole document from an open stream reader. */
    interface Body {
        void parse(javax.xml.stream.XMLStreamReader x) throws javax.xml.stream.XMLStreamException, TabularException;
    }

    /**
     * Streams a document of at most {@code maxBytes} through {@code body} with the hardened reader, and turns any
     * failure into the user's problem ({@link #failure}); returns the bytes read. The caller closes {@code in}.
     */
    static long stream(java.io.InputStream in, long maxBytes, String file, Body body,
                       java.util.function.Supplier<TabularException> tooLarge) throws TabularException {
        CountingInputStream counted = new CountingInputStream(in, maxBytes);
        javax.xml.stream.XMLStreamReader x = null;
        try {
            x = reader(counted);
            body.parse(x);
        } catch (javax.xml.stream.XMLStreamException | RuntimeException e) {
            throw failure(e, x, file, counted.exceeded(), tooLarge);
        } finally {
            if (x != null) {
                try {
                    x.close();
                } catch (javax.xml.stream.XMLStreamException | RuntimeException ignored) {
                    // Already failing or finished; the caller closes the stream.
                }
            }
        }
        return counted.count();
    }
}
