def log = new File(basedir, 'build.log').text
def message = ('api_gateway p95_latency_ms: 16 ms vs baseline 10 ms (+60.0%), above the fail level +50%,'
        + ' beyond sampling error: at least +55.0% at 95% confidence from 345 requests; the baseline records no sample,'
        + ' so it counts as exact.')
assert log.contains('[ERROR] FAIL ' + message)
assert log.contains('Performance regression: 1 check failed.')
assert log.contains('[ERROR]   ' + message)
assert log.contains('BUILD FAILURE')

def verdict = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/locust/verdict.json'))
assert verdict.verdict == 'FAIL'
def failed = verdict.checks.findAll { it.status == 'FAIL' }
assert failed.size() == 1
assert failed[0].service == 'api_gateway' && failed[0].endpoint == null && failed[0].metric == 'p95_latency_ms'
assert failed[0].baseline == 10 && failed[0].current == 16 && failed[0].delta == 6 && failed[0].change_pct == 60
assert failed[0].message == message

def junit = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new File(basedir, 'target/locust/TEST-locust.xml')).documentElement
assert junit.getAttribute('failures') == '1'
def failures = junit.getElementsByTagName('failure')
assert failures.length == 1
assert failures.item(0).getAttribute('message') == message
assert failures.item(0).parentNode.getAttribute('classname') == 'locust.api_gateway'
