package dev.locustmaven.benchmarks.clinic;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A regression switched on from the command line: {@code --clinic.slowdown=2 --clinic.endpoint=owners} makes every
 * request to one endpoint take twice its CPU time on the server (the controller, the database and writing the JSON),
 * as code that became twice as slow would: the extra work is CPU work, so on a busy machine it waits for the CPU like
 * the rest. The default ({@code 1.0}, {@code none}) changes nothing.
 */
@Component
class Regression extends OncePerRequestFilter {

    /** Each endpoint's name, and its method and path. */
    private static final Map<String, Pattern> ENDPOINTS = Map.of(
            "owners", Pattern.compile("GET /owners"),
            "owner", Pattern.compile("GET /owners/\\d+"),
            "vets", Pattern.compile("GET /vets"),
            "visit", Pattern.compile("POST /owners/\\d+/pets/\\d+/visits"));

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final double slowdown;
    private final Pattern endpoint;

    Regression(@Value("${clinic.slowdown:1.0}") double slowdown, @Value("${clinic.endpoint:none}") String endpoint) {
        if (!endpoint.equals("none") && !ENDPOINTS.containsKey(endpoint)) {
            throw new IllegalArgumentException(
                    "clinic.endpoint must be none or one of " + ENDPOINTS.keySet() + ", not " + endpoint);
        }
        if (!(slowdown >= 1)) {
            throw new IllegalArgumentException("clinic.slowdown must be 1.0 or more, not " + slowdown);
        }
        this.slowdown = slowdown;
        this.endpoint = ENDPOINTS.get(endpoint);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (endpoint == null
                || slowdown == 1
                || !endpoint.matcher(request.getMethod() + " " + request.getRequestURI())
                        .matches()) {
            chain.doFilter(request, response);
            return;
        }
        long start = THREADS.getCurrentThreadCpuTime();
        chain.doFilter(request, response);
        burn((long) ((THREADS.getCurrentThreadCpuTime() - start) * (slowdown - 1)));
    }

    private static void burn(long cpuNanos) {
        long until = THREADS.getCurrentThreadCpuTime() + cpuNanos;
        double sink = 0;
        while (THREADS.getCurrentThreadCpuTime() < until) {
            for (int i = 1; i < 2_000; i++) {
                sink += Math.sqrt(i);
            }
        }
        if (sink < 0) {
            throw new AssertionError();
        }
    }
}
