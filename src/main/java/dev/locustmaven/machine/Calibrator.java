package dev.locustmaven.machine;

import dev.locustmaven.statistical.RobustStatistics;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Measures how fast this machine is right now, in a few hundred milliseconds, with work that is the same in every
 * build:
 *
 * <ul>
 *   <li><b>CPU loop</b>: SHA-256 over a fixed {@value #BUFFER_BYTES}-byte buffer, chained {@value #HASHES} times per
 *       repetition; {@value #WARM_UP_REPETITIONS} short repetitions warm the JIT up, then the median of {@value
 *       #REPETITIONS} repetitions is the figure.
 *   <li><b>Loopback round trip</b>: a server socket on 127.0.0.1 echoes {@value #MESSAGE_BYTES}-byte messages;
 *       after {@value #WARM_UP_ROUND_TRIPS} round trips, the median of {@value #ROUND_TRIPS} is the figure.
 * </ul>
 *
 * Wall-clock time is measured, not CPU time: a neighbour that takes the CPU away, or a scheduler that wakes the echo
 * thread late, is exactly what the figures should show.
 */
public final class Calibrator {

    /** The method of these figures; change it whenever the work measured changes. */
    public static final int METHOD = 1;

    static final int BUFFER_BYTES = 16 * 1024;
    static final int WARM_UP_REPETITIONS = 4;
    static final int WARM_UP_HASHES = 200;
    static final int REPETITIONS = 7;
    static final int HASHES = 1500;
    static final int MESSAGE_BYTES = 32;
    static final int WARM_UP_ROUND_TRIPS = 50;
    static final int ROUND_TRIPS = 300;
    private static final int SOCKET_TIMEOUT_MS = 5_000;

    private final Clock clock;

    /** Keeps the JIT from dropping the loop's result. */
    private static volatile byte[] sink;

    public Calibrator() {
        this(Clock.systemUTC());
    }

    public Calibrator(Clock clock) {
        this.clock = clock;
    }

    /**
     * Measures both figures.
     *
     * @param measuredBy {@link MeasuredCalibration#BY_RUN} or {@link MeasuredCalibration#BY_CHECK}
     * @throws MachineCalibrationException when the loopback cannot be opened or stops answering
     */
    public MeasuredCalibration measure(String measuredBy) {
        long start = System.nanoTime();
        double cpu = cpuLoopMs();
        double loopback = loopbackRoundTripMs();
        double took = (System.nanoTime() - start) / 1e6;
        return new MeasuredCalibration(new Calibration(METHOD, cpu, loopback), clock.instant(), measuredBy, took);
    }

    static double cpuLoopMs() {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
        byte[] buffer = new byte[BUFFER_BYTES];
        for (int i = 0; i < buffer.length; i++) {
            buffer[i] = (byte) (i * 31 + 7);
        }
        for (int i = 0; i < WARM_UP_REPETITIONS; i++) {
            hash(sha, buffer, WARM_UP_HASHES);
        }
        double[] times = new double[REPETITIONS];
        for (int i = 0; i < REPETITIONS; i++) {
            times[i] = hash(sha, buffer, HASHES);
        }
        return RobustStatistics.median(times);
    }

    /** Milliseconds for {@code count} chained hashes: each digest is hashed with the buffer into the next. */
    private static double hash(MessageDigest sha, byte[] buffer, int count) {
        long start = System.nanoTime();
        byte[] digest = new byte[32];
        for (int i = 0; i < count; i++) {
            sha.update(buffer);
            sha.update(digest);
            digest = sha.digest();
        }
        double ms = (System.nanoTime() - start) / 1e6;
        sink = digest;
        return ms;
    }

    static double loopbackRoundTripMs() {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        AtomicReference<IOException> echoFailure = new AtomicReference<>();
        try (ServerSocket server = new ServerSocket(0, 1, loopback)) {
            server.setSoTimeout(SOCKET_TIMEOUT_MS);
            Thread echo = new Thread(() -> echo(server, echoFailure), "locust-calibration-echo");
            echo.setDaemon(true);
            echo.start();
            double[] times = new double[ROUND_TRIPS];
            try (Socket client = new Socket(loopback, server.getLocalPort())) {
                client.setTcpNoDelay(true);
                client.setSoTimeout(SOCKET_TIMEOUT_MS);
                InputStream in = client.getInputStream();
                OutputStream out = client.getOutputStream();
                byte[] message = new byte[MESSAGE_BYTES];
                byte[] answer = new byte[MESSAGE_BYTES];
                for (int i = -WARM_UP_ROUND_TRIPS; i < ROUND_TRIPS; i++) {
                    message[0] = (byte) i;
                    long start = System.nanoTime();
                    out.write(message);
                    out.flush();
                    if (in.readNBytes(answer, 0, MESSAGE_BYTES) < MESSAGE_BYTES) {
                        throw new IOException("the echo thread closed the connection");
                    }
                    if (i >= 0) {
                        times[i] = (System.nanoTime() - start) / 1e6;
                    }
                }
            }
            echo.join(SOCKET_TIMEOUT_MS);
            return RobustStatistics.median(times);
        } catch (IOException e) {
            IOException cause = echoFailure.get() != null ? echoFailure.get() : e;
            throw new MachineCalibrationException(
                    "the loopback round trip on " + loopback.getHostAddress() + " failed: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MachineCalibrationException("interrupted while measuring the loopback round trip", e);
        }
    }

    private static void echo(ServerSocket server, AtomicReference<IOException> failure) {
        try (Socket socket = server.accept()) {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(SOCKET_TIMEOUT_MS);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            byte[] message = new byte[MESSAGE_BYTES];
            while (in.readNBytes(message, 0, MESSAGE_BYTES) == MESSAGE_BYTES) {
                out.write(message);
                out.flush();
            }
        } catch (IOException e) {
            failure.set(e);
        }
    }
}
