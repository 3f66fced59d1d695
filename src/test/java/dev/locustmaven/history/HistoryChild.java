package dev.locustmaven.history;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A second process for the history tests: {@code append <file> <count> <tag>} appends records as fast as it can;
 * {@code append-new <file> <count> <time>} appends records of that time as fast as it can, each with a run id chosen
 * under the lock, as a check does; {@code prune-loop <file> <step>} prunes the file again and again, each time keeping
 * {@code step} records fewer.
 */
public final class HistoryChild {

    static final BuildEnvironment LOCAL = new BuildEnvironment(null, null, null, null);

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
            case "append-new" -> {
                int count = Integer.parseInt(args[2]);
                Instant time = Instant.parse(args[3]);
                System.out.println("ready");
                System.out.flush();
                for (int i = 0; i < count; i++) {
                    store.appendNew(taken -> Records.record(HistoryRecord.newRunId(LOCAL, time, taken), time, 100));
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
