// run + check in one build: check passes against the baseline, and what it judged is the run's final-stats.json,
// whose numbers are the ones the run goal printed and Locust's own final console summary.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def json = new JsonSlurper()
def dir = new File(basedir, 'target/locust/rag_service')

// the demo service and the scenario's host use the free port build-helper reserved when the build started
def port = (log =~ /\[INFO\] Reserved port (\d+) for demo\.port/)[0][1]
assert log =~ /\[INFO\] Started process 'demo-service' \(pid \d+\): python3 \S+demo_service\.py ${port}; output in /
assert log =~ /\[INFO\] Scenario 'rag_service': Locust 2\.47\.0 \(.*\), 4 users, spawn rate 4\/s, run time 5s, host http:\/\/127\.0\.0\.1:${port}; output in /

def summary = log =~ /\[INFO\] rag_service: (\d+) requests, (\d+) failed \((\d+\.\d\d)%\), (\d+\.\d) req\/s, avg (\d+\.\d) ms, p95 (\d+) ms; exit code 0; completed\. Results in (.*)/
assert summary.find()
long requests = summary.group(1) as long
long failed = summary.group(2) as long
String rps = summary.group(4)
String avg = summary.group(5)
int p95 = summary.group(6) as int
assert requests > 0 && failed == 0
assert new File(summary.group(7).trim()) == dir

// the run goal's final statistics hold exactly the printed numbers ...
def finalStats = json.parse(new File(dir, 'final-stats.json'))
assert finalStats.complete == true
def aggregated = finalStats.aggregated
assert aggregated.num_requests == requests && aggregated.num_failures == failed
assert String.format(Locale.ROOT, '%.1f', aggregated.total_rps as double) == rps
assert String.format(Locale.ROOT, '%.1f', aggregated.avg_response_time as double) == avg
assert aggregated.percentiles['0.95'] == p95
def entries = finalStats.entries.collectEntries { [(it.name): it.num_requests] }
assert entries.keySet() == ['query', 'index'] as Set
assert entries.values().sum() == requests
// ... and so does Locust's own final console summary
def console = new File(dir, 'locust.log').readLines()
def consoleCount = { String name -> (console.find { it =~ /^\S*\s+${name}\s+\d+\s+\d+\(/ } =~ /\s(\d+)\s+\d+\(/)[0][1] as long }
assert consoleCount('Aggregated') == requests
entries.each { name, count -> assert consoleCount(name) == count }

// check read those numbers: one check per rule, all passing, the current values the run printed
// (a warning about comparability with the baseline, e.g. a shorter run on a starved machine, does not fail it)
assert log =~ /\[INFO\] Locust verdict: PASS \(0 failed, \d+ warnings?, 7 passed\)/
def verdict = json.parse(new File(basedir, 'target/locust/verdict.json'))
assert verdict.verdict == 'PASS'
def current = verdict.checks.collectEntries { [((it.endpoint ?: '') + '/' + it.metric): it] }
assert current.size() == 7
assert current.values().every { it.service == 'rag_service' && it.status == 'PASS' && it.baseline != null }
assert current['/request_count'].current == requests
assert current['/failure_count'].current == failed
assert Math.abs((current['/rps'].current as double) - (aggregated.total_rps as double)) < 0.0006
assert Math.abs((current['/avg_latency_ms'].current as double) - (aggregated.avg_response_time as double)) < 0.0006
assert current['/p95_latency_ms'].current == p95
assert current['query/request_count'].current == entries.query
assert current['index/request_count'].current == entries.index
['report.md', 'TEST-locust.xml'].each { assert new File(basedir, 'target/locust/' + it).isFile() : it }

// the run goal stopped the service before check ran
def order = ["[INFO] Stopped process 'demo-service'", ':check (load) @ run-then-check ---', '[INFO] BUILD SUCCESS']
        .collect { log.indexOf(it) }
assert order.every { it >= 0 } && order == order.sort(false) : order
