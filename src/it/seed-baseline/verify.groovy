// The seed document's baseline and threshold table: throughput rose and latencies fell, so every rule passes (the
// seed's own script would have failed on the rps rise); the stale baseline and the different load are reported.
def log = new File(basedir, 'build.log').text
assert log.contains('[WARNING] WARN The baseline expired on 2025-11-17 (valid_until 2025-11-17T12:00:00Z); re-baseline with mvn locust:baseline once the current numbers are accepted.')
assert log.contains('[WARNING] WARN api_gateway ran with 4 users, but its baseline was measured with 1 (baseline_users)')
assert log.contains('but the baseline was measured with Locust 2.20.0 (metadata.locust_version); the median changed'
        + ' between them (from 2.47.0 it is the upper median, equal to the 50% column')
assert log.contains('[INFO] Locust verdict: PASS (0 failed, 5 warnings, 12 passed)')
assert log.contains('BUILD SUCCESS')

def verdict = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/locust/verdict.json'))
assert verdict.verdict == 'PASS'
def rps = verdict.checks.find { it.service == 'api_gateway' && it.metric == 'rps' }
assert rps.baseline == 2.5 && rps.current > 2.5 && rps.status == 'PASS'
assert verdict.checks.find { it.metric == 'sandbox_violations' }.current == 0
assert verdict.checks.find { it.metric == 'concurrent_limit_respected' }.current == true
assert verdict.checks.find { it.metric == 'query_p95_ms' }.status == 'PASS'
