// Two of three services are no measurement: check fails them with their reasons and judges only the third.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
String orders = "orders: no measurement: 995 of 1000 requests failed (99.50%; from 99% on, a run is no measurement), most often GET /orders with \"HTTPError('503 Server Error: Service Unavailable for url: /orders')\" (995 times). Failed requests measure the failure, not the service, so no rule judges it."
String payments = 'payments: no measurement: Locust recorded no requests. Without requests there is nothing to judge, so no rule judges it.'
assert log.contains('[ERROR] FAIL ' + orders + '\n[ERROR] FAIL ' + payments + '\n') : 'no FAIL lines'
// orders' fast failures (p95 2 ms against 40 ms) are not judged as an improvement
assert log.contains('[INFO]   p95_latency_ms     15 ms    16 ms   +6.7%  warning +20% / fail +50%  PASS\n') : 'catalog not judged'
assert !log.contains('p95_latency_ms      40 ms') && !(log =~ /orders p95_latency_ms/) : 'a rule of orders was judged'
assert log.contains('[INFO] Locust verdict: FAIL (2 failed, 0 warnings, 1 passed)\n') : 'no verdict line'
assert log.contains(':check (default) on project check-no-measurement: No measurement: 2 services measured nothing.\n[ERROR]   ' + orders + '\n[ERROR]   ' + payments + '\n') : 'no build failure'

// the history gets the service that was measured, and only it
def lines = new File(basedir, 'target/performance-trends.jsonl').readLines().findAll { it.trim() }
assert lines.size() == 1
def record = new JsonSlurper().parseText(lines[0])
assert record.verdict == 'FAIL'
assert record.services.keySet() == ['catalog'] as Set
