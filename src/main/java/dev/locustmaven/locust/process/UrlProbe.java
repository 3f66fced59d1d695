package dev.locustmaven.locust.process;

import dev.locustmaven.locust.LocustDuration;
import dev.locustmaven.locust.LocustRunException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

/** Polls a URL until it answers: any HTTP response with a status below 500 (a 503 means "starting"). */
public final class UrlProbe {

    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration PAUSE = Duration.ofMillis(500);

    private UrlProbe() {}

    /**
     * @param what names the setting for messages, e.g. {@code waitFor}
     * @param abort checked between attempts; a non-null text ends the wait with that reason (the process that should
     *     answer has exited)
     * @throws LocustRunException when the URL did not answer within {@code timeout}, or {@code abort} said why
     */
    public static void await(URI url, Duration timeout, String what, Supplier<String> abort) {
        if (url.getScheme() == null || !url.getScheme().matches("https?")) {
            throw new LocustRunException(what + " '" + url + "' is not an http or https URL.");
        }
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(ATTEMPT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        HttpRequest request =
                HttpRequest.newBuilder(url).timeout(ATTEMPT_TIMEOUT).GET().build();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no attempt";
        while (true) {
            try {
                int status = client.send(request, HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                if (status < 500) {
                    return;
                }
                last = "HTTP " + status;
            } catch (IOException e) {
                last = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LocustRunException("Interrupted while waiting for " + what + " " + url + ".", e);
            }
            String reason = abort.get();
            if (reason != null) {
                throw new LocustRunException(what + " " + url + " never answered: " + reason);
            }
            if (System.nanoTime() > deadline) {
                throw new LocustRunException(what + " " + url + " did not answer within "
                        + LocustDuration.toLocust(timeout) + " (last attempt: " + last + ").");
            }
            try {
                Thread.sleep(PAUSE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LocustRunException("Interrupted while waiting for " + what + " " + url + ".", e);
            }
        }
    }
}
