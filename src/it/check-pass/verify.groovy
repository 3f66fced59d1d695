def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Locust verdict: PASS (0 failed, 0 warnings, 9 passed)')
assert log.contains('BUILD SUCCESS')

def verdict = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/locust/verdict.json'))
assert verdict.verdict == 'PASS'
assert verdict.checks.size() == 9
def p95 = verdict.checks.find { it.service == 'api_gateway' && it.metric == 'p95_latency_ms' }
assert p95.baseline == 15 && p95.current == 16 && p95.status == 'PASS'
assert p95.rule == 'warning +20% / fail +50%'

def junit = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new File(basedir, 'target/locust/TEST-locust.xml')).documentElement
assert junit.getAttribute('tests') == '9' && junit.getAttribute('failures') == '0'
assert new File(basedir, 'target/locust/report.md').text.startsWith('## Locust performance check: PASS')
