package dev.locustmaven.locust.run;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/** The system under test of the core tests: an HTTP server on 127.0.0.1 with a fast, a slow and a failing path. */
final class TargetServer implements AutoCloseable {

    private final HttpServer server;
    final AtomicLong hits = new AtomicLong();
    /** When each request arrived, in epoch milliseconds. */
    final Queue<Long> hitTimes = new ConcurrentLinkedQueue<>();

    TargetServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        hits.incrementAndGet();
        hitTimes.add(System.currentTimeMillis());
        String path = exchange.getRequestURI().getPath();
        int status = 200;
        if (path.equals("/slow")) {
            try {
                Thread.sleep(30);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else if (path.equals("/fail")) {
            status = 500;
        }
        byte[] body = ("ok " + path).getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
