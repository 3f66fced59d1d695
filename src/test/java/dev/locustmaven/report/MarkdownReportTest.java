package dev.locustmaven.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locustmaven.model.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownReportTest {

    @TempDir
    Path dir;

    @Test
    void rendersVerdictContextProblemsFirstThenServicesThenPassedCount() {
        String md = MarkdownReport.render(
                SampleVerdict.build(),
                new ReportContext(
                        Instant.parse("2026-01-05T10:15:30Z"),
                        "abc1234",
                        "main",
                        "https://github.com/o/r/actions/runs/1"));

        assertThat(md).isEqualTo("""
                        ## Locust performance check: FAIL

                        2 failed, 2 warnings, 3 passed, 1 missing, 1 without baseline.

                        - Time: 2026-01-05T10:15:30Z
                        - Commit: abc1234
                        - Branch: main
                        - Build: https://github.com/o/r/actions/runs/1

                        ### Failures

                        | Service | Metric | Baseline | Current | Change | Rule | Message |
                        |---|---|---:|---:|---:|---|---|
                        | api_gateway | GET /items · p95_latency_ms | 12 ms | 30 ms | +150.0% | p95_latency_ms warning +20% fail +50% | api_gateway GET /items p95_latency_ms: 30 ms is 150.0% above the baseline 12 ms; fail at +50% |
                        | api_gateway | error_rate_pct | 0% | 1.5% | +1.5 pp | error_rate_pct warning +0.5 fail +1 | api_gateway error_rate_pct: 1.5% is 1.5 above the baseline 0%; fail at +1 |

                        ### Missing metrics

                        | Service | Metric | Baseline | Current | Change | Rule | Message |
                        |---|---|---:|---:|---:|---|---|
                        | rag_service | query_p95_ms | 1200 ms | - | - | query_p95_ms warning +25% fail +50% | rag_service query_p95_ms: the run has no metric query_p95_ms for &lt;rag_service&gt; "query" |

                        ### Warnings

                        - The baseline docs/performance-baselines.json expired on 2025-11-17T12:00:00Z

                        | Service | Metric | Baseline | Current | Change | Rule | Message |
                        |---|---|---:|---:|---:|---|---|
                        | api_gateway | p95_latency_ms | 650 ms | 812 ms | +24.9% | p95_latency_ms warning +20% fail +50% | api_gateway p95_latency_ms: 812 ms is 24.9% above the baseline 650 ms; warning at +20% |

                        ### Without baseline

                        | Service | Metric | Baseline | Current | Change | Rule | Message |
                        |---|---|---:|---:|---:|---|---|
                        | rag_service | index_p95_ms | - | 2400 ms | - | index_p95_ms warning +30% fail +60% | rag_service index_p95_ms: the baseline has no index_p95_ms  |

                        ### Results by service

                        #### api_gateway

                        | Metric | Baseline | Current | Change | Rule | Status |
                        |---|---:|---:|---:|---|---|
                        | p95_latency_ms | 650 ms | 812 ms | +24.9% | p95_latency_ms warning +20% fail +50% | WARN |
                        | GET /items · p95_latency_ms | 12 ms | 30 ms | +150.0% | p95_latency_ms warning +20% fail +50% | FAIL |
                        | error_rate_pct | 0% | 1.5% | +1.5 pp | error_rate_pct warning +0.5 fail +1 | FAIL |
                        | rps | 2.5 | 2.4 | -4.0% | rps warning -20% fail -40% | PASS |

                        #### mcp_server

                        | Metric | Baseline | Current | Change | Rule | Status |
                        |---|---:|---:|---:|---|---|
                        | sandbox_violations | - | 0 | - | sandbox_violations warning &gt; 0 fail &gt; 1 | PASS |
                        | concurrent_limit_respected | true | true | - | concurrent_limit_respected fail == true | PASS |

                        #### rag_service

                        | Metric | Baseline | Current | Change | Rule | Status |
                        |---|---:|---:|---:|---|---|
                        | query_p95_ms | 1200 ms | - | - | query_p95_ms warning +25% fail +50% | MISSING |
                        | index_p95_ms | - | 2400 ms | - | index_p95_ms warning +30% fail +60% | NO_BASELINE |

                        ### Passed

                        3 of 8 checks passed.
                        """);
    }

    @Test
    void aRunWithoutChecksOrContextIsTheHeadingAndCount() {
        assertThat(MarkdownReport.render(
                        new Verdict(dev.locustmaven.model.Status.PASS, List.of(), List.of()), ReportContext.none()))
                .isEqualTo("## Locust performance check: PASS\n\n0 failed, 0 warnings, 0 passed.\n\n### Passed\n\n0"
                        + " of 0 checks passed.\n");
    }

    @Test
    void escapesTextThatWouldBreakATableOrBeReadAsMarkup() {
        assertThat(MarkdownReport.escape("GET /a|b *_p95_ms `x` [y] <b> & \\ line\nbreak"))
                .isEqualTo("GET /a\\|b \\*_p95_ms \\`x\\` \\[y\\] &lt;b&gt; &amp; \\\\ line break");
    }

    @Test
    void writesTheFileCreatingItsFolder() throws IOException {
        Path file = dir.resolve("target/locust/report.md");

        MarkdownReport.write(file, SampleVerdict.build(), ReportContext.none());

        assertThat(Files.readString(file)).startsWith("## Locust performance check: FAIL\n");
    }
}
