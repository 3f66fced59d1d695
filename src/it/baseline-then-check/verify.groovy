// locust:baseline writes the baseline from the results, then check passes against it.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Baseline written to ' + new File(basedir, 'performance-baselines.json'))
assert log =~ /\[INFO\] Baseline version \(none\) -> \d{4}-\d\d-\d\d, effective from /
assert log.contains('[INFO]   added     api_gateway/p95_latency_ms: 16 ms')
assert log.contains('[INFO] Locust verdict: PASS (0 failed, 0 warnings, 9 passed)')

// what the new baseline lets each relative fail level catch; a few hundred requests per service are not thin
assert log.contains('''[INFO] 0 changed, 102 added, 0 unchanged, 0 kept; nothing removed
[INFO] Fail levels against this baseline, beyond sampling error at 95% confidence: the smallest slowdown of every request that fails each, from one run and from a run as long as you like
[INFO]   rag_service p95_latency_ms, fail +50%: +55% from one run of 257 requests, +54% at best (257 requests in the baseline)
[INFO]   api_gateway p95_latency_ms, fail +50%: +54% from one run of 345 requests, +53% at best (345 requests in the baseline)
[INFO]   mcp_server p95_latency_ms, fail +50%: +53% from one run of 302 requests, +52% at best (302 requests in the baseline)
''')
assert !log.contains('narrow it with')

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
