// Two builds write one log: the first judges the thin endpoint under sampling error, the second (significance off) not.
def log = new File(basedir, 'build.log').text
def builds = log.split(/\[INFO\] Scanning for projects\.\.\./)
assert builds.size() == 3
def first = builds[1]
def second = builds[2]

def inconclusive = first =~ /\[WARNING\] WARN (rag_service "index" p95_latency_ms: 75 ms vs baseline 49 ms \(\+53\.1%\), above the fail level \+50% by its value, but from 75 requests that is inconclusive: at 95% confidence the change may be only \+\d+\.\d%; the baseline records no sample, so it counts as exact; about (\d+) requests would tell \+50% apart; it is beyond the warning level \+30%\.)/
assert inconclusive.find()
assert (inconclusive.group(2) as int) > 75
assert first.contains('[INFO] Locust verdict: WARN (0 failed, 1 warning, 0 passed)')
assert first.contains('BUILD SUCCESS')

def verdict = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/locust/verdict.json'))
assert verdict.verdict == 'WARN'
assert verdict.checks.size() == 1
assert verdict.checks[0].status == 'WARN'
assert verdict.checks[0].message == inconclusive.group(1)
def sampling = verdict.checks[0].sampling
assert sampling.conclusive == false && sampling.run_requests == 75 && sampling.baseline_requests == 0
assert sampling.requests_to_decide == (inconclusive.group(2) as int) && sampling.confidence == 0.95
assert sampling.change_lower < 50 && sampling.change_upper > 53.1
// the baseline records no histogram, so the response times as a whole could not be weighed
assert sampling.basis == 'value' && !sampling.containsKey('response_times')

// the same data as plain numbers: +53.1% breaks +50%
assert second.contains('[ERROR] FAIL rag_service "index" p95_latency_ms: 75 ms vs baseline 49 ms (+53.1%), above the fail level +50%.')
assert second.contains('Performance regression: 1 check failed.')
def plain = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/locust-plain/verdict.json'))
assert plain.verdict == 'FAIL' && plain.checks[0].sampling == null
