package dev.locustmaven.history;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A second process for the history tests: {@code append <file> <count> <tag>} appends records as fast as it can;
 * {@code prune-loop <file> <step>} prunes the file again and again, each time keeping {@code step} records fewer.
 */
public final class HistoryChild {

    private HistoryChild() {}

    public static void main(String[] args) {
        HistoryStore store = new HistoryStore(Path.of(args[1]));
        switch (args[0]) {
            case "append" -> {
                int count = Integer.parseInt(args[2]);
                System.out.println("ready");
                System.out.flush();
                for (int i = 0; i < count; i++) {
                    store.append(Records.record(args[3] + "-" + i, Instant.now(), 100 + i));
                }
            }
            case "prune-loop" -> {
                int step = Integer.parseInt(args[2]);
                int keep = store.read().records().size();
                System.out.println("ready");
                System.out.flush();
                while (keep > step) {
                    keep -= step;
                    store.prune(keep, 0, Instant.now());
                }
            }
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }
}
