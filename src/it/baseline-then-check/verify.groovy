// locust:baseline writes the baseline from the results, then check passes against it.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Baseline written to ' + new File(basedir, 'performance-baselines.json'))
assert log =~ /\[INFO\] Baseline version \(none\) -> \d{4}-\d\d-\d\d, effective from /
assert log.contains('[INFO]   added     api_gateway/p95_latency_ms: 16 ms')
assert log.contains('[INFO] Locust verdict: PASS (0 failed, 0 warnings, 9 passed)')

def baseline = new groovy.json.JsonSlurper().parse(new File(basedir, 'performance-baselines.json'))
assert baseline.updated_by == 'locust:baseline'
assert baseline.metadata.locust_version == '2.47.0'
assert baseline.valid_until != null
assert baseline.api_gateway.p95_latency_ms == 16
assert baseline.api_gateway.baseline_users == 4
assert baseline.rag_service.endpoints.query.p95_latency_ms == 40
