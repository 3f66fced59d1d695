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

// beside the seed-shaped values, the samples they were measured from, for the baseline's sampling error
def p95Sample = baseline.sampling.services.api_gateway.p95_latency_ms
assert p95Sample.kind == 'percentile' && p95Sample.fraction == 0.95
def histogram = baseline.sampling.histograms[p95Sample.histogram]
assert p95Sample.histogram == 'api_gateway'
assert histogram.values().sum() == baseline.api_gateway.request_count
assert baseline.sampling.services.api_gateway.error_rate_pct ==
        [kind: 'rate', requests: baseline.api_gateway.request_count, events: baseline.api_gateway.failure_count]
assert baseline.sampling.services.rag_service.endpoints.query.p95_latency_ms.histogram == 'rag_service/query'
// counts, minimum and maximum are judged as they stand and have no sample
assert baseline.sampling.services.api_gateway.request_count == null
assert baseline.sampling.services.api_gateway.max_latency_ms == null
