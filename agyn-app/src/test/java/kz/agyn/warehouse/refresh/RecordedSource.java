package kz.agyn.warehouse.refresh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An agency's service as the tests need it: the JDK's HTTP server on 127.0.0.1, answering each path with a recorded
 * answer (status, content type, body, and a delay before it answers), and keeping every request it got.
 */
public final class RecordedSource implements AutoCloseable {

    /** An answer: {@code delayMillis} before the status line, to outlast a read timeout. */
    public record Answer(int status, String contentType, byte[] body, long delayMillis) {
        public static Answer ok(String contentType, byte[] body) {
            return new Answer(200, contentType, body, 0);
        }
    }

    /** A request as the server saw it. */
    public record Request(String path, String query, String accept) {
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    public RecordedSource() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    /** http://127.0.0.1:PORT */
    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers requests for {@code path} (decoded, without the query) with {@code answer}. */
    public RecordedSource answer(String path, Answer answer) {
        answers.put(path, answer);
        return this;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** A recording beside the tests. */
    public static byte[] recording(String name) {
        try (InputStream in = RecordedSource.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no recording " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            requests.add(new Request(path, exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders().getFirst("Accept")));
            Answer a = answers.get(path);
            if (a == null) {
                a = new Answer(404, "text/plain", ("no recording for " + path).getBytes(), 0);
            }
            if (a.delayMillis() > 0) {
                try {
                    Thread.sleep(a.delayMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            exchange.getResponseHeaders().set("Content-Type", a.contentType());
            exchange.sendResponseHeaders(a.status(), a.body().length == 0 ? -1 : a.body().length);
            if (a.body().length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(a.body());
                } catch (IOException e) {
                    // The client gave up (a timeout test): nothing to do.
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
